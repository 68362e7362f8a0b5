package org.partnershiptracker.query.readmodel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.partnershiptracker.events.partnership.MeetingHeld;
import org.partnershiptracker.events.partnership.PulseSurveyAnswered;
import org.partnershiptracker.events.value.Attendance;
import org.partnershiptracker.events.value.AttendeeLevel;
import org.partnershiptracker.events.value.MeetingId;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;
import org.partnershiptracker.query.partnership.model.Traced;

/**
 * Meetings and surveys as compact entries of an activity bucket. Short field names keep the buckets
 * small (the embedded server rewrites a whole document on every update); every entry carries its
 * event id, so a bucket read twice the same entry counts it once.
 */
final class ActivityCodec {
  static final String EVENT_ID = "e";

  /** The organisation that recorded the event, when its envelope said (ledger entries too). */
  static final String RECORDED_BY = "o";

  private static final String DAY = "d";

  private ActivityCodec() {}

  /** Notes the recording organisation on an entry, if known: older entries have none. */
  static Document recordedBy(Document entry, String organisationId) {
    return organisationId == null ? entry : entry.append(RECORDED_BY, organisationId);
  }

  /** An entry read back as an event with its reference. */
  static <E extends org.partnershiptracker.events.PartnershipEvent> Traced<E> traced(
      Document entry, E event) {
    return Traced.of(entry.getString(EVENT_ID), entry.getString(RECORDED_BY), event);
  }

  static Document meeting(String eventId, MeetingHeld meeting) {
    List<List<Object>> attendees = new ArrayList<>();
    for (Attendance attendance : meeting.attendees()) {
      attendees.add(
          List.of(
              attendance.organisationId().value(), attendance.level().name(), attendance.count()));
    }
    Document entry =
        new Document(EVENT_ID, eventId)
            .append(DAY, (int) meeting.heldOn().toEpochDay())
            .append("i", meeting.meetingId().value())
            .append("t", meeting.type().name())
            .append("n", meeting.durationMinutes())
            .append("h", meeting.hostOrganisationId().value())
            .append("a", attendees);
    if (meeting.projectId() != null) {
      entry.append("p", meeting.projectId().value());
    }
    return entry;
  }

  static Document survey(String eventId, PulseSurveyAnswered survey) {
    return new Document(EVENT_ID, eventId)
        .append(DAY, (int) survey.answeredOn().toEpochDay())
        .append("r", survey.respondentOrganisationId().value())
        .append("b", survey.aboutOrganisationId().value())
        .append("x", survey.trust());
  }

  static LocalDate day(Document entry) {
    return LocalDate.ofEpochDay(entry.getInteger(DAY));
  }

  /**
   * Reads entries back into events; organisation ids repeat in every entry, so each is checked once
   * per read ({@code organisations} keeps them) rather than once per entry.
   */
  @SuppressWarnings("unchecked")
  static MeetingHeld meeting(
      PartnershipId partnershipId, Document entry, Map<String, OrganisationId> organisations) {
    List<Attendance> attendees = new ArrayList<>();
    for (Object value : entry.getList("a", Object.class)) {
      List<Object> attendance = (List<Object>) value;
      attendees.add(
          new Attendance(
              organisation((String) attendance.get(0), organisations),
              AttendeeLevel.valueOf((String) attendance.get(1)),
              ((Number) attendance.get(2)).intValue()));
    }
    String project = entry.getString("p");
    return new MeetingHeld(
        partnershipId,
        MeetingId.of(entry.getString("i")),
        MeetingType.valueOf(entry.getString("t")),
        day(entry),
        entry.getInteger("n"),
        organisation(entry.getString("h"), organisations),
        attendees,
        project == null ? null : ProjectId.of(project));
  }

  static PulseSurveyAnswered survey(
      PartnershipId partnershipId, Document entry, Map<String, OrganisationId> organisations) {
    return new PulseSurveyAnswered(
        partnershipId,
        organisation(entry.getString("r"), organisations),
        organisation(entry.getString("b"), organisations),
        entry.getInteger("x"),
        day(entry));
  }

  private static OrganisationId organisation(String id, Map<String, OrganisationId> organisations) {
    return organisations.computeIfAbsent(id, OrganisationId::of);
  }
}
