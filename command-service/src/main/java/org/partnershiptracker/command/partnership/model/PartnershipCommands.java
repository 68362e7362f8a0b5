package org.partnershiptracker.command.partnership.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.partnershiptracker.command.rules.ActsForOrganisation;
import org.partnershiptracker.events.value.Attendance;
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

/** Commands to the {@link Partnership} aggregate: what a partner system asks to record. */
public final class PartnershipCommands {
  private PartnershipCommands() {}

  public record FormPartnership(
      @TargetAggregateIdentifier PartnershipId partnershipId,
      String name,
      String sharedVision,
      LocalDate formedOn) {}

  public record AddPartner(
      @TargetAggregateIdentifier PartnershipId partnershipId,
      OrganisationId organisationId,
      String organisationName,
      Sector sector,
      LocalDate joinedOn) {}

  public record RemovePartner(
      @TargetAggregateIdentifier PartnershipId partnershipId,
      OrganisationId organisationId,
      LocalDate leftOn,
      String reason)
      implements ActsForOrganisation {
    @Override
    public OrganisationId actingOrganisation() {
      return organisationId;
    }

    @Override
    public String actingField() {
      return "organisationId";
    }
  }

  public record DesignateRole(
      @TargetAggregateIdentifier PartnershipId partnershipId,
      RoleId roleId,
      RoleType roleType,
      OrganisationId organisationId,
      PersonId personId,
      LocalDate designatedOn) {}

  public record ReassignRole(
      @TargetAggregateIdentifier PartnershipId partnershipId,
      RoleId roleId,
      PersonId fromPersonId,
      PersonId toPersonId,
      RoleChangeReason reason,
      LocalDate reassignedOn) {}

  public record VacateRole(
      @TargetAggregateIdentifier PartnershipId partnershipId,
      RoleId roleId,
      RoleChangeReason reason,
      LocalDate vacatedOn) {}

  public record RecordMeeting(
      @TargetAggregateIdentifier PartnershipId partnershipId,
      MeetingId meetingId,
      MeetingType type,
      LocalDate heldOn,
      int durationMinutes,
      OrganisationId hostOrganisationId,
      List<Attendance> attendees,
      ProjectId projectId) {}

  public record RecordQuickWin(
      @TargetAggregateIdentifier PartnershipId partnershipId,
      QuickWinId quickWinId,
      ProjectId projectId,
      String title,
      LocalDate deliveredOn,
      OrganisationId beneficiaryOrganisationId,
      BigDecimal estimatedSavingGbp) {}

  public record RecordPulseSurvey(
      @TargetAggregateIdentifier PartnershipId partnershipId,
      OrganisationId respondentOrganisationId,
      OrganisationId aboutOrganisationId,
      int trust,
      LocalDate answeredOn)
      implements ActsForOrganisation {
    @Override
    public OrganisationId actingOrganisation() {
      return respondentOrganisationId;
    }

    @Override
    public String actingField() {
      return "respondentOrganisationId";
    }
  }

  public record ClosePartnership(
      @TargetAggregateIdentifier PartnershipId partnershipId, LocalDate closedOn, String reason) {}
}
