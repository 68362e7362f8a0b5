package org.partnershiptracker.command.partnership.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
import org.partnershiptracker.command.people.web.PersonOfOrganisation;
import org.partnershiptracker.command.people.web.RegisteredPerson;
import org.partnershiptracker.command.web.input.FactDate;
import org.partnershiptracker.command.web.input.FreeText;
import org.partnershiptracker.command.web.input.NewId;
import org.partnershiptracker.command.web.input.TotalAttendees;
import org.partnershiptracker.events.value.Attendance;
import org.partnershiptracker.events.value.AttendeeLevel;
import org.partnershiptracker.events.value.Limits;
import org.partnershiptracker.events.value.MeetingId;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.PersonId;
import org.partnershiptracker.events.value.ProjectId;
import org.partnershiptracker.events.value.QuickWinId;
import org.partnershiptracker.events.value.RoleChangeReason;
import org.partnershiptracker.events.value.RoleId;
import org.partnershiptracker.events.value.RoleType;
import org.partnershiptracker.events.value.Sector;

/**
 * JSON bodies of the partnership endpoints, and the command each one asks for. Ids are value types
 * that check their own form while the body is read; ids marked optional are generated when absent.
 */
public final class PartnershipRequests {
  private PartnershipRequests() {}

  public record Form(
      @NewId PartnershipId partnershipId,
      @NotBlank @Size(max = Limits.NAME) @FreeText String name,
      @Size(max = Limits.ACCOUNT) @FreeText String sharedVision,
      @NotNull @FactDate LocalDate formedOn) {
    public FormPartnership toCommand(PartnershipId id) {
      return new FormPartnership(id, name, sharedVision, formedOn);
    }
  }

  public record JoinAsPartner(
      @NotNull @NewId OrganisationId organisationId,
      @NotBlank @Size(max = Limits.NAME) @FreeText String organisationName,
      @NotNull Sector sector,
      @NotNull @FactDate LocalDate joinedOn) {
    public AddPartner toCommand(PartnershipId partnershipId) {
      return new AddPartner(partnershipId, organisationId, organisationName, sector, joinedOn);
    }
  }

  public record Leave(
      @NotNull @FactDate LocalDate leftOn, @Size(max = Limits.REASON) @FreeText String reason) {
    public RemovePartner toCommand(PartnershipId partnershipId, OrganisationId organisationId) {
      return new RemovePartner(partnershipId, organisationId, leftOn, reason);
    }
  }

  @PersonOfOrganisation
  public record Designate(
      @NewId RoleId roleId,
      @NotNull RoleType roleType,
      @NotNull OrganisationId organisationId,
      @NotNull @NewId(person = true) @RegisteredPerson PersonId personId,
      @NotNull @FactDate LocalDate designatedOn)
      implements PersonOfOrganisation.Designation {
    public DesignateRole toCommand(PartnershipId partnershipId, RoleId id) {
      return new DesignateRole(partnershipId, id, roleType, organisationId, personId, designatedOn);
    }
  }

  public record Reassign(
      @NotNull PersonId fromPersonId,
      @NotNull @NewId(person = true) @RegisteredPerson PersonId toPersonId,
      @NotNull RoleChangeReason reason,
      @NotNull @FactDate LocalDate reassignedOn) {
    public ReassignRole toCommand(PartnershipId partnershipId, RoleId roleId) {
      return new ReassignRole(
          partnershipId, roleId, fromPersonId, toPersonId, reason, reassignedOn);
    }
  }

  public record Vacate(@NotNull RoleChangeReason reason, @NotNull @FactDate LocalDate vacatedOn) {
    public VacateRole toCommand(PartnershipId partnershipId, RoleId roleId) {
      return new VacateRole(partnershipId, roleId, reason, vacatedOn);
    }
  }

  public record AttendeeGroup(
      @NotNull OrganisationId organisationId,
      @NotNull AttendeeLevel level,
      @Min(1) @Max(Limits.ATTENDEES_PER_GROUP) int count)
      implements TotalAttendees.Counted {
    Attendance toAttendance() {
      return new Attendance(organisationId, level, count);
    }
  }

  public record Meeting(
      @NewId MeetingId meetingId,
      @NotNull MeetingType type,
      @NotNull @FactDate LocalDate heldOn,
      @Min(1) @Max(Limits.MEETING_MINUTES) int durationMinutes,
      @NotNull OrganisationId hostOrganisationId,
      @NotEmpty @Size(max = 100) @TotalAttendees List<@Valid @NotNull AttendeeGroup> attendees,
      ProjectId projectId) {
    public RecordMeeting toCommand(PartnershipId partnershipId, MeetingId id) {
      return new RecordMeeting(
          partnershipId,
          id,
          type,
          heldOn,
          durationMinutes,
          hostOrganisationId,
          attendees.stream().map(AttendeeGroup::toAttendance).toList(),
          projectId);
    }
  }

  public record QuickWin(
      @NewId QuickWinId quickWinId,
      ProjectId projectId,
      @NotBlank @Size(max = Limits.NAME) @FreeText String title,
      @NotNull @FactDate LocalDate deliveredOn,
      @NotNull OrganisationId beneficiaryOrganisationId,
      @DecimalMin("0") @DecimalMax(Limits.MAX_SAVING_GBP) @Digits(integer = 10, fraction = 2)
          BigDecimal estimatedSavingGbp) {
    public RecordQuickWin toCommand(PartnershipId partnershipId, QuickWinId id) {
      return new RecordQuickWin(
          partnershipId,
          id,
          projectId,
          title,
          deliveredOn,
          beneficiaryOrganisationId,
          estimatedSavingGbp);
    }
  }

  public record PulseSurvey(
      @NotNull OrganisationId respondentOrganisationId,
      @NotNull OrganisationId aboutOrganisationId,
      @Min(1) @Max(5) int trust,
      @NotNull @FactDate LocalDate answeredOn) {
    public RecordPulseSurvey toCommand(PartnershipId partnershipId) {
      return new RecordPulseSurvey(
          partnershipId, respondentOrganisationId, aboutOrganisationId, trust, answeredOn);
    }
  }

  public record Close(
      @NotNull @FactDate LocalDate closedOn, @Size(max = Limits.REASON) @FreeText String reason) {
    public ClosePartnership toCommand(PartnershipId partnershipId) {
      return new ClosePartnership(partnershipId, closedOn, reason);
    }
  }
}
