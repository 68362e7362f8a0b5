package org.partnershiptracker.command.project;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.partnershiptracker.command.project.ProjectCommands.AbandonProject;
import org.partnershiptracker.command.project.ProjectCommands.AchieveMilestone;
import org.partnershiptracker.command.project.ProjectCommands.CompleteProject;
import org.partnershiptracker.command.project.ProjectCommands.DraftDataSharingAgreement;
import org.partnershiptracker.command.project.ProjectCommands.ExpireDataSharingAgreement;
import org.partnershiptracker.command.project.ProjectCommands.PlanMilestone;
import org.partnershiptracker.command.project.ProjectCommands.ProposeProject;
import org.partnershiptracker.command.project.ProjectCommands.RecordMilestoneMissed;
import org.partnershiptracker.command.project.ProjectCommands.RescheduleMilestone;
import org.partnershiptracker.command.project.ProjectCommands.ReviseDataSharingAgreement;
import org.partnershiptracker.command.project.ProjectCommands.SignDataSharingAgreement;
import org.partnershiptracker.command.project.ProjectCommands.StartProject;
import org.partnershiptracker.command.rules.NotFound;
import org.partnershiptracker.command.rules.Rule;
import org.partnershiptracker.command.rules.RuleViolation;
import org.partnershiptracker.events.project.DataSharingAgreementDrafted;
import org.partnershiptracker.events.project.DataSharingAgreementExpired;
import org.partnershiptracker.events.project.DataSharingAgreementRevised;
import org.partnershiptracker.events.project.DataSharingAgreementSigned;
import org.partnershiptracker.events.project.MilestoneAchieved;
import org.partnershiptracker.events.project.MilestoneMissed;
import org.partnershiptracker.events.project.MilestonePlanned;
import org.partnershiptracker.events.project.MilestoneRescheduled;
import org.partnershiptracker.events.project.ProjectAbandoned;
import org.partnershiptracker.events.project.ProjectCompleted;
import org.partnershiptracker.events.project.ProjectProposed;
import org.partnershiptracker.events.project.ProjectStarted;
import org.partnershiptracker.events.value.MilestoneId;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A project of a partnership: its data sharing agreement (drafted, revised back and forth,
 * signed by every data provider before the start: L1) and its milestones (I2).
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
public class Project {
  enum Status { PROPOSED, STARTED, COMPLETED, ABANDONED }

  record Milestone(LocalDate dueOn, boolean closed) {}

  @AggregateIdentifier private ProjectId projectId;
  private PartnershipId partnershipId;
  private Status status;
  private List<OrganisationId> dataProviders = new ArrayList<>();
  /** 0 until drafted; each revision adds one. Signatures count for the current version only. */
  private int dsaVersion;
  private boolean dsaExpired;
  private Set<String> signedCurrentVersion = new LinkedHashSet<>();
  private Map<String, Milestone> milestones = new HashMap<>();

  protected Project() {
    // for Axon
  }

  @CommandHandler
  public Project(ProposeProject command, PartnershipGate partnership) {
    partnership.requireActivity(
        command.partnershipId(), command.proposedOn(), command.dataProviderOrganisationIds());
    apply(
        new ProjectProposed(
            command.partnershipId(),
            command.projectId(),
            command.title(),
            command.problemStatement(),
            command.dataProviderOrganisationIds().stream().distinct().toList(),
            command.proposedOn()));
  }

  @CommandHandler
  public void handle(DraftDataSharingAgreement command, PartnershipGate partnership) {
    requireOpen(command.partnershipId(), command.draftedOn(), partnership, List.of(command.byOrganisationId()));
    RuleViolation.check(
        dsaVersion == 0, Rule.DSA_DRAFTED_FIRST, "the agreement is drafted already (version " + dsaVersion + "): revise it");
    apply(
        new DataSharingAgreementDrafted(
            partnershipId, projectId, 1, command.byOrganisationId(), command.draftedOn()));
  }

  @CommandHandler
  public void handle(ReviseDataSharingAgreement command, PartnershipGate partnership) {
    requireOpen(command.partnershipId(), command.revisedOn(), partnership, List.of(command.byOrganisationId()));
    requireDrafted();
    apply(
        new DataSharingAgreementRevised(
            partnershipId, projectId, dsaVersion + 1, command.byOrganisationId(), command.revisedOn()));
  }

  @CommandHandler
  public void handle(SignDataSharingAgreement command, PartnershipGate partnership) {
    requireOpen(command.partnershipId(), command.signedOn(), partnership, List.of(command.byOrganisationId()));
    requireDrafted();
    RuleViolation.check(
        !dsaExpired, Rule.DSA_DRAFTED_FIRST, "version " + dsaVersion + " expired: revise it before signing");
    RuleViolation.check(
        dataProviders.contains(command.byOrganisationId()),
        Rule.DSA_SIGNED_BY_DATA_PROVIDERS,
        command.byOrganisationId() + " is not a data provider of project " + projectId);
    RuleViolation.check(
        !signedCurrentVersion.contains(command.byOrganisationId().value()),
        Rule.DSA_SIGNED_BY_DATA_PROVIDERS,
        command.byOrganisationId() + " signed version " + dsaVersion + " already");
    apply(
        new DataSharingAgreementSigned(
            partnershipId, projectId, dsaVersion, command.byOrganisationId(), command.signedOn()));
  }

  @CommandHandler
  public void handle(ExpireDataSharingAgreement command, PartnershipGate partnership) {
    requireOpen(command.partnershipId(), command.expiredOn(), partnership, List.of());
    requireDrafted();
    RuleViolation.check(!dsaExpired, Rule.DSA_DRAFTED_FIRST, "version " + dsaVersion + " expired already");
    apply(new DataSharingAgreementExpired(partnershipId, projectId, dsaVersion, command.expiredOn()));
  }

  @CommandHandler
  public void handle(StartProject command, PartnershipGate partnership, DsaBeforeStartPolicy policy) {
    requireOpen(command.partnershipId(), command.startedOn(), partnership, List.of());
    RuleViolation.check(
        status == Status.PROPOSED, Rule.PROJECT_STARTS_ONCE, "project " + projectId + " started already");
    List<String> unsigned = unsignedDataProviders();
    RuleViolation.check(
        unsigned.isEmpty() || policy == DsaBeforeStartPolicy.WARN,
        Rule.DSA_BEFORE_START,
        "the data sharing agreement is not signed by: " + String.join(", ", unsigned));
    apply(new ProjectStarted(partnershipId, projectId, command.startedOn(), unsigned.isEmpty()));
  }

  @CommandHandler
  public void handle(PlanMilestone command, PartnershipGate partnership) {
    requireOpen(command.partnershipId(), command.plannedOn(), partnership, List.of());
    RuleViolation.check(
        !milestones.containsKey(command.milestoneId().value()),
        Rule.ID_ALREADY_USED,
        "milestone " + command.milestoneId() + " is already planned");
    apply(
        new MilestonePlanned(
            partnershipId,
            projectId,
            command.milestoneId(),
            command.title(),
            command.horizon(),
            command.dueOn(),
            command.plannedOn()));
  }

  @CommandHandler
  public void handle(AchieveMilestone command, PartnershipGate partnership) {
    requireOpen(command.partnershipId(), command.achievedOn(), partnership, List.of());
    requireStarted();
    Milestone milestone = openMilestone(command.milestoneId());
    apply(
        new MilestoneAchieved(
            partnershipId, projectId, command.milestoneId(), milestone.dueOn(), command.achievedOn()));
  }

  @CommandHandler
  public void handle(RecordMilestoneMissed command, PartnershipGate partnership) {
    requireOpen(command.partnershipId(), command.missedOn(), partnership, List.of());
    requireStarted();
    Milestone milestone = openMilestone(command.milestoneId());
    apply(
        new MilestoneMissed(
            partnershipId,
            projectId,
            command.milestoneId(),
            milestone.dueOn(),
            command.missedOn(),
            command.reason()));
  }

  @CommandHandler
  public void handle(RescheduleMilestone command, PartnershipGate partnership) {
    requireOpen(command.partnershipId(), command.rescheduledOn(), partnership, List.of());
    Milestone milestone = openMilestone(command.milestoneId());
    apply(
        new MilestoneRescheduled(
            partnershipId,
            projectId,
            command.milestoneId(),
            milestone.dueOn(),
            command.newDueOn(),
            command.rescheduledOn(),
            command.reason()));
  }

  @CommandHandler
  public void handle(CompleteProject command, PartnershipGate partnership) {
    requireOpen(command.partnershipId(), command.completedOn(), partnership, List.of());
    requireStarted();
    apply(new ProjectCompleted(partnershipId, projectId, command.completedOn(), command.outcome()));
  }

  @CommandHandler
  public void handle(AbandonProject command, PartnershipGate partnership) {
    requireOpen(command.partnershipId(), command.abandonedOn(), partnership, List.of());
    apply(new ProjectAbandoned(partnershipId, projectId, command.abandonedOn(), command.reason()));
  }

  /** The project is found only in its own partnership, is neither completed nor abandoned, and
   * the partnership accepts the activity. */
  private void requireOpen(
      PartnershipId claimedPartnership,
      LocalDate on,
      PartnershipGate partnership,
      List<OrganisationId> organisations) {
    if (!partnershipId.equals(claimedPartnership)) {
      throw new NotFound("project " + projectId + " is not a project of partnership " + claimedPartnership);
    }
    RuleViolation.check(
        status == Status.PROPOSED || status == Status.STARTED,
        Rule.PROJECT_CLOSED,
        "project " + projectId + " is " + status.name().toLowerCase());
    partnership.requireActivity(partnershipId, on, organisations);
  }

  private void requireDrafted() {
    RuleViolation.check(dsaVersion > 0, Rule.DSA_DRAFTED_FIRST, "no data sharing agreement has been drafted");
  }

  private void requireStarted() {
    RuleViolation.check(
        status == Status.STARTED, Rule.PROJECT_NOT_STARTED, "project " + projectId + " has not started");
  }

  private Milestone openMilestone(MilestoneId milestoneId) {
    Milestone milestone = milestones.get(milestoneId.value());
    if (milestone == null) {
      throw new RuleViolation(Rule.UNKNOWN_MILESTONE, "milestone " + milestoneId + " was never planned");
    }
    RuleViolation.check(
        !milestone.closed(),
        Rule.MILESTONE_CLOSED_ONCE,
        "milestone " + milestoneId + " was already achieved or missed");
    return milestone;
  }

  private List<String> unsignedDataProviders() {
    return dataProviders.stream()
        .map(OrganisationId::value)
        .filter(provider -> dsaVersion == 0 || dsaExpired || !signedCurrentVersion.contains(provider))
        .toList();
  }

  @EventSourcingHandler
  void on(ProjectProposed event) {
    projectId = event.projectId();
    partnershipId = event.partnershipId();
    dataProviders = new ArrayList<>(event.dataProviderOrganisationIds());
    status = Status.PROPOSED;
  }

  @EventSourcingHandler
  void on(DataSharingAgreementDrafted event) {
    dsaVersion = event.version();
  }

  @EventSourcingHandler
  void on(DataSharingAgreementRevised event) {
    dsaVersion = event.version();
    dsaExpired = false;
    signedCurrentVersion.clear();
  }

  @EventSourcingHandler
  void on(DataSharingAgreementSigned event) {
    signedCurrentVersion.add(event.byOrganisationId().value());
  }

  @EventSourcingHandler
  void on(DataSharingAgreementExpired event) {
    dsaExpired = true;
    signedCurrentVersion.clear();
  }

  @EventSourcingHandler
  void on(ProjectStarted event) {
    status = Status.STARTED;
  }

  @EventSourcingHandler
  void on(MilestonePlanned event) {
    milestones.put(event.milestoneId().value(), new Milestone(event.dueOn(), false));
  }

  @EventSourcingHandler
  void on(MilestoneRescheduled event) {
    milestones.put(event.milestoneId().value(), new Milestone(event.newDueOn(), false));
  }

  @EventSourcingHandler
  void on(MilestoneAchieved event) {
    milestones.put(event.milestoneId().value(), new Milestone(event.dueOn(), true));
  }

  @EventSourcingHandler
  void on(MilestoneMissed event) {
    milestones.put(event.milestoneId().value(), new Milestone(event.dueOn(), true));
  }

  @EventSourcingHandler
  void on(ProjectCompleted event) {
    status = Status.COMPLETED;
  }

  @EventSourcingHandler
  void on(ProjectAbandoned event) {
    status = Status.ABANDONED;
  }
}
