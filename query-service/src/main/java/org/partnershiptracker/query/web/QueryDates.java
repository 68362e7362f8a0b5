package org.partnershiptracker.query.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The dates a query may name: between 1990-01-01 and 2100-12-31, and ranges of at most ten years.
 * Outside that no partnership has activity, and arithmetic on extreme dates would overflow or loop
 * for minutes; such a query is a 400 naming the parameter.
 */
public final class QueryDates {
  static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
  static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
  static final long LONGEST_RANGE_DAYS = 3660;

  private QueryDates() {}

  public static LocalDate check(String parameter, LocalDate day) {
    if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
      throw new BadQuery(parameter, "must be between " + EARLIEST + " and " + LATEST);
    }
    return day;
  }

  public static void checkRange(String fromParameter, LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw new BadQuery(fromParameter, "must not be after 'to' (" + to + ")");
    }
    if (ChronoUnit.DAYS.between(from, to) >= LONGEST_RANGE_DAYS) {
      throw new BadQuery(
          fromParameter, "the range may span at most " + LONGEST_RANGE_DAYS + " days");
    }
  }
}
