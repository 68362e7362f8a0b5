package org.partnershiptracker.events;

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
    P payload) {}
