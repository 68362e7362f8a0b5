package org.partnershiptracker.command.config;

import org.axonframework.serialization.RevisionResolver;
import org.partnershiptracker.events.PartnershipEvent;

/**
 * Gives Axon the revision declared on each event with {@code @SchemaRevision}, so the contract
 * module stays free of framework annotations and upcasters can key on the stored revision.
 */
public class SchemaRevisionResolver implements RevisionResolver {
  @Override
  public String revisionOf(Class<?> payloadType) {
    return PartnershipEvent.revisionOf(payloadType);
  }
}
