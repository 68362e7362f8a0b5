package org.partnershiptracker.query.timeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.partnershiptracker.events.EventCatalogue;
import org.partnershiptracker.events.EventEnvelope;
import org.partnershiptracker.events.PartnershipEvent;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Objects;

/**
 * Reads an {@link EventEnvelope} from JSON into a typed {@link RecordedEvent}. Revisions are
 * checked here: a payload of a revision this build does not know is refused with a clear reason
 * rather than half-read (when an event changes, its upcaster goes here).
 */
@Component
public class EventDecoder {
  private static final TypeReference<EventEnvelope<JsonNode>> ENVELOPE = new TypeReference<>() {};
  private final ObjectMapper json;

  public EventDecoder(ObjectMapper json) {
    this.json = json;
  }

  /** Thrown for a record that is not a readable event of the contract. */
  public static class UnreadableEvent extends RuntimeException {
    public UnreadableEvent(String reason, Throwable cause) {
      super(reason, cause);
    }
  }

  public EventEnvelope<JsonNode> envelope(byte[] value) {
    try {
      EventEnvelope<JsonNode> envelope = json.readValue(value, ENVELOPE);
      if (envelope.eventId() == null || envelope.type() == null || envelope.payload() == null) {
        throw new UnreadableEvent("envelope lacks eventId, type or payload", null);
      }
      return envelope;
    } catch (IOException e) {
      throw new UnreadableEvent("not an event envelope: " + e.getMessage(), e);
    }
  }

  public RecordedEvent decode(EventEnvelope<JsonNode> envelope) {
    Class<? extends PartnershipEvent> type =
        EventCatalogue.bySimpleName(envelope.type())
            .orElseThrow(() -> new UnreadableEvent("unknown event type " + envelope.type(), null));
    String known = PartnershipEvent.revisionOf(type);
    if (!Objects.equals(known, envelope.revision())) {
      throw new UnreadableEvent(
          envelope.type() + " revision " + envelope.revision() + " is not known (this build reads " + known + ")", null);
    }
    try {
      PartnershipEvent event = json.treeToValue(envelope.payload(), type);
      return new RecordedEvent(
          envelope.eventId(),
          envelope.aggregateId(),
          envelope.sequenceNumber(),
          envelope.position(),
          envelope.timestamp(),
          event);
    } catch (IOException | IllegalArgumentException e) {
      throw new UnreadableEvent("payload of " + envelope.type() + " is invalid: " + e.getMessage(), e);
    }
  }
}
