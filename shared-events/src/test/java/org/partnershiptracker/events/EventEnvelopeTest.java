package org.partnershiptracker.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.events.partnership.QuickWinDelivered;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.QuickWinId;

/**
 * The envelope says which organisation recorded an event, and only when it knows: records written
 * before the field existed read as they did, and an envelope without it writes no such field.
 */
class EventEnvelopeTest {
  private static final PartnershipId SHIRE = PartnershipId.of("shire");
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final QuickWinDelivered quickWin =
      new QuickWinDelivered(
          SHIRE,
          QuickWinId.of("qw-1"),
          null,
          "Discharge dashboard",
          LocalDate.of(2025, 2, 1),
          OrganisationId.of("north-council"),
          null);

  @Test
  void theRecordingOrganisationTravelsWithTheEvent() throws Exception {
    EventEnvelope<QuickWinDelivered> envelope = envelope("north-council");

    String text = json.writeValueAsString(envelope);

    assertThat(text).contains("\"recordedByOrganisation\":\"north-council\"");
    assertThat(json.readValue(text, new TypeReference<EventEnvelope<QuickWinDelivered>>() {}))
        .isEqualTo(envelope);
  }

  @Test
  void anEnvelopeWrittenBeforeTheFieldExistedStillReadsAndSaysNobody() throws Exception {
    String old =
        """
        {"eventId":"e-1","type":"QuickWinDelivered","revision":"1","partnershipId":"shire",
         "aggregateType":"Partnership","aggregateId":"shire","sequenceNumber":3,"position":17,
         "timestamp":"2025-02-01T10:00:00Z",
         "payload":{"partnershipId":"shire","quickWinId":"qw-1","title":"Discharge dashboard",
                    "deliveredOn":"2025-02-01","beneficiaryOrganisationId":"north-council"}}
        """;

    EventEnvelope<QuickWinDelivered> read =
        json.readValue(old, new TypeReference<EventEnvelope<QuickWinDelivered>>() {});

    assertThat(read.payload()).isEqualTo(quickWin);
    assertThat(read.recordedByOrganisation()).isNull();
  }

  @Test
  void anEnvelopeThatDoesNotKnowTheRecorderWritesNoSuchField() throws Exception {
    assertThat(json.writeValueAsString(envelope(null))).doesNotContain("recordedByOrganisation");
  }

  private EventEnvelope<QuickWinDelivered> envelope(String recordedByOrganisation) {
    return new EventEnvelope<>(
        "e-1",
        "QuickWinDelivered",
        "1",
        SHIRE,
        "Partnership",
        "shire",
        3,
        17,
        Instant.parse("2025-02-01T10:00:00Z"),
        quickWin,
        recordedByOrganisation);
  }
}
