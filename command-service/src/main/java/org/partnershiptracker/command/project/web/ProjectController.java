package org.partnershiptracker.command.project.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.partnershiptracker.command.web.CommandDispatcher;
import org.partnershiptracker.command.web.GeneratedIds;
import org.partnershiptracker.events.value.MilestoneId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP commands on a partnership's projects: data sharing agreement, start, milestones. Each
 * endpoint asks its request for the command and hands it to the dispatcher.
 */
@RestController
@RequestMapping("/api/partnerships/{partnershipId}/projects")
@Tag(
    name = "Projects",
    description = "Propose projects, agree data sharing, start them, keep milestones")
public class ProjectController {
  private static final String PROJECT = "projectId";
  private static final String MILESTONE = "milestoneId";
  private final CommandDispatcher dispatcher;

  public ProjectController(CommandDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @PostMapping
  @Operation(summary = "Propose a project around a problem statement, naming its data providers")
  public ResponseEntity<Map<String, String>> propose(
      @PathVariable PartnershipId partnershipId,
      @Valid @RequestBody ProjectRequests.Propose request) {
    ProjectId projectId = GeneratedIds.orNew(request.projectId(), ProjectId::of, "project");
    return created(request::toCommand, partnershipId, projectId);
  }

  @PostMapping("/{projectId}/dsa/drafts")
  @Operation(summary = "Draft the data sharing agreement (version 1)")
  public ResponseEntity<Map<String, String>> draft(
      @PathVariable PartnershipId partnershipId,
      @PathVariable ProjectId projectId,
      @Valid @RequestBody ProjectRequests.AgreementStep request) {
    return created(request::toDraft, partnershipId, projectId);
  }

  @PostMapping("/{projectId}/dsa/revisions")
  @Operation(summary = "Revise the data sharing agreement: a new version, earlier signatures lapse")
  public ResponseEntity<Map<String, String>> revise(
      @PathVariable PartnershipId partnershipId,
      @PathVariable ProjectId projectId,
      @Valid @RequestBody ProjectRequests.AgreementStep request) {
    return created(request::toRevision, partnershipId, projectId);
  }

  @PostMapping("/{projectId}/dsa/signatures")
  @Operation(summary = "A data provider signs the current version of the agreement")
  public ResponseEntity<Map<String, String>> sign(
      @PathVariable PartnershipId partnershipId,
      @PathVariable ProjectId projectId,
      @Valid @RequestBody ProjectRequests.AgreementStep request) {
    return created(request::toSignature, partnershipId, projectId);
  }

  @PostMapping("/{projectId}/dsa/expiry")
  @Operation(summary = "The agreement lapses; its signatures no longer count")
  public ResponseEntity<Map<String, String>> expire(
      @PathVariable PartnershipId partnershipId,
      @PathVariable ProjectId projectId,
      @Valid @RequestBody ProjectRequests.Expire request) {
    return done(request::toCommand, partnershipId, projectId);
  }

  @PostMapping("/{projectId}/start")
  @Operation(
      summary =
          "Start the project (policy dsa-before-start decides if an unsigned agreement blocks it)")
  public ResponseEntity<Map<String, String>> start(
      @PathVariable PartnershipId partnershipId,
      @PathVariable ProjectId projectId,
      @Valid @RequestBody ProjectRequests.Start request) {
    return done(request::toCommand, partnershipId, projectId);
  }

  @PostMapping("/{projectId}/milestones")
  @Operation(summary = "Plan a milestone with a due date and horizon (I2)")
  public ResponseEntity<Map<String, String>> plan(
      @PathVariable PartnershipId partnershipId,
      @PathVariable ProjectId projectId,
      @Valid @RequestBody ProjectRequests.Plan request) {
    MilestoneId milestoneId =
        GeneratedIds.orNew(request.milestoneId(), MilestoneId::of, "milestone");
    return dispatcher.created(
        request.toCommand(partnershipId, projectId, milestoneId),
        partnershipId,
        milestoneIds(projectId, milestoneId));
  }

  @PostMapping("/{projectId}/milestones/{milestoneId}/achievement")
  @Operation(summary = "A milestone was achieved")
  public ResponseEntity<Map<String, String>> achieve(
      @PathVariable PartnershipId partnershipId,
      @PathVariable ProjectId projectId,
      @PathVariable MilestoneId milestoneId,
      @Valid @RequestBody ProjectRequests.Achieve request) {
    return done(request::toCommand, partnershipId, projectId, milestoneId);
  }

  @PostMapping("/{projectId}/milestones/{milestoneId}/miss")
  @Operation(summary = "A milestone was missed")
  public ResponseEntity<Map<String, String>> miss(
      @PathVariable PartnershipId partnershipId,
      @PathVariable ProjectId projectId,
      @PathVariable MilestoneId milestoneId,
      @Valid @RequestBody ProjectRequests.Miss request) {
    return done(request::toCommand, partnershipId, projectId, milestoneId);
  }

  @PostMapping("/{projectId}/milestones/{milestoneId}/reschedule")
  @Operation(summary = "An open milestone gets a new due date")
  public ResponseEntity<Map<String, String>> reschedule(
      @PathVariable PartnershipId partnershipId,
      @PathVariable ProjectId projectId,
      @PathVariable MilestoneId milestoneId,
      @Valid @RequestBody ProjectRequests.Reschedule request) {
    return done(request::toCommand, partnershipId, projectId, milestoneId);
  }

  @PostMapping("/{projectId}/completion")
  @Operation(summary = "The project finished")
  public ResponseEntity<Map<String, String>> complete(
      @PathVariable PartnershipId partnershipId,
      @PathVariable ProjectId projectId,
      @Valid @RequestBody ProjectRequests.Complete request) {
    return done(request::toCommand, partnershipId, projectId);
  }

  @PostMapping("/{projectId}/abandonment")
  @Operation(summary = "The project was abandoned")
  public ResponseEntity<Map<String, String>> abandon(
      @PathVariable PartnershipId partnershipId,
      @PathVariable ProjectId projectId,
      @Valid @RequestBody ProjectRequests.Abandon request) {
    return done(request::toCommand, partnershipId, projectId);
  }

  /** What an endpoint on a project asks its request for. */
  private interface ProjectStep {
    Object command(PartnershipId partnershipId, ProjectId projectId);
  }

  /** What an endpoint on a milestone asks its request for. */
  private interface MilestoneStep {
    Object command(PartnershipId partnershipId, ProjectId projectId, MilestoneId milestoneId);
  }

  /** 201 Created, naming the project. */
  private ResponseEntity<Map<String, String>> created(
      ProjectStep step, PartnershipId partnershipId, ProjectId projectId) {
    return dispatcher.created(
        step.command(partnershipId, projectId), partnershipId, PROJECT, projectId);
  }

  /** 200 OK, naming the project. */
  private ResponseEntity<Map<String, String>> done(
      ProjectStep step, PartnershipId partnershipId, ProjectId projectId) {
    return dispatcher.done(
        step.command(partnershipId, projectId), partnershipId, PROJECT, projectId);
  }

  /** 200 OK, naming the project and the milestone. */
  private ResponseEntity<Map<String, String>> done(
      MilestoneStep step,
      PartnershipId partnershipId,
      ProjectId projectId,
      MilestoneId milestoneId) {
    return dispatcher.done(
        step.command(partnershipId, projectId, milestoneId),
        partnershipId,
        milestoneIds(projectId, milestoneId));
  }

  /** The ids a milestone's answer names. */
  private static Object[] milestoneIds(ProjectId projectId, MilestoneId milestoneId) {
    return new Object[] {PROJECT, projectId, MILESTONE, milestoneId};
  }
}
