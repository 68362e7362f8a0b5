package org.partnershiptracker.command.project;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import org.partnershiptracker.command.web.CommandDispatcher;
import org.partnershiptracker.command.web.GeneratedIds;
import org.partnershiptracker.events.value.MilestoneId;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** HTTP commands on a partnership's projects: data sharing agreement, start, milestones. */
@RestController
@RequestMapping("/api/partnerships/{partnershipId}/projects")
@Tag(name = "Projects", description = "Propose projects, agree data sharing, start them, keep milestones")
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
      @PathVariable String partnershipId, @Valid @RequestBody ProjectRequests.Propose request) {
    String projectId = GeneratedIds.orNew(request.projectId(), "project");
    return dispatcher.created(
        new ProposeProject(
            PartnershipId.of(partnershipId),
            ProjectId.of(projectId),
            request.title(),
            request.problemStatement(),
            request.dataProviderOrganisationIds().stream().map(OrganisationId::of).toList(),
            request.proposedOn()),
        partnershipId,
        PROJECT,
        projectId);
  }

  @PostMapping("/{projectId}/dsa/drafts")
  @Operation(summary = "Draft the data sharing agreement (version 1)")
  public ResponseEntity<Map<String, String>> draft(
      @PathVariable String partnershipId,
      @PathVariable String projectId,
      @Valid @RequestBody ProjectRequests.AgreementStep request) {
    return dispatcher.created(
        new DraftDataSharingAgreement(
            PartnershipId.of(partnershipId), ProjectId.of(projectId), OrganisationId.of(request.byOrganisationId()), request.on()),
        partnershipId,
        PROJECT,
        projectId);
  }

  @PostMapping("/{projectId}/dsa/revisions")
  @Operation(summary = "Revise the data sharing agreement: a new version, earlier signatures lapse")
  public ResponseEntity<Map<String, String>> revise(
      @PathVariable String partnershipId,
      @PathVariable String projectId,
      @Valid @RequestBody ProjectRequests.AgreementStep request) {
    return dispatcher.created(
        new ReviseDataSharingAgreement(
            PartnershipId.of(partnershipId), ProjectId.of(projectId), OrganisationId.of(request.byOrganisationId()), request.on()),
        partnershipId,
        PROJECT,
        projectId);
  }

  @PostMapping("/{projectId}/dsa/signatures")
  @Operation(summary = "A data provider signs the current version of the agreement")
  public ResponseEntity<Map<String, String>> sign(
      @PathVariable String partnershipId,
      @PathVariable String projectId,
      @Valid @RequestBody ProjectRequests.AgreementStep request) {
    return dispatcher.created(
        new SignDataSharingAgreement(
            PartnershipId.of(partnershipId), ProjectId.of(projectId), OrganisationId.of(request.byOrganisationId()), request.on()),
        partnershipId,
        PROJECT,
        projectId);
  }

  @PostMapping("/{projectId}/dsa/expiry")
  @Operation(summary = "The agreement lapses; its signatures no longer count")
  public ResponseEntity<Map<String, String>> expire(
      @PathVariable String partnershipId,
      @PathVariable String projectId,
      @Valid @RequestBody ProjectRequests.Expire request) {
    return dispatcher.done(
        new ExpireDataSharingAgreement(PartnershipId.of(partnershipId), ProjectId.of(projectId), request.expiredOn()),
        partnershipId,
        PROJECT,
        projectId);
  }

  @PostMapping("/{projectId}/start")
  @Operation(summary = "Start the project (policy dsa-before-start decides if an unsigned agreement blocks it)")
  public ResponseEntity<Map<String, String>> start(
      @PathVariable String partnershipId,
      @PathVariable String projectId,
      @Valid @RequestBody ProjectRequests.Start request) {
    return dispatcher.done(
        new StartProject(PartnershipId.of(partnershipId), ProjectId.of(projectId), request.startedOn()),
        partnershipId,
        PROJECT,
        projectId);
  }

  @PostMapping("/{projectId}/milestones")
  @Operation(summary = "Plan a milestone with a due date and horizon (I2)")
  public ResponseEntity<Map<String, String>> plan(
      @PathVariable String partnershipId,
      @PathVariable String projectId,
      @Valid @RequestBody ProjectRequests.Plan request) {
    String milestoneId = GeneratedIds.orNew(request.milestoneId(), "milestone");
    return dispatcher.created(
        new PlanMilestone(
            PartnershipId.of(partnershipId),
            ProjectId.of(projectId),
            MilestoneId.of(milestoneId),
            request.title(),
            request.horizon(),
            request.dueOn(),
            request.plannedOn()),
        partnershipId,
        PROJECT,
        projectId,
        MILESTONE,
        milestoneId);
  }

  @PostMapping("/{projectId}/milestones/{milestoneId}/achievement")
  @Operation(summary = "A milestone was achieved")
  public ResponseEntity<Map<String, String>> achieve(
      @PathVariable String partnershipId,
      @PathVariable String projectId,
      @PathVariable String milestoneId,
      @Valid @RequestBody ProjectRequests.Achieve request) {
    return dispatcher.done(
        new AchieveMilestone(
            PartnershipId.of(partnershipId), ProjectId.of(projectId), MilestoneId.of(milestoneId), request.achievedOn()),
        partnershipId,
        PROJECT,
        projectId,
        MILESTONE,
        milestoneId);
  }

  @PostMapping("/{projectId}/milestones/{milestoneId}/miss")
  @Operation(summary = "A milestone was missed")
  public ResponseEntity<Map<String, String>> miss(
      @PathVariable String partnershipId,
      @PathVariable String projectId,
      @PathVariable String milestoneId,
      @Valid @RequestBody ProjectRequests.Miss request) {
    return dispatcher.done(
        new RecordMilestoneMissed(
            PartnershipId.of(partnershipId),
            ProjectId.of(projectId),
            MilestoneId.of(milestoneId),
            request.missedOn(),
            request.reason()),
        partnershipId,
        PROJECT,
        projectId,
        MILESTONE,
        milestoneId);
  }

  @PostMapping("/{projectId}/milestones/{milestoneId}/reschedule")
  @Operation(summary = "An open milestone gets a new due date")
  public ResponseEntity<Map<String, String>> reschedule(
      @PathVariable String partnershipId,
      @PathVariable String projectId,
      @PathVariable String milestoneId,
      @Valid @RequestBody ProjectRequests.Reschedule request) {
    return dispatcher.done(
        new RescheduleMilestone(
            PartnershipId.of(partnershipId),
            ProjectId.of(projectId),
            MilestoneId.of(milestoneId),
            request.newDueOn(),
            request.rescheduledOn(),
            request.reason()),
        partnershipId,
        PROJECT,
        projectId,
        MILESTONE,
        milestoneId);
  }

  @PostMapping("/{projectId}/completion")
  @Operation(summary = "The project finished")
  public ResponseEntity<Map<String, String>> complete(
      @PathVariable String partnershipId,
      @PathVariable String projectId,
      @Valid @RequestBody ProjectRequests.Complete request) {
    return dispatcher.done(
        new CompleteProject(PartnershipId.of(partnershipId), ProjectId.of(projectId), request.completedOn(), request.outcome()),
        partnershipId,
        PROJECT,
        projectId);
  }

  @PostMapping("/{projectId}/abandonment")
  @Operation(summary = "The project was abandoned")
  public ResponseEntity<Map<String, String>> abandon(
      @PathVariable String partnershipId,
      @PathVariable String projectId,
      @Valid @RequestBody ProjectRequests.Abandon request) {
    return dispatcher.done(
        new AbandonProject(PartnershipId.of(partnershipId), ProjectId.of(projectId), request.abandonedOn(), request.reason()),
        partnershipId,
        PROJECT,
        projectId);
  }
}
