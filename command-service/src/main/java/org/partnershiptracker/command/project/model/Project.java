package org.partnershiptracker.command.project.model;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
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

/**
 * A project of a partnership: its data sharing agreement (drafted, revised back and forth, signed
 * by every data provider before the start: L1) and its milestones (I2).
 *
 * <p>The agreement rules go by the dates the steps carry, not by the order they are recorded in:
 * councils back-fill history. The version <em>in force</em> on a day is the version drafted or
 * revised last on or before that day (of two on the same day, the one recorded later), unless it
 * expired on or before that day. A signature or expiry acts on the version in force on its own
 * date. A data provider has signed before a start if it signed the version in force on the start
 * date with a signature dated on or before that date.
 *
 * <p>Revision 2 of the snapshot shape (the agreement kept per version, with dates): snapshots of
 * the earlier shape are skipped and the project is replayed from its events.
 */
@Revision("2")
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
public class Project {
  enum Status {
    PROPOSED,
    STARTED,
    COMPLETED,
    ABANDONED
  }

  record Milestone(LocalDate dueOn, boolean closed) {}

  /** One version of the agreement: drafted or revised on {@code issuedOn}; signatures by day. */
  record AgreementVersion(
      LocalDate issuedOn, LocalDate expiredOn, Map<String, LocalDate> signedOn) {
    static AgreementVersion issued(LocalDate on) {
      return new AgreementVersion(on, null, Map.of());
    }

    AgreementVersion withExpiry(LocalDate on) {
      return new AgreementVersion(issuedOn, on, signedOn);
    }

    AgreementVersion withSignature(String provider, LocalDate on) {
      Map<String, LocalDate> signatures = new LinkedHashMap<>(signedOn);
      signatures.putIfAbsent(provider, on);
      return new AgreementVersion(issuedOn, expiredOn, signatures);
    }

    boolean expiredBy(LocalDate day) {
      return expiredOn != null && !expiredOn.isAfter(day);
    }

    boolean signedBy(String provider, LocalDate day) {
      LocalDate signed = signedOn.get(provider);
      return signed != null && !signed.isAfter(day);
    }
  }

  @AggregateIdentifier private ProjectId projectId;
  private PartnershipId partnershipId;
  private Status status;
  private List<OrganisationId> dataProviders = new ArrayList<>();

  /**
   * Version n at index n - 1, numbered in the order recorded: drafted 1, each revision one more.
   */
  private List<AgreementVersion> agreement = new ArrayList<>();

  /** Null until started; ProjectStarted settled the agreement as it stood on this day. */
  private LocalDate startedOn;

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
    requireOpen(
        command.partnershipId(),
        command.draftedOn(),
        partnership,
        List.of(command.byOrganisationId()));
    RuleViolation.check(
        agreement.isEmpty(),
        Rule.DSA_DRAFTED_FIRST,
        "the agreement is drafted already (version " + agreement.size() + "): revise it");
    apply(
        new DataSharingAgreementDrafted(
            partnershipId, projectId, 1, command.byOrganisationId(), command.draftedOn()));
  }

  @CommandHandler
  public void handle(ReviseDataSharingAgreement command, PartnershipGate partnership) {
    requireOpen(
        command.partnershipId(),
        command.revisedOn(),
        partnership,
        List.of(command.byOrganisationId()));
    requireDraftedBy(command.revisedOn());
    requireUnsettled(command.revisedOn(), "revision");
    apply(
        new DataSharingAgreementRevised(
            partnershipId,
            projectId,
            agreement.size() + 1,
            command.byOrganisationId(),
            command.revisedOn()));
  }

  @CommandHandler
  public void handle(SignDataSharingAgreement command, PartnershipGate partnership) {
    requireOpen(
        command.partnershipId(),
        command.signedOn(),
        partnership,
        List.of(command.byOrganisationId()));
    requireDraftedBy(command.signedOn());
    RuleViolation.check(
        dataProviders.contains(command.byOrganisationId()),
        Rule.DSA_SIGNED_BY_DATA_PROVIDERS,
        command.byOrganisationId() + " is not a data provider of project " + projectId);
    requireUnsettled(command.signedOn(), "signature");
    int version = versionIssuedBy(command.signedOn());
    AgreementVersion signing = agreement.get(version - 1);
    RuleViolation.check(
        !signing.expiredBy(command.signedOn()),
        Rule.DSA_DRAFTED_FIRST,
        "version " + version + " expired on " + signing.expiredOn() + ": revise it before signing");
    RuleViolation.check(
        !signing.signedOn().containsKey(command.byOrganisationId().value()),
        Rule.DSA_SIGNED_BY_DATA_PROVIDERS,
        command.byOrganisationId() + " signed version " + version + " already");
    apply(
        new DataSharingAgreementSigned(
            partnershipId, projectId, version, command.byOrganisationId(), command.signedOn()));
  }

  @CommandHandler
  public void handle(ExpireDataSharingAgreement command, PartnershipGate partnership) {
    requireOpen(command.partnershipId(), command.expiredOn(), partnership, List.of());
    requireDraftedBy(command.expiredOn());
    requireUnsettled(command.expiredOn(), "expiry");
    int version = versionIssuedBy(command.expiredOn());
    LocalDate expired = agreement.get(version - 1).expiredOn();
    RuleViolation.check(
        expired == null,
        Rule.DSA_DRAFTED_FIRST,
        "version " + version + " expired already, on " + expired);
    apply(new DataSharingAgreementExpired(partnershipId, projectId, version, command.expiredOn()));
  }

  @CommandHandler
  public void handle(
      StartProject command, PartnershipGate partnership, DsaBeforeStartPolicy policy) {
    requireOpen(command.partnershipId(), command.startedOn(), partnership, List.of());
    RuleViolation.check(
        status == Status.PROPOSED,
        Rule.PROJECT_STARTS_ONCE,
        "project " + projectId + " started already");
    LocalDate on = command.startedOn();
    int inForce = versionInForceOn(on);
    List<String> unsigned =
        dataProviders.stream()
            .map(OrganisationId::value)
            .filter(provider -> inForce == 0 || !agreement.get(inForce - 1).signedBy(provider, on))
            .toList();
    RuleViolation.check(
        unsigned.isEmpty() || policy == DsaBeforeStartPolicy.WARN,
        Rule.DSA_BEFORE_START,
        (inForce == 0
                ? "no data sharing agreement was in force on " + on
                : "version " + inForce + " of the data sharing agreement, in force on " + on + ",")
            + " is not signed on or before "
            + on
            + " by: "
            + String.join(", ", unsigned));
    apply(new ProjectStarted(partnershipId, projectId, on, unsigned.isEmpty()));
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
            partnershipId,
            projectId,
            command.milestoneId(),
            milestone.dueOn(),
            command.achievedOn()));
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

  /**
   * The project is found only in its own partnership, is neither completed nor abandoned, and the
   * partnership accepts the activity.
   */
  private void requireOpen(
      PartnershipId claimedPartnership,
      LocalDate on,
      PartnershipGate partnership,
      List<OrganisationId> organisations) {
    if (!partnershipId.equals(claimedPartnership)) {
      throw new NotFound(
          "project " + projectId + " is not a project of partnership " + claimedPartnership);
    }
    RuleViolation.check(
        status == Status.PROPOSED || status == Status.STARTED,
        Rule.CLOSED_PROJECT_ACCEPTS_NOTHING,
        "project " + projectId + " is " + status.name().toLowerCase());
    partnership.requireActivity(partnershipId, on, organisations);
  }

  /** Drafted, and not after {@code day}: nothing is done to an agreement before it exists. */
  private void requireDraftedBy(LocalDate day) {
    RuleViolation.check(
        !agreement.isEmpty(), Rule.DSA_DRAFTED_FIRST, "no data sharing agreement has been drafted");
    LocalDate drafted = agreement.get(0).issuedOn();
    RuleViolation.check(
        !day.isBefore(drafted),
        Rule.DSA_DRAFTED_FIRST,
        "dated " + day + ", before the agreement was drafted on " + drafted);
  }

  /**
   * A revision, signature or expiry dated on or before the start is refused once the start is
   * recorded. ProjectStarted settled whether every provider had signed by then, the read side takes
   * the flag from it, and events are immutable: accepting the step would leave the history
   * contradicting the flag (a late signature under 'warn'), or let a refused start in by the back
   * door (a late revision or expiry under 'enforce'). Steps dated after the start are accepted.
   */
  private void requireUnsettled(LocalDate day, String step) {
    RuleViolation.check(
        startedOn == null || day.isAfter(startedOn),
        Rule.DSA_SETTLED_AT_START,
        "project "
            + projectId
            + " started on "
            + startedOn
            + ", which settled the agreement as it stood then: a "
            + step
            + " dated "
            + day
            + " had to be recorded before the start");
  }

  /**
   * The version drafted or revised last on or before {@code day} (of two on one day, the one
   * recorded later); 0 if none. By date, not number: a back-filled revision may be dated before
   * versions recorded earlier.
   */
  private int versionIssuedBy(LocalDate day) {
    int found = 0;
    for (int version = 1; version <= agreement.size(); version++) {
      LocalDate issued = agreement.get(version - 1).issuedOn();
      if (!issued.isAfter(day)
          && (found == 0 || !issued.isBefore(agreement.get(found - 1).issuedOn()))) {
        found = version;
      }
    }
    return found;
  }

  /** {@link #versionIssuedBy}, unless that version expired on or before {@code day}; 0 if none. */
  private int versionInForceOn(LocalDate day) {
    int version = versionIssuedBy(day);
    return version > 0 && agreement.get(version - 1).expiredBy(day) ? 0 : version;
  }

  private void requireStarted() {
    RuleViolation.check(
        status == Status.STARTED,
        Rule.PROJECT_STARTED_FIRST,
        "project " + projectId + " has not started");
  }

  private Milestone openMilestone(MilestoneId milestoneId) {
    Milestone milestone = milestones.get(milestoneId.value());
    if (milestone == null) {
      throw new RuleViolation(
          Rule.MILESTONE_PLANNED_FIRST, "milestone " + milestoneId + " was never planned");
    }
    RuleViolation.check(
        !milestone.closed(),
        Rule.MILESTONE_ACHIEVED_OR_MISSED_ONCE,
        "milestone " + milestoneId + " was already achieved or missed");
    return milestone;
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
    agreement.add(AgreementVersion.issued(event.draftedOn()));
  }

  @EventSourcingHandler
  void on(DataSharingAgreementRevised event) {
    agreement.add(AgreementVersion.issued(event.revisedOn()));
  }

  @EventSourcingHandler
  void on(DataSharingAgreementSigned event) {
    int index = event.version() - 1;
    agreement.set(
        index,
        agreement.get(index).withSignature(event.byOrganisationId().value(), event.signedOn()));
  }

  @EventSourcingHandler
  void on(DataSharingAgreementExpired event) {
    int index = event.version() - 1;
    agreement.set(index, agreement.get(index).withExpiry(event.expiredOn()));
  }

  @EventSourcingHandler
  void on(ProjectStarted event) {
    status = Status.STARTED;
    startedOn = event.startedOn();
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
