package org.partnershiptracker.command.project.model;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.partnershiptracker.command.rules.ActsForOrganisation;
import org.partnershiptracker.events.value.MilestoneHorizon;
import org.partnershiptracker.events.value.MilestoneId;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

/**
 * Commands to the {@link Project} aggregate. Each names the partnership too: a project is only
 * found within its own partnership.
 */
public final class ProjectCommands {
  private ProjectCommands() {}

  /**
   * A step on the data sharing agreement (draft, revision, signature): the organisation named by
   * {@code byOrganisationId} takes it, and only for itself.
   */
  public interface AgreementStep extends ActsForOrganisation {
    OrganisationId byOrganisationId();

    @Override
    default OrganisationId actingOrganisation() {
      return byOrganisationId();
    }

    @Override
    default String actingField() {
      return "byOrganisationId";
    }
  }

  public record ProposeProject(
      PartnershipId partnershipId,
      @TargetAggregateIdentifier ProjectId projectId,
      String title,
      String problemStatement,
      List<OrganisationId> dataProviderOrganisationIds,
      LocalDate proposedOn) {}

  public record DraftDataSharingAgreement(
      PartnershipId partnershipId,
      @TargetAggregateIdentifier ProjectId projectId,
      OrganisationId byOrganisationId,
      LocalDate draftedOn)
      implements AgreementStep {}

  public record ReviseDataSharingAgreement(
      PartnershipId partnershipId,
      @TargetAggregateIdentifier ProjectId projectId,
      OrganisationId byOrganisationId,
      LocalDate revisedOn)
      implements AgreementStep {}

  public record SignDataSharingAgreement(
      PartnershipId partnershipId,
      @TargetAggregateIdentifier ProjectId projectId,
      OrganisationId byOrganisationId,
      LocalDate signedOn)
      implements AgreementStep {}

  public record ExpireDataSharingAgreement(
      PartnershipId partnershipId,
      @TargetAggregateIdentifier ProjectId projectId,
      LocalDate expiredOn) {}

  public record StartProject(
      PartnershipId partnershipId,
      @TargetAggregateIdentifier ProjectId projectId,
      LocalDate startedOn) {}

  public record PlanMilestone(
      PartnershipId partnershipId,
      @TargetAggregateIdentifier ProjectId projectId,
      MilestoneId milestoneId,
      String title,
      MilestoneHorizon horizon,
      LocalDate dueOn,
      LocalDate plannedOn) {}

  public record AchieveMilestone(
      PartnershipId partnershipId,
      @TargetAggregateIdentifier ProjectId projectId,
      MilestoneId milestoneId,
      LocalDate achievedOn) {}

  public record RecordMilestoneMissed(
      PartnershipId partnershipId,
      @TargetAggregateIdentifier ProjectId projectId,
      MilestoneId milestoneId,
      LocalDate missedOn,
      String reason) {}

  public record RescheduleMilestone(
      PartnershipId partnershipId,
      @TargetAggregateIdentifier ProjectId projectId,
      MilestoneId milestoneId,
      LocalDate newDueOn,
      LocalDate rescheduledOn,
      String reason) {}

  public record CompleteProject(
      PartnershipId partnershipId,
      @TargetAggregateIdentifier ProjectId projectId,
      LocalDate completedOn,
      String outcome) {}

  public record AbandonProject(
      PartnershipId partnershipId,
      @TargetAggregateIdentifier ProjectId projectId,
      LocalDate abandonedOn,
      String reason) {}
}
