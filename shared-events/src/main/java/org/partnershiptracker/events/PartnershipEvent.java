package org.partnershiptracker.events;

import java.time.LocalDate;

/** A fact about a partnership. Every event carries its partnership id: it is the Kafka key. */
public interface PartnershipEvent {
  org.partnershiptracker.events.value.PartnershipId partnershipId();

  /**
   * The day the fact happened (a meeting's heldOn, a signature's signedOn…), as opposed to when it
   * was recorded. "As of" a date means: events whose occurredOn is on or before it. Each event
   * marks that component {@link OccurredOn}; this reads it, so it is not a second JSON property.
   */
  default LocalDate occurredOn() {
    return OccurredOnComponents.of(this);
  }

  /** The revision declared by {@link SchemaRevision} on the event type. */
  static String revisionOf(Class<?> eventType) {
    SchemaRevision revision = eventType.getAnnotation(SchemaRevision.class);
    return revision == null ? null : revision.value();
  }
}
