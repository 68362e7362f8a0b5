package org.partnershiptracker.events.value;

/** The level in its organisation of a group of attendees (L3: bottom-up engagement). */
public enum AttendeeLevel {
  SENIOR_LEADER,
  MIDDLE_MANAGER,
  ANALYST,
  FRONTLINE,
  ACADEMIC,
  RESEARCHER,
  DATA_OWNER,
  CITIZEN
}
