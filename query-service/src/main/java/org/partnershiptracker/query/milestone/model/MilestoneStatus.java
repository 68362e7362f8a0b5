package org.partnershiptracker.query.milestone.model;

/** Where a milestone stands on a given day. */
public enum MilestoneStatus {
  PLANNED_UPCOMING,
  OVERDUE,
  ACHIEVED_ON_TIME,
  ACHIEVED_LATE,
  MISSED
}
