package org.partnershiptracker.command.partnership;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.partnershiptracker.events.value.AttendeeLevel;
import org.partnershiptracker.events.value.Identifier;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.events.value.RoleChangeReason;
import org.partnershiptracker.events.value.RoleType;
import org.partnershiptracker.events.value.Sector;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** JSON bodies of the partnership endpoints. Ids marked optional are generated when absent. */
public final class PartnershipRequests {
  private static final String ID_MESSAGE = Identifier.FORM_DESCRIPTION;

  private PartnershipRequests() {}

  public record Form(
      @Pattern(regexp = Identifier.PATTERN, message = ID_MESSAGE) String partnershipId,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 2000) String sharedVision,
      @NotNull LocalDate formedOn) {}

  public record JoinAsPartner(
      @NotNull @Pattern(regexp = Identifier.PATTERN, message = ID_MESSAGE) String organisationId,
      @NotBlank @Size(max = 200) String organisationName,
      @NotNull Sector sector,
      @NotNull LocalDate joinedOn) {}

  public record Leave(@NotNull LocalDate leftOn, @Size(max = 500) String reason) {}

  public record Designate(
      @Pattern(regexp = Identifier.PATTERN, message = ID_MESSAGE) String roleId,
      @NotNull RoleType roleType,
      @NotNull @Pattern(regexp = Identifier.PATTERN, message = ID_MESSAGE) String organisationId,
      @NotNull @Pattern(regexp = Identifier.PATTERN, message = ID_MESSAGE + " (a pseudonymous id, never a name or e-mail)")
          String personId,
      @NotNull LocalDate designatedOn) {}

  public record Reassign(
      @NotNull @Pattern(regexp = Identifier.PATTERN, message = ID_MESSAGE) String fromPersonId,
      @NotNull @Pattern(regexp = Identifier.PATTERN, message = ID_MESSAGE) String toPersonId,
      @NotNull RoleChangeReason reason,
      @NotNull LocalDate reassignedOn) {}

  public record Vacate(@NotNull RoleChangeReason reason, @NotNull LocalDate vacatedOn) {}

  public record AttendeeGroup(
      @NotNull @Pattern(regexp = Identifier.PATTERN, message = ID_MESSAGE) String organisationId,
      @NotNull AttendeeLevel level,
      @Min(1) @Max(10_000) int count) {}

  public record Meeting(
      @Pattern(regexp = Identifier.PATTERN, message = ID_MESSAGE) String meetingId,
      @NotNull MeetingType type,
      @NotNull LocalDate heldOn,
      @Min(1) @Max(1440) int durationMinutes,
      @NotNull @Pattern(regexp = Identifier.PATTERN, message = ID_MESSAGE) String hostOrganisationId,
      @NotEmpty @Size(max = 100) List<@Valid @NotNull AttendeeGroup> attendees,
      @Pattern(regexp = Identifier.PATTERN, message = ID_MESSAGE) String projectId) {}

  public record QuickWin(
      @Pattern(regexp = Identifier.PATTERN, message = ID_MESSAGE) String quickWinId,
      @Pattern(regexp = Identifier.PATTERN, message = ID_MESSAGE) String projectId,
      @NotBlank @Size(max = 200) String title,
      @NotNull LocalDate deliveredOn,
      @NotNull @Pattern(regexp = Identifier.PATTERN, message = ID_MESSAGE) String beneficiaryOrganisationId,
      @DecimalMin("0") BigDecimal estimatedSavingGbp) {}

  public record PulseSurvey(
      @NotNull @Pattern(regexp = Identifier.PATTERN, message = ID_MESSAGE) String respondentOrganisationId,
      @NotNull @Pattern(regexp = Identifier.PATTERN, message = ID_MESSAGE) String aboutOrganisationId,
      @Min(1) @Max(5) int trust,
      @NotNull LocalDate answeredOn) {}

  public record Close(@NotNull LocalDate closedOn, @Size(max = 500) String reason) {}
}
