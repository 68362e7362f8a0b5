package org.partnershiptracker.command.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.partnershiptracker.events.value.Identifier;
import org.partnershiptracker.events.value.MilestoneHorizon;

import java.time.LocalDate;
import java.util.List;

/** JSON bodies of the project endpoints. Ids marked optional are generated when absent. */
public final class ProjectRequests {
  private static final String ID_MESSAGE = Identifier.FORM_DESCRIPTION;

  private ProjectRequests() {}

  public record Propose(
      @Pattern(regexp = Identifier.PATTERN, message = ID_MESSAGE) String projectId,
      @NotBlank @Size(max = 200) String title,
      @NotBlank @Size(max = 4000) String problemStatement,
      @NotEmpty @Size(max = 50)
          List<@NotNull @Pattern(regexp = Identifier.PATTERN, message = ID_MESSAGE) String> dataProviderOrganisationIds,
      @NotNull LocalDate proposedOn) {}

  /** A draft, revision or signature of the data sharing agreement, by one partner. */
  public record AgreementStep(
      @NotNull @Pattern(regexp = Identifier.PATTERN, message = ID_MESSAGE) String byOrganisationId,
      @NotNull LocalDate on) {}

  public record Expire(@NotNull LocalDate expiredOn) {}

  public record Start(@NotNull LocalDate startedOn) {}

  public record Plan(
      @Pattern(regexp = Identifier.PATTERN, message = ID_MESSAGE) String milestoneId,
      @NotBlank @Size(max = 200) String title,
      @NotNull MilestoneHorizon horizon,
      @NotNull LocalDate dueOn,
      @NotNull LocalDate plannedOn) {}

  public record Achieve(@NotNull LocalDate achievedOn) {}

  public record Miss(@NotNull LocalDate missedOn, @Size(max = 500) String reason) {}

  public record Reschedule(
      @NotNull LocalDate newDueOn, @NotNull LocalDate rescheduledOn, @Size(max = 500) String reason) {}

  public record Complete(@NotNull LocalDate completedOn, @NotBlank @Size(max = 2000) String outcome) {}

  public record Abandon(@NotNull LocalDate abandonedOn, @NotBlank @Size(max = 2000) String reason) {}
}
