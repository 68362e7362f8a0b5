package org.partnershiptracker.query.interaction;

/** How interaction counts are bucketed over time. */
public enum Granularity {
  WEEK,
  MONTH
}
