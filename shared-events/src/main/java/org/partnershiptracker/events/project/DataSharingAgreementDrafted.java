package org.partnershiptracker.events.project;

import org.partnershiptracker.events.ProjectEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;
import org.partnershiptracker.events.value.OrganisationId;

import java.time.LocalDate;

/** A first version of the project's data sharing agreement was drafted by a partner. */
@SchemaRevision("1")
public record DataSharingAgreementDrafted(
    PartnershipId partnershipId,
    ProjectId projectId,
    int version,
    OrganisationId byOrganisationId,
    LocalDate draftedOn)
    implements ProjectEvent {
  public DataSharingAgreementDrafted {
    Require.present(partnershipId, "partnershipId");
    Require.present(projectId, "projectId");
    Require.between(version, 1, 10_000, "version");
    Require.present(byOrganisationId, "byOrganisationId");
    Require.present(draftedOn, "draftedOn");
  }

  @Override
  public LocalDate occurredOn() {
    return draftedOn;
  }
}
