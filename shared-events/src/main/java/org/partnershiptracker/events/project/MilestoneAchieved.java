package org.partnershiptracker.events.project;

import java.time.LocalDate;
import org.partnershiptracker.events.OccurredOn;
import org.partnershiptracker.events.ProjectEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.MilestoneId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

/** A milestone was achieved; {@code dueOn} is the due date in force, so lateness is evident. */
@SchemaRevision("1")
public record MilestoneAchieved(
    PartnershipId partnershipId,
    ProjectId projectId,
    MilestoneId milestoneId,
    LocalDate dueOn,
    @OccurredOn LocalDate achievedOn)
    implements ProjectEvent {
  public MilestoneAchieved {
    ProjectEvent.requireKeys(partnershipId, projectId);
    Require.present(milestoneId, "milestoneId");
    Require.present(dueOn, "dueOn");
    Require.present(achievedOn, "achievedOn");
  }
}
