package org.partnershiptracker.events.value;

import org.partnershiptracker.events.Require;

/** How many people of one level from one organisation attended an interaction. */
public record Attendance(OrganisationId organisationId, AttendeeLevel level, int count) {
  public Attendance {
    Require.present(organisationId, "organisationId");
    Require.present(level, "level");
    Require.between(count, 1, Limits.ATTENDEES_PER_GROUP, "count");
  }
}
