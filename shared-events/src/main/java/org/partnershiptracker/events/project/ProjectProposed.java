package org.partnershiptracker.events.project;

import java.time.LocalDate;
import java.util.List;
import org.partnershiptracker.events.OccurredOn;
import org.partnershiptracker.events.ProjectEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.Limits;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

/**
 * A project was proposed around a problem statement. The data providers are the partners whose data
 * it needs: each must sign the data sharing agreement before it starts (L1).
 */
@SchemaRevision("1")
public record ProjectProposed(
    PartnershipId partnershipId,
    ProjectId projectId,
    String title,
    String problemStatement,
    List<OrganisationId> dataProviderOrganisationIds,
    @OccurredOn LocalDate proposedOn)
    implements ProjectEvent {
  public ProjectProposed {
    ProjectEvent.requireKeys(partnershipId, projectId);
    Require.text(title, "title", Limits.NAME);
    Require.text(problemStatement, "problemStatement", Limits.PROBLEM_STATEMENT);
    dataProviderOrganisationIds =
        List.copyOf(Require.notEmpty(dataProviderOrganisationIds, "dataProviderOrganisationIds"));
    Require.present(proposedOn, "proposedOn");
  }
}
