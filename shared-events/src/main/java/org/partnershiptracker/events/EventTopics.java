package org.partnershiptracker.events;

/** Kafka topic names and record headers of the contract. */
public final class EventTopics {
  /** Every recorded event, keyed by partnership id. */
  public static final String PARTNERSHIP_EVENTS = "partnership.events";

  public static final String HEADER_EVENT_ID = "event-id";
  public static final String HEADER_EVENT_TYPE = "event-type";
  public static final String HEADER_EVENT_REVISION = "event-revision";

  private EventTopics() {}
}
