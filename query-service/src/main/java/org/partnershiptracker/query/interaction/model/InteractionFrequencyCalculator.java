package org.partnershiptracker.query.interaction.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.partnershiptracker.events.partnership.MeetingHeld;
import org.partnershiptracker.events.value.Attendance;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.query.interaction.model.InteractionFrequency.OrganisationPair;
import org.partnershiptracker.query.interaction.model.InteractionFrequency.Period;
import org.partnershiptracker.query.partnership.model.Activity;
import org.partnershiptracker.query.partnership.model.MeetingKeys;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;

/** Interaction frequency between two dates: counts, cadence, gaps, levels and pairs (L3, L5). */
public final class InteractionFrequencyCalculator {
  private InteractionFrequencyCalculator() {}

  /** Interactions in {@code [from, to]}, from facts folded as of {@code to}. */
  public static InteractionFrequency calculate(
      PartnershipFacts facts, LocalDate from, LocalDate to, Granularity granularity) {
    Activity activity = facts.activity();
    List<MeetingHeld> inRange = activity.meetings(from, to);

    Map<String, Integer> byType = new TreeMap<>();
    Map<String, Integer> byLevel = new TreeMap<>();
    Map<String, Set<String>> levels = new TreeMap<>();
    for (MeetingHeld meeting : inRange) {
      byType.merge(meeting.type().name(), 1, Integer::sum);
      for (Attendance attendance : meeting.attendees()) {
        byLevel.merge(attendance.level().name(), attendance.count(), Integer::sum);
        levels
            .computeIfAbsent(attendance.organisationId().value(), o -> new TreeSet<>())
            .add(attendance.level().name());
      }
    }
    TreeSet<LocalDate> days =
        inRange.stream().map(MeetingHeld::heldOn).collect(Collectors.toCollection(TreeSet::new));
    List<Long> gaps = gaps(days);
    LocalDate last = activity.lastDay(MeetingKeys.ANY, to).orElse(null);

    return new InteractionFrequency(
        facts.partnershipId(),
        from,
        to,
        granularity,
        inRange.size(),
        byType,
        byLevel,
        onSiteDays(inRange),
        last,
        last == null ? null : ChronoUnit.DAYS.between(last, to),
        median(gaps),
        gaps.stream().max(Long::compare).orElse(null),
        WeekGrid.weeks(from, to).size() - WeekGrid.weeksWithContact(days, from, to),
        levels.entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, e -> List.copyOf(e.getValue()), (a, b) -> a, TreeMap::new)),
        periods(inRange, from, to, granularity),
        pairs(facts, inRange, to));
  }

  /** On-site days count once per day, however many on-site meetings were held that day. */
  public static int onSiteDays(List<MeetingHeld> meetings) {
    return (int)
        meetings.stream()
            .filter(m -> m.type() == MeetingType.ON_SITE_WORK_DAY)
            .map(MeetingHeld::heldOn)
            .distinct()
            .count();
  }

  static List<Long> gaps(TreeSet<LocalDate> days) {
    List<Long> gaps = new ArrayList<>();
    LocalDate previous = null;
    for (LocalDate day : days) {
      if (previous != null) {
        gaps.add(ChronoUnit.DAYS.between(previous, day));
      }
      previous = day;
    }
    return gaps;
  }

  static Double median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
  }

  private static List<Period> periods(
      List<MeetingHeld> meetings, LocalDate from, LocalDate to, Granularity granularity) {
    List<Period> periods = new ArrayList<>();
    LocalDate start =
        granularity == Granularity.WEEK ? WeekGrid.monday(from) : from.withDayOfMonth(1);
    while (!start.isAfter(to)) {
      LocalDate end = granularity == Granularity.WEEK ? start.plusWeeks(1) : start.plusMonths(1);
      LocalDate periodStart = start;
      List<MeetingHeld> inPeriod =
          meetings.stream()
              .filter(m -> !m.heldOn().isBefore(periodStart) && m.heldOn().isBefore(end))
              .toList();
      Map<String, Integer> byType = new TreeMap<>();
      inPeriod.forEach(m -> byType.merge(m.type().name(), 1, Integer::sum));
      String label =
          granularity == Granularity.WEEK
              ? WeekGrid.label(start)
              : "%d-%02d".formatted(start.getYear(), start.getMonthValue());
      periods.add(new Period(label, start, inPeriod.size(), onSiteDays(inPeriod), byType));
      start = end;
    }
    return periods;
  }

  /**
   * Every pair of organisations that had met by {@code to}: their interactions in the range and
   * their last one.
   */
  private static List<OrganisationPair> pairs(
      PartnershipFacts facts, List<MeetingHeld> inRange, LocalDate to) {
    Map<String, List<MeetingHeld>> byPair = new TreeMap<>();
    for (MeetingHeld meeting : inRange) {
      MeetingKeys.of(meeting).stream()
          .filter(MeetingKeys::isPair)
          .forEach(pair -> byPair.computeIfAbsent(pair, p -> new ArrayList<>()).add(meeting));
    }
    List<OrganisationPair> pairs = new ArrayList<>();
    for (String pair : facts.activity().pairsMet(to)) {
      String[] ids = MeetingKeys.organisationsOf(pair);
      List<MeetingHeld> meetings = byPair.getOrDefault(pair, List.of());
      LocalDate last = facts.activity().lastDay(pair, to).orElseThrow();
      pairs.add(
          new OrganisationPair(
              ids[0] + "|" + ids[1],
              ids[0],
              facts.organisationName(ids[0]),
              ids[1],
              facts.organisationName(ids[1]),
              meetings.size(),
              onSiteDays(meetings),
              last,
              ChronoUnit.DAYS.between(last, to)));
    }
    return pairs;
  }
}
