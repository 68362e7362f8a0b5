package org.partnershiptracker.command.partnership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.partnershiptracker.command.partnership.PartnershipCommands.AddPartner;
import org.partnershiptracker.command.partnership.PartnershipCommands.ClosePartnership;
import org.partnershiptracker.command.partnership.PartnershipCommands.DesignateRole;
import org.partnershiptracker.command.partnership.PartnershipCommands.FormPartnership;
import org.partnershiptracker.command.partnership.PartnershipCommands.ReassignRole;
import org.partnershiptracker.command.partnership.PartnershipCommands.RecordMeeting;
import org.partnershiptracker.command.partnership.PartnershipCommands.RecordPulseSurvey;
import org.partnershiptracker.command.partnership.PartnershipCommands.RecordQuickWin;
import org.partnershiptracker.command.partnership.PartnershipCommands.RemovePartner;
import org.partnershiptracker.command.partnership.PartnershipCommands.VacateRole;
import org.partnershiptracker.command.web.CommandDispatcher;
import org.partnershiptracker.command.web.GeneratedIds;
import org.partnershiptracker.events.value.Attendance;
import org.partnershiptracker.events.value.MeetingId;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.PersonId;
import org.partnershiptracker.events.value.ProjectId;
import org.partnershiptracker.events.value.QuickWinId;
import org.partnershiptracker.events.value.RoleId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** HTTP commands on a partnership. Every write accepts an Idempotency-Key header. */
@RestController
@RequestMapping("/api/partnerships")
@Tag(name = "Partnerships", description = "Form partnerships and record what partners do")
public class PartnershipController {
  private final CommandDispatcher dispatcher;

  public PartnershipController(CommandDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @PostMapping
  @Operation(summary = "Form a partnership")
  public ResponseEntity<Map<String, String>> form(@Valid @RequestBody PartnershipRequests.Form request) {
    String id = GeneratedIds.orNew(request.partnershipId(), "partnership");
    return dispatcher.created(
        new FormPartnership(PartnershipId.of(id), request.name(), request.sharedVision(), request.formedOn()),
        id);
  }

  @PostMapping("/{partnershipId}/partners")
  @Operation(summary = "An organisation joins as a partner")
  public ResponseEntity<Map<String, String>> join(
      @PathVariable String partnershipId, @Valid @RequestBody PartnershipRequests.JoinAsPartner request) {
    return dispatcher.created(
        new AddPartner(
            PartnershipId.of(partnershipId),
            OrganisationId.of(request.organisationId()),
            request.organisationName(),
            request.sector(),
            request.joinedOn()),
        partnershipId,
        "organisationId",
        request.organisationId());
  }

  @PostMapping("/{partnershipId}/partners/{organisationId}/departure")
  @Operation(summary = "A partner leaves; the roles it holds fall vacant")
  public ResponseEntity<Map<String, String>> leave(
      @PathVariable String partnershipId,
      @PathVariable String organisationId,
      @Valid @RequestBody PartnershipRequests.Leave request) {
    return dispatcher.done(
        new RemovePartner(
            PartnershipId.of(partnershipId), OrganisationId.of(organisationId), request.leftOn(), request.reason()),
        partnershipId,
        "organisationId",
        organisationId);
  }

  @PostMapping("/{partnershipId}/roles")
  @Operation(summary = "Designate a person of a partner to a role (L2)")
  public ResponseEntity<Map<String, String>> designate(
      @PathVariable String partnershipId, @Valid @RequestBody PartnershipRequests.Designate request) {
    String roleId = GeneratedIds.orNew(request.roleId(), "role");
    return dispatcher.created(
        new DesignateRole(
            PartnershipId.of(partnershipId),
            RoleId.of(roleId),
            request.roleType(),
            OrganisationId.of(request.organisationId()),
            PersonId.of(request.personId()),
            request.designatedOn()),
        partnershipId,
        "roleId",
        roleId);
  }

  @PostMapping("/{partnershipId}/roles/{roleId}/reassignment")
  @Operation(summary = "Pass a held role to another person")
  public ResponseEntity<Map<String, String>> reassign(
      @PathVariable String partnershipId,
      @PathVariable String roleId,
      @Valid @RequestBody PartnershipRequests.Reassign request) {
    return dispatcher.done(
        new ReassignRole(
            PartnershipId.of(partnershipId),
            RoleId.of(roleId),
            PersonId.of(request.fromPersonId()),
            PersonId.of(request.toPersonId()),
            request.reason(),
            request.reassignedOn()),
        partnershipId,
        "roleId",
        roleId);
  }

  @PostMapping("/{partnershipId}/roles/{roleId}/vacancy")
  @Operation(summary = "A role falls vacant")
  public ResponseEntity<Map<String, String>> vacate(
      @PathVariable String partnershipId,
      @PathVariable String roleId,
      @Valid @RequestBody PartnershipRequests.Vacate request) {
    return dispatcher.done(
        new VacateRole(PartnershipId.of(partnershipId), RoleId.of(roleId), request.reason(), request.vacatedOn()),
        partnershipId,
        "roleId",
        roleId);
  }

  @PostMapping("/{partnershipId}/meetings")
  @Operation(summary = "Record an interaction: meeting, on-site work day, showcase, social…")
  public ResponseEntity<Map<String, String>> meeting(
      @PathVariable String partnershipId, @Valid @RequestBody PartnershipRequests.Meeting request) {
    String meetingId = GeneratedIds.orNew(request.meetingId(), "meeting");
    return dispatcher.created(
        new RecordMeeting(
            PartnershipId.of(partnershipId),
            MeetingId.of(meetingId),
            request.type(),
            request.heldOn(),
            request.durationMinutes(),
            OrganisationId.of(request.hostOrganisationId()),
            request.attendees().stream()
                .map(group -> new Attendance(OrganisationId.of(group.organisationId()), group.level(), group.count()))
                .toList(),
            request.projectId() == null ? null : ProjectId.of(request.projectId())),
        partnershipId,
        "meetingId",
        meetingId);
  }

  @PostMapping("/{partnershipId}/quick-wins")
  @Operation(summary = "Record a quick win delivered to a partner (I2)")
  public ResponseEntity<Map<String, String>> quickWin(
      @PathVariable String partnershipId, @Valid @RequestBody PartnershipRequests.QuickWin request) {
    String quickWinId = GeneratedIds.orNew(request.quickWinId(), "quick-win");
    return dispatcher.created(
        new RecordQuickWin(
            PartnershipId.of(partnershipId),
            QuickWinId.of(quickWinId),
            request.projectId() == null ? null : ProjectId.of(request.projectId()),
            request.title(),
            request.deliveredOn(),
            OrganisationId.of(request.beneficiaryOrganisationId()),
            request.estimatedSavingGbp()),
        partnershipId,
        "quickWinId",
        quickWinId);
  }

  @PostMapping("/{partnershipId}/pulse-surveys")
  @Operation(summary = "Record a pulse-survey answer: one partner's trust in another, 1-5")
  public ResponseEntity<Map<String, String>> pulseSurvey(
      @PathVariable String partnershipId, @Valid @RequestBody PartnershipRequests.PulseSurvey request) {
    return dispatcher.created(
        new RecordPulseSurvey(
            PartnershipId.of(partnershipId),
            OrganisationId.of(request.respondentOrganisationId()),
            OrganisationId.of(request.aboutOrganisationId()),
            request.trust(),
            request.answeredOn()),
        partnershipId);
  }

  @PostMapping("/{partnershipId}/closure")
  @Operation(summary = "Close the partnership; it accepts no further activity")
  public ResponseEntity<Map<String, String>> close(
      @PathVariable String partnershipId, @Valid @RequestBody PartnershipRequests.Close request) {
    return dispatcher.done(
        new ClosePartnership(PartnershipId.of(partnershipId), request.closedOn(), request.reason()), partnershipId);
  }
}
