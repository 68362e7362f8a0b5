package org.partnershiptracker.events.project;

import java.time.LocalDate;
import org.partnershiptracker.events.OccurredOn;
import org.partnershiptracker.events.ProjectEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.Limits;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

/** The project finished, with its outcome. */
@SchemaRevision("1")
public record ProjectCompleted(
    PartnershipId partnershipId,
    ProjectId projectId,
    @OccurredOn LocalDate completedOn,
    String outcome)
    implements ProjectEvent {
  public ProjectCompleted {
    ProjectEvent.requireKeys(partnershipId, projectId);
    Require.present(completedOn, "completedOn");
    Require.text(outcome, "outcome", Limits.ACCOUNT);
  }
}
