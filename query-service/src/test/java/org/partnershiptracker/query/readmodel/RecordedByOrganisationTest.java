package org.partnershiptracker.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.events.partnership.QuickWinDelivered;
import org.partnershiptracker.events.value.AttendeeLevel;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.events.value.QuickWinId;
import org.partnershiptracker.query.partnership.model.EventRef;
import org.partnershiptracker.query.partnership.model.RecordedEvent;
import org.partnershiptracker.query.partnership.model.Timeline;
import org.partnershiptracker.query.trust.model.Practice;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile;

/**
 * The organisation that recorded an event is kept with its ledger or activity entry. Entries stored
 * before envelopes said it read as "not known"; the same event delivered again, now saying it, is a
 * redelivery, not a conflicting copy.
 */
class RecordedByOrganisationTest {
  private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
  private final ReadModelFixture fixture = new ReadModelFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private static List<RecordedEvent> history(boolean saysWho) {
    Timeline timeline = Timeline.twoCouncilsAndAUniversity();
    QuickWinDelivered quickWin =
        new QuickWinDelivered(
            Timeline.SHIRE,
            QuickWinId.of("q1"),
            null,
            "Dashboard",
            AS_OF.minusDays(5),
            Timeline.NORTH,
            null);
    if (saysWho) {
      timeline.recordedBy(Timeline.NORTH, quickWin);
    } else {
      timeline.add(quickWin);
    }
    timeline.meeting(
        MeetingType.SHOWCASE, AS_OF.minusDays(3), Timeline.NORTH, AttendeeLevel.ANALYST);
    List<RecordedEvent> events = timeline.events();
    if (!saysWho) {
      return events;
    }
    RecordedEvent meeting = events.get(events.size() - 1);
    return java.util.stream.Stream.concat(
            events.stream().limit(events.size() - 1),
            java.util.stream.Stream.of(
                new RecordedEvent(
                    meeting.eventId(),
                    meeting.aggregateId(),
                    meeting.sequenceNumber(),
                    meeting.position(),
                    meeting.recordedAt(),
                    meeting.event(),
                    "uni")))
        .toList();
  }

  private List<EventRef> events(Practice practice) {
    TrustBuildingProfile trust = fixture.readModels.trust("shire", AS_OF, null).orElseThrow();
    return trust.scores().stream()
        .filter(s -> s.practice() == practice)
        .findFirst()
        .orElseThrow()
        .events();
  }

  @Test
  void theRecorderIsStoredWithTheLedgerAndActivityEntries() {
    new ReadModelWriter(fixture.store, 1).write(fixture.incoming(history(true)), Map.of());

    assertThat(events(Practice.I2_EARLY_WINS))
        .extracting(EventRef::recordedByOrganisation)
        .containsExactly("north-council");
    assertThat(events(Practice.L4_SHOWCASING))
        .extracting(EventRef::recordedByOrganisation)
        .containsExactly("uni");
  }

  @Test
  void entriesStoredBeforeEnvelopesSaidWhoReadAsNotKnownAndARedeliverySayingItIsNoConflict() {
    ReadModelWriter writer = new ReadModelWriter(fixture.store, 1);
    writer.write(fixture.incoming(history(false)), Map.of());
    writer.forget();

    ReadModelWriter.Outcome again = writer.write(fixture.incoming(history(true)), Map.of());

    assertThat(again.applied()).isZero();
    assertThat(again.setAside()).as("not a conflicting duplicate").isEmpty();
    assertThat(again.duplicates()).isEqualTo(history(true).size());
    assertThat(events(Practice.I2_EARLY_WINS))
        .extracting(EventRef::recordedByOrganisation)
        .as("the first copy stands")
        .containsOnlyNulls();
  }
}
