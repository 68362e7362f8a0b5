package org.partnershiptracker.query.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.partnershiptracker.events.EventCatalogue;
import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.query.readmodel.IncomingEvent;
import org.springframework.stereotype.Component;

/**
 * Reads one Kafka record into an event, on its own: a record that is not a readable event of the
 * contract gets a reason instead, and its neighbours are not affected. Revisions are checked here:
 * a revision this build does not know is refused rather than half-read (when an event changes, its
 * upcaster goes here).
 */
@Component
public class RecordDecoder {
  private final ObjectMapper json;

  public RecordDecoder(ObjectMapper json) {
    this.json = json;
  }

  /** Why a record is not a readable event: a short code (a metric label) and the detail. */
  public record Unreadable(String reason, String detail) {}

  /** The event, or why the record is not one. */
  public record Decoded(IncomingEvent event, Unreadable unreadable) {}

  public Decoded decode(ConsumerRecord<String, byte[]> record) {
    try {
      return new Decoded(read(record), null);
    } catch (Refused e) {
      return new Decoded(null, new Unreadable(e.reason, e.getMessage()));
    } catch (RuntimeException e) {
      return new Decoded(null, new Unreadable("unreadable", String.valueOf(e.getMessage())));
    }
  }

  private IncomingEvent read(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null || record.value().length == 0) {
      throw new Refused("no-value", "the record has no value");
    }
    JsonNode envelope;
    try {
      envelope = json.readTree(record.value());
    } catch (java.io.IOException e) {
      throw new Refused("not-json", "the value is not JSON: " + e.getMessage());
    }
    if (envelope == null || !envelope.isObject()) {
      throw new Refused("not-json", "the value is not a JSON object");
    }
    String eventId = text(envelope, "eventId");
    String type = text(envelope, "type");
    String partnershipId = text(envelope, "partnershipId");
    String aggregateId = text(envelope, "aggregateId");
    JsonNode payload = envelope.get("payload");
    if (eventId == null
        || type == null
        || partnershipId == null
        || aggregateId == null
        || payload == null
        || !payload.isObject()
        || !envelope.path("sequenceNumber").canConvertToLong()
        || !envelope.path("position").canConvertToLong()) {
      throw new Refused(
          "missing-fields",
          "the envelope lacks one of eventId, type, partnershipId, aggregateId, sequenceNumber,"
              + " position or payload");
    }
    Class<? extends PartnershipEvent> eventType =
        EventCatalogue.bySimpleName(type)
            .orElseThrow(() -> new Refused("unknown-type", "unknown event type " + type));
    String known = PartnershipEvent.revisionOf(eventType);
    String revision = text(envelope, "revision");
    if (!Objects.equals(known, revision)) {
      throw new Refused(
          "unknown-revision",
          type + " revision " + revision + " is not known (this build reads " + known + ")");
    }
    PartnershipEvent event;
    try {
      event = json.treeToValue(payload, eventType);
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new Refused("invalid-payload", "payload of " + type + " is invalid: " + e.getMessage());
    }
    if (event == null
        || event.partnershipId() == null
        || !partnershipId.equals(event.partnershipId().value())) {
      throw new Refused(
          "invalid-payload",
          "the payload's partnershipId differs from the envelope's " + partnershipId);
    }
    if (!partnershipId.equals(record.key())) {
      throw new Refused(
          "key-mismatch",
          "the record key "
              + record.key()
              + " is not the partnership id "
              + partnershipId
              + " (a partnership's events must share one partition)");
    }
    Instant recordedAt;
    try {
      recordedAt =
          Optional.ofNullable(text(envelope, "timestamp")).map(Instant::parse).orElse(null);
    } catch (java.time.format.DateTimeParseException e) {
      throw new Refused(
          "invalid-envelope",
          "the timestamp " + text(envelope, "timestamp") + " is not an ISO-8601 instant");
    }
    return new IncomingEvent(
        record.partition(),
        record.offset(),
        eventId,
        type,
        aggregateId,
        envelope.get("sequenceNumber").asLong(),
        envelope.get("position").asLong(),
        recordedAt,
        event,
        payload.toString(),
        // Optional: envelopes published before it existed, or without a signed-in recorder.
        text(envelope, "recordedByOrganisation"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
  }

  private static final class Refused extends RuntimeException {
    private final String reason;

    Refused(String reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }
  }
}
