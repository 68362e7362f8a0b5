package org.partnershiptracker.events.project;

import java.time.LocalDate;
import org.partnershiptracker.events.OccurredOn;
import org.partnershiptracker.events.ProjectEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.Limits;
import org.partnershiptracker.events.value.MilestoneId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

/** A milestone was recorded as missed: it will not be achieved. */
@SchemaRevision("1")
public record MilestoneMissed(
    PartnershipId partnershipId,
    ProjectId projectId,
    MilestoneId milestoneId,
    LocalDate dueOn,
    @OccurredOn LocalDate missedOn,
    String reason)
    implements ProjectEvent {
  public MilestoneMissed {
    ProjectEvent.requireKeys(partnershipId, projectId);
    Require.present(milestoneId, "milestoneId");
    Require.present(dueOn, "dueOn");
    Require.present(missedOn, "missedOn");
    Require.optionalText(reason, "reason", Limits.REASON);
  }
}
