package org.partnershiptracker.events.project;

import java.time.LocalDate;
import org.partnershiptracker.events.OccurredOn;
import org.partnershiptracker.events.ProjectEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

/** A first version of the project's data sharing agreement was drafted by a partner. */
@SchemaRevision("1")
public record DataSharingAgreementDrafted(
    PartnershipId partnershipId,
    ProjectId projectId,
    int version,
    OrganisationId byOrganisationId,
    @OccurredOn LocalDate draftedOn)
    implements ProjectEvent {
  public DataSharingAgreementDrafted {
    ProjectEvent.requireKeys(partnershipId, projectId);
    Require.between(version, 1, 10_000, "version");
    Require.present(byOrganisationId, "byOrganisationId");
    Require.present(draftedOn, "draftedOn");
  }
}
