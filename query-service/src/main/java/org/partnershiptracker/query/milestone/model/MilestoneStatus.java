package org.partnershiptracker.query.milestone.model;

/**
 * Where a milestone stands on a given day. "On time" is against the due date it was planned with;
 * achieved after it but by a later date it was rescheduled to is "late (rescheduled)".
 */
public enum MilestoneStatus {
  PLANNED_UPCOMING,
  OVERDUE,
  ACHIEVED_ON_TIME,
  ACHIEVED_LATE_RESCHEDULED,
  ACHIEVED_LATE,
  MISSED
}
