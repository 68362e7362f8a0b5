package org.partnershiptracker.events.partnership;

import java.time.LocalDate;
import org.partnershiptracker.events.OccurredOn;
import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.PersonId;
import org.partnershiptracker.events.value.RoleId;
import org.partnershiptracker.events.value.RoleType;

/** A person of a partner organisation was designated to a role (L2). */
@SchemaRevision("1")
public record RoleDesignated(
    PartnershipId partnershipId,
    RoleId roleId,
    RoleType roleType,
    OrganisationId organisationId,
    PersonId personId,
    @OccurredOn LocalDate designatedOn)
    implements PartnershipEvent {
  public RoleDesignated {
    Require.present(partnershipId, "partnershipId");
    Require.present(roleId, "roleId");
    Require.present(roleType, "roleType");
    Require.present(organisationId, "organisationId");
    Require.present(personId, "personId");
    Require.present(designatedOn, "designatedOn");
  }
}
