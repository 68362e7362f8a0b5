package org.partnershiptracker.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.query.readmodel.IncomingEvent;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Envelopes say which organisation recorded an event since they could; records published before
 * that still read, as events whose recorder is not known.
 */
class RecordDecoderTest {
  private final RecordDecoder decoder =
      new RecordDecoder(Jackson2ObjectMapperBuilder.json().build());

  private static final String ENVELOPE =
      """
      {"eventId":"e-1","type":"QuickWinDelivered","revision":"1","partnershipId":"shire",
       "aggregateType":"Partnership","aggregateId":"shire","sequenceNumber":3,"position":17,
       "timestamp":"2025-02-01T10:00:00Z",%s
       "payload":{"partnershipId":"shire","quickWinId":"qw-1","title":"Discharge dashboard",
                  "deliveredOn":"2025-02-01","beneficiaryOrganisationId":"north-council"}}
      """;

  private IncomingEvent decode(String value) {
    RecordDecoder.Decoded decoded =
        decoder.decode(
            new ConsumerRecord<>(
                "partnership.events", 0, 5L, "shire", value.getBytes(StandardCharsets.UTF_8)));
    assertThat(decoded.unreadable()).isNull();
    return decoded.event();
  }

  @Test
  void theRecordingOrganisationIsReadFromTheEnvelope() {
    IncomingEvent event =
        decode(ENVELOPE.formatted("\"recordedByOrganisation\":\"north-council\","));

    assertThat(event.recordedByOrganisation()).isEqualTo("north-council");
  }

  @Test
  void anEnvelopePublishedBeforeItSaidWhoRecordedTheEventStillReads() {
    IncomingEvent event = decode(ENVELOPE.formatted(""));

    assertThat(event.eventId()).isEqualTo("e-1");
    assertThat(event.type()).isEqualTo("QuickWinDelivered");
    assertThat(event.recordedByOrganisation()).isNull();
  }
}
