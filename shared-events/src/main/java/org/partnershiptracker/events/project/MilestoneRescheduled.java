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

/** An open milestone got a new due date. */
@SchemaRevision("1")
public record MilestoneRescheduled(
    PartnershipId partnershipId,
    ProjectId projectId,
    MilestoneId milestoneId,
    LocalDate previousDueOn,
    LocalDate newDueOn,
    @OccurredOn LocalDate rescheduledOn,
    String reason)
    implements ProjectEvent {
  public MilestoneRescheduled {
    ProjectEvent.requireKeys(partnershipId, projectId);
    Require.present(milestoneId, "milestoneId");
    Require.present(previousDueOn, "previousDueOn");
    Require.present(newDueOn, "newDueOn");
    Require.present(rescheduledOn, "rescheduledOn");
    Require.optionalText(reason, "reason", Limits.REASON);
  }
}
