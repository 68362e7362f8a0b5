package org.partnershiptracker.query.partnership.model;

import java.time.Instant;
import org.partnershiptracker.events.PartnershipEvent;

/**
 * An event as the query side keeps it: the typed event and where it stood in the event store. Every
 * read model is computed from a partnership's recorded events, in {@code position} order.
 */
public record RecordedEvent(
    String eventId,
    String aggregateId,
    long sequenceNumber,
    long position,
    Instant recordedAt,
    PartnershipEvent event) {}
