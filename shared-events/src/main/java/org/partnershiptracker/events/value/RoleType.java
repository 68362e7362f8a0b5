package org.partnershiptracker.events.value;

/** Roles the research says a partnership needs filled (L2: role clarity). */
public enum RoleType {
  BOUNDARY_SPANNER,
  POINT_OF_CONTACT,
  CHAMPION,
  PROJECT_SPONSOR,
  DATA_OWNER,
  ANALYST_LEAD,
  ACADEMIC_LEAD
}
