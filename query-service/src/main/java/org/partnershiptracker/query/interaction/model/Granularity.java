package org.partnershiptracker.query.interaction.model;

/** How interaction counts are bucketed over time. */
public enum Granularity {
  WEEK,
  MONTH
}
