package org.partnershiptracker.command.rules;

import java.util.Locale;

/**
 * The rules the aggregates enforce; a refused command names one of them (HTTP 409). A rule's public
 * code is its name in kebab case, so the two cannot drift; the README's rule table lists the same
 * codes and statements ({@code RuleTableTest} keeps them in step).
 */
public enum Rule {
  ID_ALREADY_USED(
      "An id names one partnership, project, role, meeting, quick win or milestone only."),
  CLOSED_PARTNERSHIP_ACCEPTS_NOTHING(
      "A closed partnership accepts no further activity, its projects' included."),
  ONLY_PARTNERS_TAKE_PART(
      "Only current partners attend, host, hold roles, draft or revise agreements, provide data,"
          + " benefit from quick wins or answer surveys."),
  ORGANISATION_JOINS_ONCE("An organisation is a partner once at a time."),
  ACTIVITY_AFTER_FORMATION("Nothing is dated before the partnership was formed."),
  ROLE_REASSIGNED_ONLY_IF_HELD(
      "A role is reassigned or vacated only while held, and only from its current holder."),
  ROLE_REASSIGNED_TO_ANOTHER_PERSON(
      "A role is reassigned only to someone other than its current holder."),
  ROLE_DESIGNATION_MATCHES(
      "A role id keeps its type and organisation; only a vacant role is designated again."),
  SURVEY_ABOUT_ANOTHER_PARTNER("A pulse survey rates trust in another partner."),
  PROJECT_BELONGS_TO_PARTNERSHIP(
      "A meeting or quick win refers only to a project of the same partnership."),
  DSA_DRAFTED_FIRST(
      "A data sharing agreement is drafted once; it is revised, signed or expired only on or after"
          + " the day it was drafted; a version that expired is revised before it is signed"
          + " again."),
  DSA_SIGNED_BY_DATA_PROVIDERS(
      "Only the project's data providers sign its data sharing agreement, once per version (a"
          + " revision makes earlier signatures lapse)."),
  DSA_BEFORE_START(
      "A project starts only if every data provider signed, on or before the start date, the"
          + " version of the data sharing agreement in force on that date (policy 'enforce')."),
  DSA_SETTLED_AT_START(
      "Once a project started, no revision, signature or expiry of its data sharing agreement"
          + " dated on or before the start date is recorded."),
  PROJECT_STARTS_ONCE("A project starts at most once."),
  PROJECT_STARTED_FIRST(
      "Milestones are achieved or missed, and projects completed, only after the project started."),
  MILESTONE_PLANNED_FIRST(
      "A milestone is achieved, missed or rescheduled only after it was planned."),
  MILESTONE_ACHIEVED_OR_MISSED_ONCE(
      "A milestone is achieved or missed at most once, and rescheduled only while open."),
  CLOSED_PROJECT_ACCEPTS_NOTHING("A completed or abandoned project accepts nothing more.");

  private final String statement;

  Rule(String statement) {
    this.statement = statement;
  }

  /** Stable, kebab-case name used in problem responses and metrics. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String statement() {
    return statement;
  }
}
