package org.partnershiptracker.events.value;

/** Why a role changed hands or fell vacant; restructures are the churn L2 warns about. */
public enum RoleChangeReason {
  RESTRUCTURE,
  DEPARTURE,
  WORKLOAD,
  PARTNER_LEFT,
  OTHER
}
