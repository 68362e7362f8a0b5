package org.partnershiptracker.command.config;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.partnershiptracker.events.PartnershipEvent;

/**
 * Gives Axon the revision declared on each event with {@code @SchemaRevision}, so the contract
 * module stays free of framework annotations and upcasters can key on the stored revision.
 * Aggregates declare their snapshot shape with Axon's {@code @Revision}: Axon skips snapshots whose
 * stored revision differs from it, so the revision stored must be read the same way.
 */
public class SchemaRevisionResolver implements RevisionResolver {
  private final RevisionResolver aggregateSnapshots = new AnnotationRevisionResolver();

  @Override
  public String revisionOf(Class<?> payloadType) {
    String declared = PartnershipEvent.revisionOf(payloadType);
    return declared != null ? declared : aggregateSnapshots.revisionOf(payloadType);
  }
}
