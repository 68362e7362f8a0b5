package org.partnershiptracker.query.partnership.model;

import java.time.Instant;
import org.partnershiptracker.events.PartnershipEvent;

/**
 * An event as the query side keeps it: the typed event, where it stood in the event store, and the
 * organisation that recorded it (null when the record did not say). Every read model is computed
 * from a partnership's recorded events, in {@code position} order.
 */
public record RecordedEvent(
    String eventId,
    String aggregateId,
    long sequenceNumber,
    long position,
    Instant recordedAt,
    PartnershipEvent event,
    String recordedByOrganisation) {

  /** An event whose recorder is not known. */
  public RecordedEvent(
      String eventId,
      String aggregateId,
      long sequenceNumber,
      long position,
      Instant recordedAt,
      PartnershipEvent event) {
    this(eventId, aggregateId, sequenceNumber, position, recordedAt, event, null);
  }
}
