package org.partnershiptracker.events.partnership;

import java.time.LocalDate;
import org.partnershiptracker.events.OccurredOn;
import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.PersonId;
import org.partnershiptracker.events.value.RoleChangeReason;
import org.partnershiptracker.events.value.RoleId;

/** A role fell vacant: its holder left it and nobody took it over. */
@SchemaRevision("1")
public record RoleVacated(
    PartnershipId partnershipId,
    RoleId roleId,
    PersonId personId,
    RoleChangeReason reason,
    @OccurredOn LocalDate vacatedOn)
    implements PartnershipEvent {
  public RoleVacated {
    Require.present(partnershipId, "partnershipId");
    Require.present(roleId, "roleId");
    Require.present(personId, "personId");
    Require.present(reason, "reason");
    Require.present(vacatedOn, "vacatedOn");
  }
}
