package org.partnershiptracker.events.project;

import org.partnershiptracker.events.ProjectEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.Limits;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;
import org.partnershiptracker.events.value.MilestoneId;

import java.time.LocalDate;

/** A milestone was recorded as missed: it will not be achieved. */
@SchemaRevision("1")
public record MilestoneMissed(
    PartnershipId partnershipId,
    ProjectId projectId,
    MilestoneId milestoneId,
    LocalDate dueOn,
    LocalDate missedOn,
    String reason)
    implements ProjectEvent {
  public MilestoneMissed {
    Require.present(partnershipId, "partnershipId");
    Require.present(projectId, "projectId");
    Require.present(milestoneId, "milestoneId");
    Require.present(dueOn, "dueOn");
    Require.present(missedOn, "missedOn");
    Require.optionalText(reason, "reason", Limits.REASON);
  }

  @Override
  public LocalDate occurredOn() {
    return missedOn;
  }
}
