package org.partnershiptracker.query.interaction.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The product's one week grid: ISO weeks, Monday to Sunday. A range of days covers the weeks it
 * overlaps; a week "has contact" when a meeting fell on one of its days inside the range. The
 * interaction report's weeks without contact and L5's weeks with contact count the same weeks.
 */
public final class WeekGrid {
  private WeekGrid() {}

  public static LocalDate monday(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** The Mondays of the ISO weeks that overlap {@code [from, to]}. */
  public static List<LocalDate> weeks(LocalDate from, LocalDate to) {
    List<LocalDate> weeks = new ArrayList<>();
    for (LocalDate week = monday(from); !week.isAfter(to); week = week.plusWeeks(1)) {
      weeks.add(week);
    }
    return weeks;
  }

  /**
   * How many weeks of {@code [from, to]} had a meeting on one of the given days inside the range.
   */
  public static int weeksWithContact(
      Collection<LocalDate> meetingDays, LocalDate from, LocalDate to) {
    Set<LocalDate> weeks =
        meetingDays.stream()
            .filter(d -> !d.isBefore(from) && !d.isAfter(to))
            .map(WeekGrid::monday)
            .collect(Collectors.toSet());
    return weeks.size();
  }

  /** "2025-W07". */
  public static String label(LocalDate monday) {
    return "%d-W%02d"
        .formatted(
            monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
