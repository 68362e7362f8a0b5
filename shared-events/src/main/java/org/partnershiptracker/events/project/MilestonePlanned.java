package org.partnershiptracker.events.project;

import java.time.LocalDate;
import org.partnershiptracker.events.OccurredOn;
import org.partnershiptracker.events.ProjectEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.Limits;
import org.partnershiptracker.events.value.MilestoneHorizon;
import org.partnershiptracker.events.value.MilestoneId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

/**
 * A milestone was planned with a due date and a horizon (I2's 3-week, 1-2-month, 6-month markers).
 */
@SchemaRevision("1")
public record MilestonePlanned(
    PartnershipId partnershipId,
    ProjectId projectId,
    MilestoneId milestoneId,
    String title,
    MilestoneHorizon horizon,
    LocalDate dueOn,
    @OccurredOn LocalDate plannedOn)
    implements ProjectEvent {
  public MilestonePlanned {
    ProjectEvent.requireKeys(partnershipId, projectId);
    Require.present(milestoneId, "milestoneId");
    Require.text(title, "title", Limits.NAME);
    Require.present(horizon, "horizon");
    Require.present(dueOn, "dueOn");
    Require.present(plannedOn, "plannedOn");
  }
}
