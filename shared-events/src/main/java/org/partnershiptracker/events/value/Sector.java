package org.partnershiptracker.events.value;

/** The kind of organisation a partner is. */
public enum Sector {
  LOCAL_AUTHORITY,
  UNIVERSITY,
  HEALTH,
  POLICE,
  THIRD_SECTOR,
  PRIVATE,
  CENTRAL_GOVERNMENT;

  /** Public-sector partners are the ones bottom-up engagement (L3) is measured on. */
  public boolean isPublicSector() {
    return this != UNIVERSITY && this != PRIVATE;
  }
}
