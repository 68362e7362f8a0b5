package org.partnershiptracker.command.publication;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.partnershiptracker.command.partnership.model.Partnership;
import org.partnershiptracker.events.PartnershipEvent;

/**
 * Splits publication into segments by partnership: every event of a partnership, from its
 * Partnership aggregate and from each of its projects alike, falls in one segment and is published
 * in store order, which is the order Kafka keeps on the partnership's partition. Different
 * partnerships are published side by side, by several threads or several command-service instances,
 * each claiming segments.
 *
 * <p>Every segment asks this of every event in the store, to skip the others' events. A Partnership
 * aggregate's identifier is its partnership id, so its events (most of them: meetings, surveys) are
 * placed without reading their payload; reading it cost 43% of the publisher's time in a profile
 * (docs/benchmarks/publication-drain.md), once per segment. A project's events name their
 * partnership only in the payload.
 */
public final class PartnershipSequencing implements SequencingPolicy<EventMessage<?>> {
  private static final String PARTNERSHIP = Partnership.class.getSimpleName();

  @Override
  public Object getSequenceIdentifierFor(EventMessage<?> event) {
    if (event instanceof DomainEventMessage<?> domain && PARTNERSHIP.equals(domain.getType())) {
      return domain.getAggregateIdentifier();
    }
    if (event.getPayload() instanceof PartnershipEvent partnershipEvent) {
      return partnershipEvent.partnershipId().value();
    }
    // Not a partnership's event (none exist today): its own sequence, so it waits for nothing.
    return event.getIdentifier();
  }
}
