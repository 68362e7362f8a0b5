package org.partnershiptracker.query.readmodel;

import java.time.Instant;
import org.partnershiptracker.events.PartnershipEvent;

/**
 * A readable event taken from the topic, with where it was read from, its payload as JSON (kept as
 * the ledger's copy and compared with a redelivery) and the organisation that recorded it (null
 * when the envelope does not say).
 */
public record IncomingEvent(
    int partition,
    long offset,
    String eventId,
    String type,
    String aggregateId,
    long sequenceNumber,
    long position,
    Instant recordedAt,
    PartnershipEvent event,
    String payloadJson,
    String recordedByOrganisation) {

  public String partnershipId() {
    return event.partnershipId().value();
  }
}
