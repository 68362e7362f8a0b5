package org.partnershiptracker.command.project.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.partnershiptracker.command.project.model.ProjectCommands.AbandonProject;
import org.partnershiptracker.command.project.model.ProjectCommands.AchieveMilestone;
import org.partnershiptracker.command.project.model.ProjectCommands.CompleteProject;
import org.partnershiptracker.command.project.model.ProjectCommands.DraftDataSharingAgreement;
import org.partnershiptracker.command.project.model.ProjectCommands.ExpireDataSharingAgreement;
import org.partnershiptracker.command.project.model.ProjectCommands.PlanMilestone;
import org.partnershiptracker.command.project.model.ProjectCommands.ProposeProject;
import org.partnershiptracker.command.project.model.ProjectCommands.RecordMilestoneMissed;
import org.partnershiptracker.command.project.model.ProjectCommands.RescheduleMilestone;
import org.partnershiptracker.command.project.model.ProjectCommands.ReviseDataSharingAgreement;
import org.partnershiptracker.command.project.model.ProjectCommands.SignDataSharingAgreement;
import org.partnershiptracker.command.project.model.ProjectCommands.StartProject;
import org.partnershiptracker.command.web.input.FactDate;
import org.partnershiptracker.command.web.input.FreeText;
import org.partnershiptracker.command.web.input.NewId;
import org.partnershiptracker.command.web.input.PlannedDate;
import org.partnershiptracker.events.value.Limits;
import org.partnershiptracker.events.value.MilestoneHorizon;
import org.partnershiptracker.events.value.MilestoneId;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

/**
 * JSON bodies of the project endpoints, and the command each one asks for. Ids are value types that
 * check their own form while the body is read; ids marked optional are generated when absent.
 */
public final class ProjectRequests {
  private ProjectRequests() {}

  public record Propose(
      @NewId ProjectId projectId,
      @NotBlank @Size(max = Limits.NAME) @FreeText String title,
      @NotBlank @Size(max = Limits.PROBLEM_STATEMENT) @FreeText String problemStatement,
      @NotEmpty @Size(max = 50) List<@NotNull OrganisationId> dataProviderOrganisationIds,
      @NotNull @FactDate LocalDate proposedOn) {
    public ProposeProject toCommand(PartnershipId partnershipId, ProjectId id) {
      return new ProposeProject(
          partnershipId, id, title, problemStatement, dataProviderOrganisationIds, proposedOn);
    }
  }

  /** A draft, revision or signature of the data sharing agreement, by one partner. */
  public record AgreementStep(
      @NotNull OrganisationId byOrganisationId, @NotNull @FactDate LocalDate on) {
    public DraftDataSharingAgreement toDraft(PartnershipId partnershipId, ProjectId projectId) {
      return new DraftDataSharingAgreement(partnershipId, projectId, byOrganisationId, on);
    }

    public ReviseDataSharingAgreement toRevision(PartnershipId partnershipId, ProjectId projectId) {
      return new ReviseDataSharingAgreement(partnershipId, projectId, byOrganisationId, on);
    }

    public SignDataSharingAgreement toSignature(PartnershipId partnershipId, ProjectId projectId) {
      return new SignDataSharingAgreement(partnershipId, projectId, byOrganisationId, on);
    }
  }

  public record Expire(@NotNull @FactDate LocalDate expiredOn) {
    public ExpireDataSharingAgreement toCommand(PartnershipId partnershipId, ProjectId projectId) {
      return new ExpireDataSharingAgreement(partnershipId, projectId, expiredOn);
    }
  }

  public record Start(@NotNull @FactDate LocalDate startedOn) {
    public StartProject toCommand(PartnershipId partnershipId, ProjectId projectId) {
      return new StartProject(partnershipId, projectId, startedOn);
    }
  }

  public record Plan(
      @NewId MilestoneId milestoneId,
      @NotBlank @Size(max = Limits.NAME) @FreeText String title,
      @NotNull MilestoneHorizon horizon,
      @NotNull @PlannedDate LocalDate dueOn,
      @NotNull @FactDate LocalDate plannedOn) {
    public PlanMilestone toCommand(
        PartnershipId partnershipId, ProjectId projectId, MilestoneId id) {
      return new PlanMilestone(partnershipId, projectId, id, title, horizon, dueOn, plannedOn);
    }
  }

  public record Achieve(@NotNull @FactDate LocalDate achievedOn) {
    public AchieveMilestone toCommand(
        PartnershipId partnershipId, ProjectId projectId, MilestoneId id) {
      return new AchieveMilestone(partnershipId, projectId, id, achievedOn);
    }
  }

  public record Miss(
      @NotNull @FactDate LocalDate missedOn, @Size(max = Limits.REASON) @FreeText String reason) {
    public RecordMilestoneMissed toCommand(
        PartnershipId partnershipId, ProjectId projectId, MilestoneId id) {
      return new RecordMilestoneMissed(partnershipId, projectId, id, missedOn, reason);
    }
  }

  public record Reschedule(
      @NotNull @PlannedDate LocalDate newDueOn,
      @NotNull @FactDate LocalDate rescheduledOn,
      @Size(max = Limits.REASON) @FreeText String reason) {
    public RescheduleMilestone toCommand(
        PartnershipId partnershipId, ProjectId projectId, MilestoneId id) {
      return new RescheduleMilestone(partnershipId, projectId, id, newDueOn, rescheduledOn, reason);
    }
  }

  public record Complete(
      @NotNull @FactDate LocalDate completedOn,
      @NotBlank @Size(max = Limits.ACCOUNT) @FreeText String outcome) {
    public CompleteProject toCommand(PartnershipId partnershipId, ProjectId projectId) {
      return new CompleteProject(partnershipId, projectId, completedOn, outcome);
    }
  }

  public record Abandon(
      @NotNull @FactDate LocalDate abandonedOn,
      @NotBlank @Size(max = Limits.ACCOUNT) @FreeText String reason) {
    public AbandonProject toCommand(PartnershipId partnershipId, ProjectId projectId) {
      return new AbandonProject(partnershipId, projectId, abandonedOn, reason);
    }
  }
}
