package org.partnershiptracker.events.project;

import java.time.LocalDate;
import org.partnershiptracker.events.OccurredOn;
import org.partnershiptracker.events.ProjectEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

/**
 * A partner revised the data sharing agreement, giving a new version; earlier signatures lapse.
 * Revisions by several organisations mark an inclusive, co-written agreement (L1).
 */
@SchemaRevision("1")
public record DataSharingAgreementRevised(
    PartnershipId partnershipId,
    ProjectId projectId,
    int version,
    OrganisationId byOrganisationId,
    @OccurredOn LocalDate revisedOn)
    implements ProjectEvent {
  public DataSharingAgreementRevised {
    ProjectEvent.requireKeys(partnershipId, projectId);
    Require.between(version, 1, 10_000, "version");
    Require.present(byOrganisationId, "byOrganisationId");
    Require.present(revisedOn, "revisedOn");
  }
}
