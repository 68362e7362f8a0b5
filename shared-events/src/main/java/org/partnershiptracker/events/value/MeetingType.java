package org.partnershiptracker.events.value;

/** Kinds of interaction between partners. */
public enum MeetingType {
  STEERING,
  WORKING_SESSION,
  ON_SITE_WORK_DAY,
  SHOWCASE,
  BRAINSTORM,
  SOCIAL,
  TRAINING,
  CATCH_UP,
  DATA_OWNER_SESSION,
  CITIZEN_ENGAGEMENT,
  ALIGNMENT_WORKSHOP
}
