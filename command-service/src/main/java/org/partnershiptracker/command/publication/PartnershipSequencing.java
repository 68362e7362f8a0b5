package org.partnershiptracker.command.publication;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.partnershiptracker.events.PartnershipEvent;

/**
 * Splits publication into segments by partnership: every event of a partnership, from its
 * Partnership aggregate and from each of its projects alike, falls in one segment and is published
 * in store order, which is the order Kafka keeps on the partnership's partition. Different
 * partnerships are published side by side, by several threads or several command-service instances,
 * each claiming segments.
 */
public final class PartnershipSequencing implements SequencingPolicy<EventMessage<?>> {

  @Override
  public Object getSequenceIdentifierFor(EventMessage<?> event) {
    if (event.getPayload() instanceof PartnershipEvent partnershipEvent) {
      return partnershipEvent.partnershipId().value();
    }
    // Not a partnership's event (none exist today): its own sequence, so it waits for nothing.
    return event.getIdentifier();
  }
}
