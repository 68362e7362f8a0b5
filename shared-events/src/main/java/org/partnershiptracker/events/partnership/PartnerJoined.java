package org.partnershiptracker.events.partnership;

import java.time.LocalDate;
import org.partnershiptracker.events.OccurredOn;
import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.Limits;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.Sector;

/** An organisation became a partner. */
@SchemaRevision("1")
public record PartnerJoined(
    PartnershipId partnershipId,
    OrganisationId organisationId,
    String organisationName,
    Sector sector,
    @OccurredOn LocalDate joinedOn)
    implements PartnershipEvent {
  public PartnerJoined {
    Require.present(partnershipId, "partnershipId");
    Require.present(organisationId, "organisationId");
    Require.text(organisationName, "organisationName", Limits.NAME);
    Require.present(sector, "sector");
    Require.present(joinedOn, "joinedOn");
  }
}
