package org.partnershiptracker.query.partnership.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.events.partnership.MeetingHeld;
import org.partnershiptracker.events.partnership.PartnerJoined;
import org.partnershiptracker.events.partnership.PartnershipFormed;
import org.partnershiptracker.events.value.Attendance;
import org.partnershiptracker.events.value.AttendeeLevel;
import org.partnershiptracker.events.value.MeetingId;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.Sector;

/** Builds a partnership's recorded events for projection tests, in order. */
public final class Timeline {
  public static final PartnershipId SHIRE = PartnershipId.of("shire");
  public static final OrganisationId NORTH = OrganisationId.of("north-council");
  public static final OrganisationId SOUTH = OrganisationId.of("south-council");
  public static final OrganisationId UNI = OrganisationId.of("uni");
  public static final LocalDate FORMED = LocalDate.of(2025, 1, 6);

  private final List<RecordedEvent> events = new ArrayList<>();
  private int meetings;

  /** A partnership of two councils and a university, formed on {@link #FORMED}. */
  public static Timeline twoCouncilsAndAUniversity() {
    return new Timeline()
        .add(new PartnershipFormed(SHIRE, "Shire data partnership", null, FORMED))
        .add(
            new PartnerJoined(SHIRE, NORTH, "North County Council", Sector.LOCAL_AUTHORITY, FORMED))
        .add(
            new PartnerJoined(SHIRE, SOUTH, "South County Council", Sector.LOCAL_AUTHORITY, FORMED))
        .add(new PartnerJoined(SHIRE, UNI, "Shire University", Sector.UNIVERSITY, FORMED));
  }

  /** An event recorded by no known organisation, with the id {@code e<position>}. */
  public Timeline add(PartnershipEvent event) {
    return recordedBy(null, event);
  }

  /** An event recorded by an organisation's user or system, with the id {@code e<position>}. */
  public Timeline recordedBy(OrganisationId recorder, PartnershipEvent event) {
    int position = events.size() + 1;
    events.add(
        new RecordedEvent(
            "e" + position,
            SHIRE.value(),
            position,
            position,
            Instant.EPOCH,
            event,
            recorder == null ? null : recorder.value()));
    return this;
  }

  /** The id the next event will have. */
  public String nextEventId() {
    return "e" + (events.size() + 1);
  }

  /** A meeting hosted by one organisation, attended by the university and the host at a level. */
  public Timeline meeting(
      MeetingType type, LocalDate on, OrganisationId host, AttendeeLevel hostLevel) {
    meetings++;
    return add(
        new MeetingHeld(
            SHIRE,
            MeetingId.of("m" + meetings),
            type,
            on,
            120,
            host,
            List.of(
                new Attendance(UNI, AttendeeLevel.RESEARCHER, 1),
                new Attendance(host, hostLevel, 2)),
            null));
  }

  public List<RecordedEvent> events() {
    return List.copyOf(events);
  }
}
