package org.partnershiptracker.events.partnership;

import java.time.LocalDate;
import java.util.List;
import org.partnershiptracker.events.OccurredOn;
import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.Attendance;
import org.partnershiptracker.events.value.Limits;
import org.partnershiptracker.events.value.MeetingId;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

/**
 * Partners met: a meeting, an on-site work day, a showcase, a social, etc. The attendees are
 * counted per organisation and level, never named. {@code projectId} is optional.
 */
@SchemaRevision("1")
public record MeetingHeld(
    PartnershipId partnershipId,
    MeetingId meetingId,
    MeetingType type,
    @OccurredOn LocalDate heldOn,
    int durationMinutes,
    OrganisationId hostOrganisationId,
    List<Attendance> attendees,
    ProjectId projectId)
    implements PartnershipEvent {
  public MeetingHeld {
    Require.present(partnershipId, "partnershipId");
    Require.present(meetingId, "meetingId");
    Require.present(type, "type");
    Require.present(heldOn, "heldOn");
    Require.between(durationMinutes, 1, Limits.MEETING_MINUTES, "durationMinutes");
    Require.present(hostOrganisationId, "hostOrganisationId");
    attendees = List.copyOf(Require.notEmpty(attendees, "attendees"));
  }
}
