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

/** A held role passed from one person to another. */
@SchemaRevision("1")
public record RoleReassigned(
    PartnershipId partnershipId,
    RoleId roleId,
    PersonId fromPersonId,
    PersonId toPersonId,
    RoleChangeReason reason,
    @OccurredOn LocalDate reassignedOn)
    implements PartnershipEvent {
  public RoleReassigned {
    Require.present(partnershipId, "partnershipId");
    Require.present(roleId, "roleId");
    Require.present(fromPersonId, "fromPersonId");
    Require.present(toPersonId, "toPersonId");
    Require.present(reason, "reason");
    Require.present(reassignedOn, "reassignedOn");
  }
}
