package org.partnershiptracker.query.trust.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.partnershiptracker.events.partnership.MeetingHeld;
import org.partnershiptracker.events.partnership.PulseSurveyAnswered;
import org.partnershiptracker.events.partnership.QuickWinDelivered;
import org.partnershiptracker.events.value.AttendeeLevel;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.events.value.RoleType;
import org.partnershiptracker.query.interaction.model.WeekGrid;
import org.partnershiptracker.query.partnership.model.EventRef;
import org.partnershiptracker.query.partnership.model.MeetingKeys;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;
import org.partnershiptracker.query.partnership.model.PartnershipFacts.Milestone;
import org.partnershiptracker.query.partnership.model.PartnershipFacts.Project;
import org.partnershiptracker.query.partnership.model.Traced;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile.PracticeScore;

/**
 * One formula per practice of DESIGN.md section 7, each 0..1 over the window [start, asOf], with
 * the evidence it was computed from. A score is null when there is nothing to judge it on.
 */
final class TrustFormulas {
  private static final Set<AttendeeLevel> BOTTOM_UP =
      EnumSet.of(AttendeeLevel.ANALYST, AttendeeLevel.FRONTLINE, AttendeeLevel.MIDDLE_MANAGER);

  /** The roles whose changing hands costs L2: the people partners know to call. */
  private static final Set<RoleType> KEY_ROLES =
      EnumSet.of(RoleType.BOUNDARY_SPANNER, RoleType.POINT_OF_CONTACT);

  private static final Set<MeetingType> SOCIAL =
      EnumSet.of(MeetingType.SOCIAL, MeetingType.BRAINSTORM, MeetingType.ALIGNMENT_WORKSHOP);

  private final PartnershipFacts facts;
  private final LocalDate asOf;
  private final LocalDate start;
  private final int windowDays;
  private final TrustSettings settings;

  TrustFormulas(PartnershipFacts facts, LocalDate asOf, int windowDays, TrustSettings settings) {
    this.facts = facts;
    this.asOf = asOf;
    this.windowDays = windowDays;
    this.start = asOf.minusDays(windowDays - 1L);
    this.settings = settings;
  }

  List<PracticeScore> all() {
    return List.of(
        dataSharingFirst(),
        roleClarity(),
        bottomUpEngagement(),
        showcasing(),
        regularContact(),
        earlyWins(),
        dataOwners(),
        educationAndProtocols(),
        citizenParticipation(),
        socialCohesion(),
        perceivedTrust());
  }

  private boolean inWindow(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(asOf);
  }

  private List<Traced<MeetingHeld>> meetingsInWindow() {
    return facts.activity().tracedMeetings(start, asOf);
  }

  /** The meetings of the window of a kind, with their references: what a score counted. */
  private List<Traced<MeetingHeld>> meetingsInWindow(Predicate<MeetingHeld> kind) {
    return meetingsInWindow().stream().filter(m -> kind.test(m.event())).toList();
  }

  /**
   * L1: projects started in the trailing horizon (12 months by default) whose DSA every data
   * provider had signed before the start; a partnership that mended its practice sees it.
   */
  PracticeScore dataSharingFirst() {
    LocalDate horizon = asOf.minusMonths(settings.l1HorizonMonths());
    List<Project> started =
        facts.projects().values().stream()
            .filter(p -> p.startedOn() != null && p.startedOn().isAfter(horizon))
            .toList();
    long signedFirst = started.stream().filter(Project::signedBeforeStart).count();
    List<EventRef> events =
        EventRef.byDay(
            started.stream().flatMap(p -> facts.projectEvents(p.projectId()).stream()).toList());
    Map<String, Object> evidence =
        evidence(
            "projectsStarted",
            started.size(),
            "signedBeforeStart",
            signedFirst,
            "coWritten",
            facts.projects().values().stream().filter(Project::coWritten).count(),
            "startedWithoutSignedDsa",
            started.stream().filter(p -> !p.signedBeforeStart()).map(Project::projectId).toList());
    if (started.isEmpty()) {
      return score(
          Practice.L1_DATA_SHARING_FIRST,
          null,
          evidence,
          events,
          "No project started in the last %d months.".formatted(settings.l1HorizonMonths()));
    }
    return score(
        Practice.L1_DATA_SHARING_FIRST,
        (double) signedFirst / started.size(),
        evidence,
        events,
        "%d of %d projects started in the last %d months had a data sharing agreement signed by every data provider first."
            .formatted(signedFirst, started.size(), settings.l1HorizonMonths()));
  }

  /**
   * L2: partners with a current boundary spanner and point of contact, less 0.1 for each time one
   * of those two roles changed hands in the window (reassigned, or designated again after it fell
   * vacant). A partner that left in the window still counts, without its roles: leaving does not
   * tidy the score.
   */
  PracticeScore roleClarity() {
    Set<String> partners = facts.partners().keySet();
    List<PartnershipFacts.Departure> departed =
        facts.departures().stream()
            .filter(d -> inWindow(d.leftOn()) && !partners.contains(d.organisationId()))
            .toList();
    List<String> leftInWindow =
        departed.stream().map(PartnershipFacts.Departure::organisationId).distinct().toList();
    List<String> covered =
        partners.stream()
            .filter(o -> holds(o, RoleType.BOUNDARY_SPANNER) && holds(o, RoleType.POINT_OF_CONTACT))
            .toList();
    List<PartnershipFacts.RoleChange> keyRoleChanges =
        facts.roleChanges().stream()
            .filter(h -> inWindow(h.on()) && KEY_ROLES.contains(h.type()))
            .toList();
    long changesOfHands =
        keyRoleChanges.stream().filter(PartnershipFacts.RoleChange::changeOfHands).count();
    List<EventRef> events = new ArrayList<>();
    keyRoleChanges.forEach(h -> events.add(h.event()));
    departed.forEach(d -> events.add(d.event()));
    int counted = partners.size() + leftInWindow.size();
    Map<String, Object> evidence =
        evidence(
            "partners",
            counted,
            "withBoundarySpannerAndPointOfContact",
            covered.size(),
            "without",
            partners.stream().filter(o -> !covered.contains(o)).toList(),
            "leftInWindow",
            leftInWindow,
            "keyRolesChangedHandsInWindow",
            changesOfHands);
    if (counted == 0) {
      return score(
          Practice.L2_ROLE_CLARITY, null, evidence, EventRef.byDay(events), "No current partner.");
    }
    double value = Math.max(0, (double) covered.size() / counted - 0.1 * changesOfHands);
    return score(
        Practice.L2_ROLE_CLARITY,
        value,
        evidence,
        EventRef.byDay(events),
        "%d of %d partners have both a boundary spanner and a point of contact; a boundary spanner or point of contact changed hands %d time(s) in the window."
            .formatted(covered.size(), counted, changesOfHands));
  }

  private boolean holds(String organisationId, RoleType type) {
    return facts.roles().values().stream()
        .anyMatch(
            r ->
                r.organisationId().equals(organisationId)
                    && r.type() == type
                    && r.holder() != null);
  }

  /** L3: public-sector partners whose analysts, frontline staff or middle managers took part. */
  PracticeScore bottomUpEngagement() {
    List<String> publicSector =
        facts.partners().values().stream()
            .filter(p -> p.sector().isPublicSector())
            .map(PartnershipFacts.Partner::organisationId)
            .toList();
    List<Traced<MeetingHeld>> belowLeadership =
        meetingsInWindow(
            m ->
                m.attendees().stream()
                    .anyMatch(
                        a ->
                            publicSector.contains(a.organisationId().value())
                                && BOTTOM_UP.contains(a.level())));
    List<String> engaged =
        publicSector.stream()
            .filter(
                o ->
                    belowLeadership.stream()
                        .anyMatch(
                            m ->
                                m.event().attendees().stream()
                                    .anyMatch(
                                        a ->
                                            a.organisationId().value().equals(o)
                                                && BOTTOM_UP.contains(a.level()))))
            .toList();
    List<EventRef> events = EventRef.byDay(Traced.refs(belowLeadership));
    Map<String, Object> evidence =
        evidence(
            "publicSectorPartners",
            publicSector.size(),
            "engagedBelowLeadership",
            engaged.size(),
            "notEngaged",
            publicSector.stream().filter(o -> !engaged.contains(o)).toList());
    if (publicSector.isEmpty()) {
      return score(
          Practice.L3_BOTTOM_UP_ENGAGEMENT, null, evidence, events, "No public-sector partner.");
    }
    return score(
        Practice.L3_BOTTOM_UP_ENGAGEMENT,
        (double) engaged.size() / publicSector.size(),
        evidence,
        events,
        "%d of %d public-sector partners had analysts, frontline staff or middle managers at an interaction in the window."
            .formatted(engaged.size(), publicSector.size()));
  }

  /** L4: showcases against one per 90 days per active project (at least one project's worth). */
  PracticeScore showcasing() {
    List<Traced<MeetingHeld>> held = meetingsInWindow(m -> m.type() == MeetingType.SHOWCASE);
    long showcases = held.size();
    long active = facts.projects().values().stream().filter(p -> p.activeOn(asOf)).count();
    double expected = Math.max(1, active) * windowDays / 90.0;
    return score(
        Practice.L4_SHOWCASING,
        Math.min(1, showcases / expected),
        evidence("showcases", showcases, "activeProjects", active, "expected", round(expected)),
        EventRef.byDay(Traced.refs(held)),
        "%d showcase(s) in the window, against %.1f expected.".formatted(showcases, expected));
  }

  /**
   * L5: share of the window's weeks (the product's week grid) with contact, times on-site days
   * against one a fortnight.
   */
  PracticeScore regularContact() {
    List<Traced<MeetingHeld>> traced = meetingsInWindow();
    List<MeetingHeld> meetings = Traced.events(traced);
    int weeks = WeekGrid.weeks(start, asOf).size();
    int withContact =
        WeekGrid.weeksWithContact(meetings.stream().map(MeetingHeld::heldOn).toList(), start, asOf);
    List<LocalDate> onSite =
        meetings.stream()
            .filter(m -> m.type() == MeetingType.ON_SITE_WORK_DAY)
            .map(MeetingHeld::heldOn)
            .distinct()
            .toList();
    double expectedOnSite = windowDays / 14.0;
    LocalDate lastOnSite =
        facts.activity().lastDay(MeetingKeys.onSite(facts.lens()), asOf).orElse(null);
    Long daysSinceOnSite = lastOnSite == null ? null : ChronoUnit.DAYS.between(lastOnSite, asOf);
    double value = ((double) withContact / weeks) * Math.min(1, onSite.size() / expectedOnSite);
    String sinceText =
        lastOnSite == null
            ? "no on-site work day recorded"
            : "last on-site work day " + daysSinceOnSite + " days ago";
    return score(
        Practice.L5_REGULAR_CONTACT,
        value,
        evidence(
            "weeksWithContact",
            withContact,
            "weeks",
            weeks,
            "onSiteDays",
            onSite.size(),
            "expectedOnSiteDays",
            round(expectedOnSite),
            "lastOnSiteDayOn",
            lastOnSite,
            "daysSinceLastOnSiteDay",
            daysSinceOnSite),
        EventRef.byDay(Traced.refs(traced)),
        "Contact in %d of %d weeks; %d on-site day(s) against %.1f expected; %s."
            .formatted(withContact, weeks, onSite.size(), expectedOnSite, sinceText));
  }

  /**
   * I2: quick wins against one per 45 days, averaged with the on-time rate of milestones due in the
   * window.
   */
  PracticeScore earlyWins() {
    List<Traced<QuickWinDelivered>> delivered =
        facts.tracedQuickWins().stream().filter(q -> inWindow(q.event().deliveredOn())).toList();
    long quickWins = delivered.size();
    double quickPart = Math.min(1, quickWins / (windowDays / 45.0));
    List<Milestone> due =
        facts.milestones().values().stream().filter(m -> inWindow(m.originalDueOn())).toList();
    long onTime = due.stream().filter(Milestone::achievedOnTime).count();
    Double rate = due.isEmpty() ? null : (double) onTime / due.size();
    List<EventRef> events = new ArrayList<>(Traced.refs(delivered));
    due.forEach(m -> events.addAll(facts.milestoneEvents(m)));
    double value = rate == null ? quickPart : (quickPart + rate) / 2;
    return score(
        Practice.I2_EARLY_WINS,
        value,
        evidence(
            "quickWins",
            quickWins,
            "expectedQuickWins",
            round(windowDays / 45.0),
            "milestonesDue",
            due.size(),
            "milestonesOnTime",
            onTime,
            "onTimeRate",
            rate == null ? null : round(rate)),
        EventRef.byDay(events),
        "%d quick win(s) in the window; %s."
            .formatted(
                quickWins,
                rate == null
                    ? "no milestone fell due"
                    : "%d of %d milestones due were achieved on time"
                        .formatted(onTime, due.size())));
  }

  /** I1: sessions with data owners, or data owners at an interaction, against one per 90 days. */
  PracticeScore dataOwners() {
    return cadence(
        Practice.I1_DATA_OWNERS,
        m -> m.type() == MeetingType.DATA_OWNER_SESSION || attended(m, AttendeeLevel.DATA_OWNER),
        90,
        "interaction(s) with data owners");
  }

  /** I3: training events (education, data protocols) against one per 90 days. */
  PracticeScore educationAndProtocols() {
    return cadence(
        Practice.I3_EDUCATION_AND_PROTOCOLS,
        m -> m.type() == MeetingType.TRAINING,
        90,
        "training event(s)");
  }

  /** I4: citizen sessions, or citizens at an interaction, against one per 180 days. */
  PracticeScore citizenParticipation() {
    return cadence(
        Practice.I4_CITIZEN_PARTICIPATION,
        m -> m.type() == MeetingType.CITIZEN_ENGAGEMENT || attended(m, AttendeeLevel.CITIZEN),
        180,
        "interaction(s) with citizens");
  }

  private static boolean attended(MeetingHeld meeting, AttendeeLevel level) {
    return meeting.attendees().stream().anyMatch(a -> a.level() == level);
  }

  /** Interactions of a kind in the window against one per {@code everyDays} days, capped at 1. */
  private PracticeScore cadence(
      Practice practice, Predicate<MeetingHeld> kind, int everyDays, String what) {
    List<Traced<MeetingHeld>> kindHeld = meetingsInWindow(kind);
    long held = kindHeld.size();
    double expected = (double) windowDays / everyDays;
    return score(
        practice,
        Math.min(1, held / expected),
        evidence("interactions", held, "expected", round(expected)),
        EventRef.byDay(Traced.refs(kindHeld)),
        "%d %s in the window, against %.1f expected.".formatted(held, what, expected));
  }

  /** Social cohesion: socials, brainstorms and alignment workshops against one per 60 days. */
  PracticeScore socialCohesion() {
    List<Traced<MeetingHeld>> held = meetingsInWindow(m -> SOCIAL.contains(m.type()));
    long social = held.size();
    double expected = windowDays / 60.0;
    return score(
        Practice.SOCIAL_COHESION,
        Math.min(1, social / expected),
        evidence("socialInteractions", social, "expected", round(expected)),
        EventRef.byDay(Traced.refs(held)),
        "%d social, brainstorm or alignment session(s) against %.1f expected."
            .formatted(social, expected));
  }

  /** Perceived trust: mean pulse-survey answer (1-5) rescaled to 0..1. */
  PracticeScore perceivedTrust() {
    List<Traced<PulseSurveyAnswered>> traced = facts.activity().tracedSurveys(start, asOf);
    List<PulseSurveyAnswered> answers = Traced.events(traced);
    // Every answer of the window, or for a partner every answer it gave or received.
    List<EventRef> events = EventRef.byDay(Traced.refs(traced));
    String partner = facts.lens();
    if (partner != null) {
      return trustGivenAndReceived(partner, answers, events);
    }
    Map<String, Object> evidence =
        evidence(
            "answers",
            answers.size(),
            "meanTrust",
            answers.isEmpty() ? null : round(mean(answers)));
    if (answers.isEmpty()) {
      return score(
          Practice.PERCEIVED_TRUST,
          null,
          evidence,
          events,
          "No pulse survey answered in the window.");
    }
    double mean = mean(answers);
    return score(
        Practice.PERCEIVED_TRUST,
        (mean - 1) / 4,
        evidence,
        events,
        "Mean trust %.1f of 5 over %d answer(s).".formatted(mean, answers.size()));
  }

  /**
   * For one partner, the trust it gives (its own answers) beside the trust it receives (answers
   * about it): a council that trusts everyone but is trusted by no one is not the same as one
   * trusted by all. The score is the trust received.
   */
  private PracticeScore trustGivenAndReceived(
      String partner, List<PulseSurveyAnswered> answers, List<EventRef> events) {
    List<PulseSurveyAnswered> given =
        answers.stream().filter(a -> a.respondentOrganisationId().value().equals(partner)).toList();
    List<PulseSurveyAnswered> received =
        answers.stream().filter(a -> a.aboutOrganisationId().value().equals(partner)).toList();
    Map<String, Object> evidence =
        evidence(
            "answersGiven",
            given.size(),
            "trustGiven",
            given.isEmpty() ? null : round(mean(given)),
            "answersReceived",
            received.size(),
            "trustReceived",
            received.isEmpty() ? null : round(mean(received)));
    String givenText =
        given.isEmpty()
            ? "it answered no survey"
            : "it gives %.1f of 5 over %d answer(s)".formatted(mean(given), given.size());
    if (received.isEmpty()) {
      return score(
          Practice.PERCEIVED_TRUST,
          null,
          evidence,
          events,
          "No partner rated it in the window; %s.".formatted(givenText));
    }
    double trustReceived = mean(received);
    return score(
        Practice.PERCEIVED_TRUST,
        (trustReceived - 1) / 4,
        evidence,
        events,
        "It receives %.1f of 5 over %d answer(s); %s."
            .formatted(trustReceived, received.size(), givenText));
  }

  private static double mean(List<PulseSurveyAnswered> answers) {
    return answers.stream().mapToInt(PulseSurveyAnswered::trust).average().orElse(0);
  }

  private PracticeScore score(
      Practice practice,
      Double value,
      Map<String, Object> evidence,
      List<EventRef> events,
      String explanation) {
    return new PracticeScore(
        practice,
        practice.code(),
        value == null ? null : round(value),
        settings.weight(practice),
        evidence,
        events,
        explanation);
  }

  private static Map<String, Object> evidence(Object... pairs) {
    Map<String, Object> evidence = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      evidence.put((String) pairs[i], pairs[i + 1]);
    }
    return evidence;
  }

  static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
