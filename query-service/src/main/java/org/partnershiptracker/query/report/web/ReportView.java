package org.partnershiptracker.query.report.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.partnershiptracker.events.partnership.MeetingHeld;
import org.partnershiptracker.query.interaction.model.InteractionFrequency;
import org.partnershiptracker.query.milestone.model.MilestoneReport;
import org.partnershiptracker.query.milestone.model.MilestoneStatus;
import org.partnershiptracker.query.partnership.model.EventRef;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;
import org.partnershiptracker.query.report.model.PartnershipReport;
import org.partnershiptracker.query.trust.model.Practice;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile.Band;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile.OrganisationProfile;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile.PracticeScore;

/**
 * The current report as the partnership page shows it: a card per profile (the partnership, then
 * each public-sector partner) with every score's evidence, the interactions and milestones, and the
 * interactions of the window each linked to its history entry.
 */
public record ReportView(
    List<Card> cards,
    InteractionFrequency interactions,
    List<Bar> weeks,
    MilestoneReport milestones,
    List<MilestoneRow> milestoneRows,
    List<MeetingLine> meetings) {

  /** Practices scored from the interactions of the window: their evidence is the meeting list. */
  static final Set<Practice> FROM_MEETINGS =
      EnumSet.of(
          Practice.L3_BOTTOM_UP_ENGAGEMENT,
          Practice.L4_SHOWCASING,
          Practice.L5_REGULAR_CONTACT,
          Practice.I1_DATA_OWNERS,
          Practice.I3_EDUCATION_AND_PROTOCOLS,
          Practice.I4_CITIZEN_PARTICIPATION,
          Practice.SOCIAL_COHESION);

  public record Card(
      String title,
      String anchor,
      String index,
      Band band,
      String perceived,
      List<ScoreLine> scores,
      List<String> recommendations) {}

  /**
   * A score, its bar (0..220 wide) and what it was computed from: the counts, and the recorded
   * events, each linked to its history entry.
   */
  public record ScoreLine(
      String code,
      String practice,
      String score,
      long barWidth,
      String colour,
      String explanation,
      List<Evidence> evidence,
      List<EventLine> events,
      boolean fromMeetings) {}

  public record Evidence(String name, String value) {}

  /**
   * An event a score was computed from: when it happened, what it was, the organisations it
   * concerns, the organisation that recorded it ("—" when its record did not say), and its entry in
   * the history (where those allowed see the person or system that recorded it).
   */
  public record EventLine(
      LocalDate on, String type, String organisations, String recordedBy, String historyHref) {}

  /** Shown for an event whose record does not name the organisation that recorded it. */
  static final String NOT_KNOWN = "—";

  /** A week's column: all interactions, and on-site days in a darker shade. */
  public record Bar(
      String x, String width, int y, int height, int onSiteY, int onSiteHeight, String text) {}

  public record MilestoneRow(
      String project, String title, LocalDate dueOn, LocalDate originalDueOn, String status) {}

  /** An interaction of the window: when, what, who took part, and its entry in the history. */
  public record MeetingLine(
      LocalDate heldOn, String type, String host, String attendees, String historyHref) {}

  static ReportView of(PartnershipReport report, PartnershipFacts facts, String historyUrl) {
    TrustBuildingProfile trust = report.trust();
    List<Card> cards = new ArrayList<>();
    cards.add(
        card(
            "Whole partnership",
            "partnership",
            trust.index(),
            trust.band(),
            trust.perceivedTrust(),
            trust.scores(),
            trust.recommendations(),
            facts,
            historyUrl));
    for (OrganisationProfile organisation : trust.organisations()) {
      cards.add(
          card(
              organisation.organisationName(),
              "organisation-" + organisation.organisationId(),
              organisation.index(),
              organisation.band(),
              organisation.perceivedTrust(),
              organisation.scores(),
              organisation.recommendations(),
              facts,
              historyUrl));
    }
    List<MeetingLine> meetings =
        facts.activity().meetings(trust.windowStart(), report.asOf()).stream()
            .sorted(java.util.Comparator.comparing(MeetingHeld::heldOn))
            .map(m -> meeting(m, facts, historyUrl))
            .toList();
    return new ReportView(
        cards,
        report.interactions(),
        weeks(report.interactions().periods()),
        report.milestones(),
        report.milestones().milestones().stream()
            .map(
                l ->
                    new MilestoneRow(
                        l.projectTitle(),
                        l.title(),
                        l.dueOn(),
                        l.originalDueOn(),
                        status(l.status())))
            .toList(),
        meetings);
  }

  private static Card card(
      String title,
      String anchor,
      Double index,
      Band band,
      Double perceived,
      List<PracticeScore> scores,
      List<TrustBuildingProfile.Recommendation> recommendations,
      PartnershipFacts facts,
      String historyUrl) {
    return new Card(
        title,
        anchor,
        index == null ? "–" : TrendChart.fmt(index),
        band,
        perceived == null ? "–" : Math.round(100 * perceived) + "%",
        scores.stream().map(s -> scoreLine(s, facts, historyUrl)).toList(),
        recommendations.stream().map(TrustBuildingProfile.Recommendation::text).toList());
  }

  private static ScoreLine scoreLine(
      PracticeScore score, PartnershipFacts facts, String historyUrl) {
    Double value = score.score();
    return new ScoreLine(
        score.code(),
        score.practice().strategy(),
        value == null ? "no evidence" : String.format(Locale.ROOT, "%.2f", value),
        value == null ? 0 : Math.round(220 * value),
        value == null ? "#595959" : value <= 0.5 ? "#b3261e" : value < 0.7 ? "#8a5300" : "#2e7d32",
        score.explanation(),
        score.evidence().entrySet().stream()
            .map(e -> new Evidence(words(e.getKey()), value(e.getValue(), facts)))
            .toList(),
        score.events().stream().map(e -> eventLine(e, facts, historyUrl)).toList(),
        FROM_MEETINGS.contains(score.practice()));
  }

  static EventLine eventLine(EventRef event, PartnershipFacts facts, String historyUrl) {
    return new EventLine(
        event.on(),
        words(event.type()),
        event.organisationIds().stream()
            .map(facts::organisationName)
            .collect(Collectors.joining(", ")),
        event.recordedByOrganisation() == null
            ? NOT_KNOWN
            : facts.organisationName(event.recordedByOrganisation()),
        historyUrl + "#event-" + event.eventId());
  }

  /** "startedWithoutSignedDsa" reads "started without signed dsa". */
  static String words(String key) {
    return key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  /** Organisations and projects by name; fractions to two places; nothing as a dash. */
  static String value(Object value, PartnershipFacts facts) {
    if (value == null) {
      return "–";
    }
    if (value instanceof Collection<?> items) {
      return items.isEmpty()
          ? "none"
          : items.stream()
              .map(i -> name(String.valueOf(i), facts))
              .collect(Collectors.joining(", "));
    }
    if (value instanceof Double number) {
      return String.format(Locale.ROOT, "%.2f", number);
    }
    return String.valueOf(value);
  }

  private static String name(String id, PartnershipFacts facts) {
    PartnershipFacts.Project project = facts.projects().get(id);
    return project != null ? project.title() : facts.organisationName(id);
  }

  private static MeetingLine meeting(
      MeetingHeld meeting, PartnershipFacts facts, String historyUrl) {
    String attendees =
        meeting.attendees().stream()
            .map(
                a ->
                    facts.organisationName(a.organisationId().value())
                        + " "
                        + a.count()
                        + " × "
                        + a.level().name().toLowerCase(Locale.ROOT).replace('_', ' '))
            .collect(Collectors.joining("; "));
    return new MeetingLine(
        meeting.heldOn(),
        meeting.type().name().toLowerCase(Locale.ROOT).replace('_', ' '),
        facts.organisationName(meeting.hostOrganisationId().value()),
        attendees,
        historyUrl + "#meeting-" + meeting.meetingId().value());
  }

  private static List<Bar> weeks(List<InteractionFrequency.Period> periods) {
    int max =
        Math.max(
            1,
            periods.stream().mapToInt(InteractionFrequency.Period::interactions).max().orElse(1));
    double slot = 560.0 / Math.max(1, periods.size());
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      InteractionFrequency.Period period = periods.get(i);
      int height = 100 * period.interactions() / max;
      int onSite = 100 * period.onSiteDays() / max;
      bars.add(
          new Bar(
              TrendChart.fmt(i * slot),
              TrendChart.fmt(slot * 0.8),
              105 - height,
              height,
              105 - onSite,
              onSite,
              period.label()
                  + ": "
                  + period.interactions()
                  + " interaction(s), "
                  + period.onSiteDays()
                  + " on-site day(s)"));
    }
    return bars;
  }

  static String status(MilestoneStatus status) {
    return STATUS.get(status);
  }

  private static final Map<MilestoneStatus, String> STATUS =
      Map.of(
          MilestoneStatus.PLANNED_UPCOMING, "upcoming",
          MilestoneStatus.OVERDUE, "overdue",
          MilestoneStatus.ACHIEVED_ON_TIME, "achieved on time",
          MilestoneStatus.ACHIEVED_LATE_RESCHEDULED, "late (rescheduled)",
          MilestoneStatus.ACHIEVED_LATE, "achieved late",
          MilestoneStatus.MISSED, "missed");
}
