package org.partnershiptracker.query.trust.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The days of a monthly trend: the as-of day and the same day of each earlier month (the last day
 * of a shorter month), oldest first. The band thresholds the trend is read against are the
 * calculator's.
 */
public final class TrustTrend {
  /** The index from which a partnership is developing rather than at risk. */
  public static final double DEVELOPING_FROM = TrustBuildingCalculator.DEVELOPING_FROM;

  /** The index from which a partnership is strong. */
  public static final double STRONG_FROM = TrustBuildingCalculator.STRONG_FROM;

  private TrustTrend() {}

  /**
   * At most {@code months} monthly days ending on {@code asOf}, none before {@code formedOn} (when
   * known), oldest first.
   */
  public static List<LocalDate> monthlyDays(LocalDate formedOn, LocalDate asOf, int months) {
    List<LocalDate> days = new ArrayList<>();
    for (int back = 0; back < months; back++) {
      LocalDate day = asOf.minusMonths(back);
      if (formedOn != null && day.isBefore(formedOn)) {
        break;
      }
      days.add(day);
    }
    Collections.reverse(days);
    return List.copyOf(days);
  }
}
