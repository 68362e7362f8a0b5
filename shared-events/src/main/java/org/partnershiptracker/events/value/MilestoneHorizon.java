package org.partnershiptracker.events.value;

/** The start-small markers of insight I2: 3 weeks, 1-2 months, 6 months, later. */
public enum MilestoneHorizon {
  QUICK_WIN_3_WEEKS,
  SHORT_1_2_MONTHS,
  MEDIUM_6_MONTHS,
  LONG
}
