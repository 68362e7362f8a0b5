package org.partnershiptracker.command.partnership.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.partnershiptracker.command.web.CommandDispatcher;
import org.partnershiptracker.command.web.GeneratedIds;
import org.partnershiptracker.events.value.MeetingId;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.QuickWinId;
import org.partnershiptracker.events.value.RoleId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP commands on a partnership: each endpoint asks its request for the command and hands it to
 * the dispatcher. Every write accepts an Idempotency-Key header.
 */
@RestController
@RequestMapping("/api/partnerships")
@Tag(name = "Partnerships", description = "Form partnerships and record what partners do")
public class PartnershipController {
  private static final String ORGANISATION = "organisationId";
  private static final String ROLE = "roleId";
  private final CommandDispatcher dispatcher;

  public PartnershipController(CommandDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @PostMapping
  @Operation(summary = "Form a partnership")
  public ResponseEntity<Map<String, String>> form(
      @Valid @RequestBody PartnershipRequests.Form request) {
    PartnershipId id =
        GeneratedIds.orNew(request.partnershipId(), PartnershipId::of, "partnership");
    return dispatcher.created(request.toCommand(id), id);
  }

  @PostMapping("/{partnershipId}/partners")
  @Operation(summary = "An organisation joins as a partner")
  public ResponseEntity<Map<String, String>> join(
      @PathVariable PartnershipId partnershipId,
      @Valid @RequestBody PartnershipRequests.JoinAsPartner request) {
    return dispatcher.created(
        request.toCommand(partnershipId), partnershipId, ORGANISATION, request.organisationId());
  }

  @PostMapping("/{partnershipId}/partners/{organisationId}/departure")
  @Operation(summary = "A partner leaves; the roles it holds fall vacant")
  public ResponseEntity<Map<String, String>> leave(
      @PathVariable PartnershipId partnershipId,
      @PathVariable OrganisationId organisationId,
      @Valid @RequestBody PartnershipRequests.Leave request) {
    return dispatcher.done(
        request.toCommand(partnershipId, organisationId),
        partnershipId,
        ORGANISATION,
        organisationId);
  }

  @PostMapping("/{partnershipId}/roles")
  @Operation(summary = "Designate a person of a partner to a role (L2)")
  public ResponseEntity<Map<String, String>> designate(
      @PathVariable PartnershipId partnershipId,
      @Valid @RequestBody PartnershipRequests.Designate request) {
    RoleId roleId = GeneratedIds.orNew(request.roleId(), RoleId::of, "role");
    return dispatcher.created(
        request.toCommand(partnershipId, roleId), partnershipId, ROLE, roleId);
  }

  @PostMapping("/{partnershipId}/roles/{roleId}/reassignment")
  @Operation(summary = "Pass a held role to another person")
  public ResponseEntity<Map<String, String>> reassign(
      @PathVariable PartnershipId partnershipId,
      @PathVariable RoleId roleId,
      @Valid @RequestBody PartnershipRequests.Reassign request) {
    return dispatcher.done(request.toCommand(partnershipId, roleId), partnershipId, ROLE, roleId);
  }

  @PostMapping("/{partnershipId}/roles/{roleId}/vacancy")
  @Operation(summary = "A role falls vacant")
  public ResponseEntity<Map<String, String>> vacate(
      @PathVariable PartnershipId partnershipId,
      @PathVariable RoleId roleId,
      @Valid @RequestBody PartnershipRequests.Vacate request) {
    return dispatcher.done(request.toCommand(partnershipId, roleId), partnershipId, ROLE, roleId);
  }

  @PostMapping("/{partnershipId}/meetings")
  @Operation(summary = "Record an interaction: meeting, on-site work day, showcase, social…")
  public ResponseEntity<Map<String, String>> meeting(
      @PathVariable PartnershipId partnershipId,
      @Valid @RequestBody PartnershipRequests.Meeting request) {
    MeetingId meetingId = GeneratedIds.orNew(request.meetingId(), MeetingId::of, "meeting");
    return dispatcher.created(
        request.toCommand(partnershipId, meetingId), partnershipId, "meetingId", meetingId);
  }

  @PostMapping("/{partnershipId}/quick-wins")
  @Operation(summary = "Record a quick win delivered to a partner (I2)")
  public ResponseEntity<Map<String, String>> quickWin(
      @PathVariable PartnershipId partnershipId,
      @Valid @RequestBody PartnershipRequests.QuickWin request) {
    QuickWinId quickWinId = GeneratedIds.orNew(request.quickWinId(), QuickWinId::of, "quick-win");
    return dispatcher.created(
        request.toCommand(partnershipId, quickWinId), partnershipId, "quickWinId", quickWinId);
  }

  @PostMapping("/{partnershipId}/pulse-surveys")
  @Operation(summary = "Record a pulse-survey answer: one partner's trust in another, 1-5")
  public ResponseEntity<Map<String, String>> pulseSurvey(
      @PathVariable PartnershipId partnershipId,
      @Valid @RequestBody PartnershipRequests.PulseSurvey request) {
    return dispatcher.created(request.toCommand(partnershipId), partnershipId);
  }

  @PostMapping("/{partnershipId}/closure")
  @Operation(summary = "Close the partnership; it accepts no further activity")
  public ResponseEntity<Map<String, String>> close(
      @PathVariable PartnershipId partnershipId,
      @Valid @RequestBody PartnershipRequests.Close request) {
    return dispatcher.done(request.toCommand(partnershipId), partnershipId);
  }
}
