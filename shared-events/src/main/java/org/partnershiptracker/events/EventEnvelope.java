package org.partnershiptracker.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.partnershiptracker.events.value.PartnershipId;

/**
 * The JSON value of every record on the {@value EventTopics#PARTNERSHIP_EVENTS} topic: an event and
 * what a consumer needs to order, deduplicate and upcast it. The record key is the partnership id,
 * so one partnership's events keep their order on one partition.
 *
 * @param eventId unique per event: consumers deduplicate redeliveries on it
 * @param type the event's simple type name, e.g. {@code MeetingHeld} (see {@link EventCatalogue})
 * @param revision the payload's {@link SchemaRevision}
 * @param aggregateType {@code Partnership} or {@code Project}
 * @param aggregateId the partnership or project id
 * @param sequenceNumber the event's position in its aggregate's stream
 * @param position the event store's global position (increases across all aggregates)
 * @param timestamp when the event was recorded
 * @param payload the event itself
 * @param recordedByOrganisation the organisation whose user or system recorded the event; absent
 *     (not written) on events recorded before it was published, or without a signed-in caller. An
 *     organisation id only: who the person or client was stays in the command-service's audit
 *     history, shown to those allowed to see it, never on the topic.
 */
public record EventEnvelope<P>(
    String eventId,
    String type,
    String revision,
    PartnershipId partnershipId,
    String aggregateType,
    String aggregateId,
    long sequenceNumber,
    long position,
    Instant timestamp,
    P payload,
    @JsonInclude(JsonInclude.Include.NON_NULL) String recordedByOrganisation) {

  /** An envelope that does not say who recorded the event, as every one did before it could. */
  public EventEnvelope(
      String eventId,
      String type,
      String revision,
      PartnershipId partnershipId,
      String aggregateType,
      String aggregateId,
      long sequenceNumber,
      long position,
      Instant timestamp,
      P payload) {
    this(
        eventId,
        type,
        revision,
        partnershipId,
        aggregateType,
        aggregateId,
        sequenceNumber,
        position,
        timestamp,
        payload,
        null);
  }
}
