package org.partnershiptracker.command.partnership.model;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.AddPartner;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.ClosePartnership;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.DesignateRole;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.FormPartnership;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.ReassignRole;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.RecordMeeting;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.RecordPulseSurvey;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.RecordQuickWin;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.RemovePartner;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.VacateRole;
import org.partnershiptracker.command.rules.Rule;
import org.partnershiptracker.command.rules.RuleViolation;
import org.partnershiptracker.events.partnership.MeetingHeld;
import org.partnershiptracker.events.partnership.PartnerJoined;
import org.partnershiptracker.events.partnership.PartnerLeft;
import org.partnershiptracker.events.partnership.PartnershipClosed;
import org.partnershiptracker.events.partnership.PartnershipFormed;
import org.partnershiptracker.events.partnership.PulseSurveyAnswered;
import org.partnershiptracker.events.partnership.QuickWinDelivered;
import org.partnershiptracker.events.partnership.RoleDesignated;
import org.partnershiptracker.events.partnership.RoleReassigned;
import org.partnershiptracker.events.partnership.RoleVacated;
import org.partnershiptracker.events.value.Attendance;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.PersonId;
import org.partnershiptracker.events.value.ProjectId;
import org.partnershiptracker.events.value.RoleChangeReason;
import org.partnershiptracker.events.value.RoleId;
import org.partnershiptracker.events.value.RoleType;
import org.partnershiptracker.events.value.Sector;

/**
 * A partnership: its partners, who holds which role, and what the partners did together. Every rule
 * about who may take part lives here; projects ask it through {@link #requireActivity}.
 * Field-visible to Jackson so that snapshots serialise the state as it is.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
public class Partnership {
  @AggregateIdentifier private PartnershipId partnershipId;
  private LocalDate formedOn;
  private boolean closed;

  /** Current partners by organisation id. */
  private Map<String, Partner> partners = new HashMap<>();

  /** Every role ever designated, by role id; {@code holder} is null while vacant. */
  private Map<String, Role> roles = new HashMap<>();

  private Set<String> meetingIds = new HashSet<>();
  private Set<String> quickWinIds = new HashSet<>();

  record Partner(String organisationName, Sector sector) {}

  record Role(RoleType type, OrganisationId organisationId, PersonId holder) {
    Role withHolder(PersonId person) {
      return new Role(type, organisationId, person);
    }
  }

  protected Partnership() {
    // for Axon
  }

  @CommandHandler
  public Partnership(FormPartnership command) {
    apply(
        new PartnershipFormed(
            command.partnershipId(), command.name(), command.sharedVision(), command.formedOn()));
  }

  @CommandHandler
  public void handle(AddPartner command) {
    requireOpenOn(command.joinedOn());
    RuleViolation.check(
        !partners.containsKey(command.organisationId().value()),
        Rule.ORGANISATION_JOINS_ONCE,
        command.organisationId() + " is already a partner");
    apply(
        new PartnerJoined(
            partnershipId,
            command.organisationId(),
            command.organisationName(),
            command.sector(),
            command.joinedOn()));
  }

  /** A leaving partner's roles are vacated first, so that only partners ever hold roles. */
  @CommandHandler
  public void handle(RemovePartner command) {
    requireActivity(command.leftOn(), List.of(command.organisationId()));
    roles.entrySet().stream()
        .filter(role -> role.getValue().organisationId().equals(command.organisationId()))
        .filter(role -> role.getValue().holder() != null)
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            role ->
                apply(
                    new RoleVacated(
                        partnershipId,
                        RoleId.of(role.getKey()),
                        role.getValue().holder(),
                        RoleChangeReason.PARTNER_LEFT,
                        command.leftOn())));
    Partner partner = partners.get(command.organisationId().value());
    apply(
        new PartnerLeft(
            partnershipId,
            command.organisationId(),
            partner.organisationName(),
            partner.sector(),
            command.leftOn(),
            command.reason()));
  }

  @CommandHandler
  public void handle(DesignateRole command) {
    requireActivity(command.designatedOn(), List.of(command.organisationId()));
    Role existing = roles.get(command.roleId().value());
    if (existing != null) {
      RuleViolation.check(
          existing.holder() == null
              && existing.type() == command.roleType()
              && existing.organisationId().equals(command.organisationId()),
          Rule.ROLE_DESIGNATION_MATCHES,
          "role "
              + command.roleId()
              + " is "
              + existing.type()
              + " at "
              + existing.organisationId()
              + (existing.holder() == null ? " (vacant)" : ", held by " + existing.holder()));
    }
    apply(
        new RoleDesignated(
            partnershipId,
            command.roleId(),
            command.roleType(),
            command.organisationId(),
            command.personId(),
            command.designatedOn()));
  }

  @CommandHandler
  public void handle(ReassignRole command) {
    requireOpenOn(command.reassignedOn());
    Role role = heldRole(command.roleId().value());
    RuleViolation.check(
        role.holder().equals(command.fromPersonId()),
        Rule.ROLE_REASSIGNED_ONLY_IF_HELD,
        "role "
            + command.roleId()
            + " is held by "
            + role.holder()
            + ", not "
            + command.fromPersonId());
    RuleViolation.check(
        !command.toPersonId().equals(role.holder()),
        Rule.ROLE_REASSIGNED_TO_ANOTHER_PERSON,
        "role " + command.roleId() + " is already held by " + command.toPersonId());
    apply(
        new RoleReassigned(
            partnershipId,
            command.roleId(),
            command.fromPersonId(),
            command.toPersonId(),
            command.reason(),
            command.reassignedOn()));
  }

  @CommandHandler
  public void handle(VacateRole command) {
    requireOpenOn(command.vacatedOn());
    Role role = heldRole(command.roleId().value());
    apply(
        new RoleVacated(
            partnershipId, command.roleId(), role.holder(), command.reason(), command.vacatedOn()));
  }

  @CommandHandler
  public void handle(RecordMeeting command, ProjectDirectory projects) {
    List<OrganisationId> participants = new ArrayList<>();
    participants.add(command.hostOrganisationId());
    command.attendees().stream().map(Attendance::organisationId).forEach(participants::add);
    requireActivity(command.heldOn(), participants);
    requireUnused(meetingIds, command.meetingId().value(), "meeting");
    requireOwnProject(command.projectId(), projects);
    apply(
        new MeetingHeld(
            partnershipId,
            command.meetingId(),
            command.type(),
            command.heldOn(),
            command.durationMinutes(),
            command.hostOrganisationId(),
            command.attendees(),
            command.projectId()));
  }

  @CommandHandler
  public void handle(RecordQuickWin command, ProjectDirectory projects) {
    requireActivity(command.deliveredOn(), List.of(command.beneficiaryOrganisationId()));
    requireUnused(quickWinIds, command.quickWinId().value(), "quick win");
    requireOwnProject(command.projectId(), projects);
    apply(
        new QuickWinDelivered(
            partnershipId,
            command.quickWinId(),
            command.projectId(),
            command.title(),
            command.deliveredOn(),
            command.beneficiaryOrganisationId(),
            command.estimatedSavingGbp()));
  }

  @CommandHandler
  public void handle(RecordPulseSurvey command) {
    requireActivity(
        command.answeredOn(),
        List.of(command.respondentOrganisationId(), command.aboutOrganisationId()));
    RuleViolation.check(
        !command.respondentOrganisationId().equals(command.aboutOrganisationId()),
        Rule.SURVEY_ABOUT_ANOTHER_PARTNER,
        "a partner rates its trust in another partner, not in itself");
    apply(
        new PulseSurveyAnswered(
            partnershipId,
            command.respondentOrganisationId(),
            command.aboutOrganisationId(),
            command.trust(),
            command.answeredOn()));
  }

  @CommandHandler
  public void handle(ClosePartnership command) {
    requireOpenOn(command.closedOn());
    apply(new PartnershipClosed(partnershipId, command.closedOn(), command.reason()));
  }

  /**
   * The rules for any activity of the partnership, its projects' included: the partnership is open,
   * the activity is not dated before its formation, and every organisation named is a current
   * partner.
   */
  public void requireActivity(LocalDate on, Collection<OrganisationId> organisations) {
    requireOpenOn(on);
    List<String> outsiders =
        organisations.stream()
            .map(OrganisationId::value)
            .filter(id -> !partners.containsKey(id))
            .distinct()
            .sorted()
            .toList();
    RuleViolation.check(
        outsiders.isEmpty(),
        Rule.ONLY_PARTNERS_TAKE_PART,
        "not partners of " + partnershipId + ": " + String.join(", ", outsiders));
  }

  private void requireOpenOn(LocalDate on) {
    RuleViolation.check(
        !closed,
        Rule.CLOSED_PARTNERSHIP_ACCEPTS_NOTHING,
        "partnership " + partnershipId + " is closed");
    RuleViolation.check(
        !on.isBefore(formedOn),
        Rule.ACTIVITY_AFTER_FORMATION,
        "dated " + on + ", before the partnership was formed on " + formedOn);
  }

  private Role heldRole(String roleId) {
    Role role = roles.get(roleId);
    RuleViolation.check(
        role != null && role.holder() != null,
        Rule.ROLE_REASSIGNED_ONLY_IF_HELD,
        "role " + roleId + (role == null ? " was never designated" : " is vacant"));
    return role;
  }

  private static void requireUnused(Set<String> used, String id, String kind) {
    RuleViolation.check(
        !used.contains(id), Rule.ID_ALREADY_USED, kind + " " + id + " is already recorded");
  }

  private void requireOwnProject(ProjectId projectId, ProjectDirectory projects) {
    if (projectId != null) {
      RuleViolation.check(
          projects.partnershipOf(projectId).filter(partnershipId::equals).isPresent(),
          Rule.PROJECT_BELONGS_TO_PARTNERSHIP,
          "project " + projectId + " is not a project of " + partnershipId);
    }
  }

  @EventSourcingHandler
  void on(PartnershipFormed event) {
    partnershipId = event.partnershipId();
    formedOn = event.formedOn();
  }

  @EventSourcingHandler
  void on(PartnerJoined event) {
    partners.put(
        event.organisationId().value(), new Partner(event.organisationName(), event.sector()));
  }

  @EventSourcingHandler
  void on(PartnerLeft event) {
    partners.remove(event.organisationId().value());
  }

  @EventSourcingHandler
  void on(RoleDesignated event) {
    roles.put(
        event.roleId().value(),
        new Role(event.roleType(), event.organisationId(), event.personId()));
  }

  @EventSourcingHandler
  void on(RoleReassigned event) {
    roles.computeIfPresent(
        event.roleId().value(), (id, role) -> role.withHolder(event.toPersonId()));
  }

  @EventSourcingHandler
  void on(RoleVacated event) {
    roles.computeIfPresent(event.roleId().value(), (id, role) -> role.withHolder(null));
  }

  @EventSourcingHandler
  void on(MeetingHeld event) {
    meetingIds.add(event.meetingId().value());
  }

  @EventSourcingHandler
  void on(QuickWinDelivered event) {
    quickWinIds.add(event.quickWinId().value());
  }

  @EventSourcingHandler
  void on(PartnershipClosed event) {
    closed = true;
  }
}
