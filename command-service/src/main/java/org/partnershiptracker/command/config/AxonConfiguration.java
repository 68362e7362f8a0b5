package org.partnershiptracker.command.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.RevisionResolver;
import org.partnershiptracker.command.web.access.CommandAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon wiring: event revisions, aggregate snapshots and the aggregate cache. */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

  @Bean
  public RevisionResolver revisionResolver() {
    return new SchemaRevisionResolver();
  }

  /**
   * PostgreSQL reports a unique violation as SQL state 23505, not as the JDBC subclass Axon's
   * default resolver looks for; without this a reused id would be a 500 rather than a 409.
   */
  @Bean
  public PersistenceExceptionResolver persistenceExceptionResolver() {
    return new SQLStateResolver("23505");
  }

  /** Used by both aggregates: a snapshot every N events bounds the events read on a cache miss. */
  @Bean
  public SnapshotTriggerDefinition aggregateSnapshotTrigger(
      Snapshotter snapshotter, SnapshotProperties snapshots) {
    return new EventCountSnapshotTriggerDefinition(snapshotter, snapshots.everyEvents());
  }

  /** Who recorded a command goes with every event it produces (the audit in the history). */
  @Bean
  public CorrelationDataProvider recorderOfEvents() {
    return new SimpleCorrelationDataProvider(
        CommandAuthorization.RECORDED_BY, CommandAuthorization.RECORDED_BY_ORGANISATION);
  }

  /** Axon's default, which a provider of our own would otherwise replace. */
  @Bean
  public CorrelationDataProvider messageOriginProvider() {
    return new MessageOriginProvider();
  }

  /** Keeps loaded aggregates in memory: a hit reads no events at all. */
  @Bean
  public Cache aggregateCache(AggregateCacheProperties properties) {
    return new AggregateCache(properties.maxAggregates());
  }
}
