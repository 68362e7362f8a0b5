package org.partnershiptracker.events.project;

import java.time.LocalDate;
import org.partnershiptracker.events.OccurredOn;
import org.partnershiptracker.events.ProjectEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.Limits;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

/** The project was abandoned, with the reason. */
@SchemaRevision("1")
public record ProjectAbandoned(
    PartnershipId partnershipId,
    ProjectId projectId,
    @OccurredOn LocalDate abandonedOn,
    String reason)
    implements ProjectEvent {
  public ProjectAbandoned {
    ProjectEvent.requireKeys(partnershipId, projectId);
    Require.present(abandonedOn, "abandonedOn");
    Require.text(reason, "reason", Limits.ACCOUNT);
  }
}
