package org.partnershiptracker.command.rules;

/** The rules the aggregates enforce; a refused command names one of them (HTTP 409). */
public enum Rule {
  ID_ALREADY_USED("id-already-used", "An id names one partnership, project, role, meeting, quick win or milestone only."),
  PARTNERSHIP_CLOSED("closed-partnership-accepts-nothing", "A closed partnership accepts no further activity."),
  ONLY_PARTNERS_TAKE_PART("only-partners-take-part", "Only partner organisations take part in interactions, hold roles, provide data or benefit from quick wins."),
  ALREADY_A_PARTNER("organisation-joins-once", "An organisation is a partner once at a time."),
  NOT_BEFORE_FORMATION("activity-after-formation", "Activity cannot be dated before the partnership was formed."),
  ROLE_REASSIGNED_ONLY_IF_HELD("role-reassigned-only-if-held", "A role is reassigned or vacated only while held, and only from its current holder."),
  ROLE_REASSIGNED_TO_ANOTHER_PERSON("role-reassigned-to-another-person", "A role is reassigned only to someone other than its current holder."),
  ROLE_DESIGNATION_MATCHES("role-designation-matches", "A role id keeps its type and organisation; only a vacant role is designated again."),
  DIFFERENT_ORGANISATIONS("survey-about-another-partner", "A pulse survey rates trust in another partner."),
  UNKNOWN_PROJECT("project-belongs-to-partnership", "An activity can only refer to a project of the same partnership."),
  DSA_SIGNED_BY_DATA_PROVIDERS("dsa-signed-by-data-providers", "Only the project's data providers sign its data sharing agreement, once per version."),
  DSA_DRAFTED_FIRST("dsa-drafted-first", "A data sharing agreement is drafted once, and revised, signed or expired only on or after the day it was drafted; a version that expired is revised before it is signed again."),
  DSA_BEFORE_START("dsa-before-start", "A project starts only if every data provider signed, on or before the start date, the version of the data sharing agreement in force on that date (policy 'enforce')."),
  DSA_SETTLED_AT_START("dsa-settled-at-start", "Once a project started, no revision, signature or expiry of its data sharing agreement dated on or before the start date is recorded."),
  PROJECT_STARTS_ONCE("project-starts-once", "A project starts at most once."),
  PROJECT_CLOSED("closed-project-accepts-nothing", "A completed or abandoned project accepts no further activity."),
  PROJECT_NOT_STARTED("project-started-first", "Milestones are achieved or missed, and projects completed, only after the project started."),
  MILESTONE_CLOSED_ONCE("milestone-achieved-or-missed-once", "A milestone is achieved or missed at most once, and rescheduled only while open."),
  UNKNOWN_MILESTONE("milestone-planned-first", "A milestone is achieved, missed or rescheduled only after it was planned.");

  private final String code;
  private final String statement;

  Rule(String code, String statement) {
    this.code = code;
    this.statement = statement;
  }

  /** Stable, kebab-case name used in problem responses. */
  public String code() {
    return code;
  }

  public String statement() {
    return statement;
  }
}
