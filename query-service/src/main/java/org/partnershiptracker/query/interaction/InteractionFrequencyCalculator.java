package org.partnershiptracker.query.interaction;

import org.partnershiptracker.events.partnership.MeetingHeld;
import org.partnershiptracker.events.value.Attendance;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.query.interaction.InteractionFrequency.OrganisationPair;
import org.partnershiptracker.query.interaction.InteractionFrequency.Period;
import org.partnershiptracker.query.partnership.PartnershipFacts;
import org.partnershiptracker.query.timeline.RecordedEvent;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Interaction frequency between two dates: counts, cadence, gaps, levels and pairs (L3, L5). */
public final class InteractionFrequencyCalculator {
  private InteractionFrequencyCalculator() {}

  public static InteractionFrequency calculate(
      List<RecordedEvent> events, LocalDate from, LocalDate to, Granularity granularity) {
    PartnershipFacts facts = PartnershipFacts.of(events, to);
    List<MeetingHeld> all = facts.meetings();
    List<MeetingHeld> inRange = all.stream().filter(m -> !m.heldOn().isBefore(from)).toList();

    Map<String, Integer> byType = new TreeMap<>();
    Map<String, Integer> byLevel = new TreeMap<>();
    Map<String, Set<String>> levels = new TreeMap<>();
    for (MeetingHeld meeting : inRange) {
      byType.merge(meeting.type().name(), 1, Integer::sum);
      for (Attendance attendance : meeting.attendees()) {
        byLevel.merge(attendance.level().name(), attendance.count(), Integer::sum);
        levels.computeIfAbsent(attendance.organisationId().value(), o -> new TreeSet<>()).add(attendance.level().name());
      }
    }
    TreeSet<LocalDate> days = inRange.stream().map(MeetingHeld::heldOn).collect(Collectors.toCollection(TreeSet::new));
    List<Long> gaps = gaps(days);
    LocalDate last = all.stream().map(MeetingHeld::heldOn).max(LocalDate::compareTo).orElse(null);

    return new InteractionFrequency(
        facts.partnershipId(), from, to, granularity,
        inRange.size(), byType, byLevel, onSiteDays(inRange), last,
        last == null ? null : ChronoUnit.DAYS.between(last, to),
        median(gaps), gaps.stream().max(Long::compare).orElse(null),
        weeksWithoutContact(days, from, to),
        levels.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()), (a, b) -> a, TreeMap::new)),
        periods(inRange, from, to, granularity),
        pairs(facts, all, from, to));
  }

  /** On-site days count once per day, however many on-site meetings were held that day. */
  static int onSiteDays(List<MeetingHeld> meetings) {
    return (int) meetings.stream().filter(m -> m.type() == MeetingType.ON_SITE_WORK_DAY).map(MeetingHeld::heldOn).distinct().count();
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
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
  }

  /** ISO weeks overlapping the range in which nobody met: "big gaps make people forget" (L5). */
  static int weeksWithoutContact(TreeSet<LocalDate> days, LocalDate from, LocalDate to) {
    Set<LocalDate> weeksWithContact = days.stream().map(InteractionFrequencyCalculator::monday).collect(Collectors.toSet());
    int empty = 0;
    for (LocalDate week = monday(from); !week.isAfter(to); week = week.plusWeeks(1)) {
      if (!weeksWithContact.contains(week)) {
        empty++;
      }
    }
    return empty;
  }

  private static List<Period> periods(List<MeetingHeld> meetings, LocalDate from, LocalDate to, Granularity granularity) {
    List<Period> periods = new ArrayList<>();
    LocalDate start = granularity == Granularity.WEEK ? monday(from) : from.withDayOfMonth(1);
    while (!start.isAfter(to)) {
      LocalDate end = granularity == Granularity.WEEK ? start.plusWeeks(1) : start.plusMonths(1);
      LocalDate periodStart = start;
      List<MeetingHeld> inPeriod =
          meetings.stream().filter(m -> !m.heldOn().isBefore(periodStart) && m.heldOn().isBefore(end)).toList();
      Map<String, Integer> byType = new TreeMap<>();
      inPeriod.forEach(m -> byType.merge(m.type().name(), 1, Integer::sum));
      periods.add(new Period(label(start, granularity), start, inPeriod.size(), onSiteDays(inPeriod), byType));
      start = end;
    }
    return periods;
  }

  private static List<OrganisationPair> pairs(PartnershipFacts facts, List<MeetingHeld> all, LocalDate from, LocalDate to) {
    Map<String, List<MeetingHeld>> byPair = new TreeMap<>();
    for (MeetingHeld meeting : all) {
      List<String> organisations = new ArrayList<>(new TreeSet<>(PartnershipFacts.participants(meeting)));
      for (int i = 0; i < organisations.size(); i++) {
        for (int j = i + 1; j < organisations.size(); j++) {
          byPair.computeIfAbsent(organisations.get(i) + "|" + organisations.get(j), p -> new ArrayList<>()).add(meeting);
        }
      }
    }
    List<OrganisationPair> pairs = new ArrayList<>();
    byPair.forEach((pair, meetings) -> {
      String[] ids = pair.split("\\|");
      List<MeetingHeld> inRange = meetings.stream().filter(m -> !m.heldOn().isBefore(from)).toList();
      LocalDate last = meetings.stream().map(MeetingHeld::heldOn).max(LocalDate::compareTo).orElseThrow();
      pairs.add(new OrganisationPair(pair, ids[0], facts.organisationName(ids[0]), ids[1], facts.organisationName(ids[1]),
          inRange.size(), onSiteDays(inRange), last, ChronoUnit.DAYS.between(last, to)));
    });
    return pairs;
  }

  private static LocalDate monday(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private static String label(LocalDate start, Granularity granularity) {
    return granularity == Granularity.WEEK
        ? "%d-W%02d".formatted(start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
        : "%d-%02d".formatted(start.getYear(), start.getMonthValue());
  }
}
