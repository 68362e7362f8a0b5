package org.partnershiptracker.events;

/** A fact about a partnership. Every event carries its partnership id: it is the Kafka key. */
public interface PartnershipEvent {
  org.partnershiptracker.events.value.PartnershipId partnershipId();

  /** The revision declared by {@link SchemaRevision} on the event type. */
  static String revisionOf(Class<?> eventType) {
    SchemaRevision revision = eventType.getAnnotation(SchemaRevision.class);
    return revision == null ? null : revision.value();
  }
}
