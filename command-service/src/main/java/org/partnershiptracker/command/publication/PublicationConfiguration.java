package org.partnershiptracker.command.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the Kafka producer and the tracking processor that publishes the event store. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    name = "tracker.publication.enabled",
    havingValue = "true",
    matchIfMissing = true)
public class PublicationConfiguration {

  @Bean(destroyMethod = "close")
  Producer<String, byte[]> eventProducer(PublicationProperties properties) {
    int timeoutMs = (int) properties.sendTimeout().toMillis();
    return new KafkaProducer<>(
        withSecurity(
            properties,
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                properties.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG,
                "command-service-publisher",
                // Idempotent and acknowledged by every in-sync replica: no duplicate from the
                // producer's own retries, no loss on a broker failover.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.ACKS_CONFIG,
                "all",
                // One request in flight: a retried request (e.g. NOT_LEADER_OR_FOLLOWER on a
                // partition just created) is never overtaken by the next. With 5, a broker that has
                // no state for the producer yet accepted a later batch first and then refused the
                // earlier one as out of order: a partnership's first event landed after its next
                // three (seen in CI).
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                1,
                // A batch of events is sent at once and awaited together: let the producer group
                // them.
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024,
                // Fail a send within the timeout when Kafka is down, so the processor can retry.
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                timeoutMs,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                timeoutMs + 5)), // Kafka asks for at least linger + request timeout
        new StringSerializer(),
        new ByteArraySerializer());
  }

  @Bean(destroyMethod = "close")
  Admin eventTopicAdmin(PublicationProperties properties) {
    return Admin.create(
        withSecurity(
            properties,
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    (int) properties.sendTimeout().toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    (int) properties.sendTimeout().toMillis())));
  }

  /** A client's settings plus how it authenticates ({@code tracker.publication.security-*}). */
  private static Map<String, Object> withSecurity(
      PublicationProperties properties, Map<String, Object> config) {
    Map<String, Object> all = new HashMap<>(config);
    all.putAll(properties.kafkaSecurity());
    return all;
  }

  @Bean
  KafkaEventPublisher kafkaEventPublisher(
      Producer<String, byte[]> eventProducer,
      Admin eventTopicAdmin,
      ObjectMapper json,
      PublicationProperties properties,
      MeterRegistry metrics) {
    return new KafkaEventPublisher(eventProducer, eventTopicAdmin, json, properties, metrics);
  }

  /** Named in {@code axon.eventhandling.processors.kafka-publisher.sequencing-policy}. */
  @Bean
  PartnershipSequencing partnershipSequencing() {
    return new PartnershipSequencing();
  }

  /**
   * Publication lag: events stored but not yet acknowledged by Kafka, and how old the last
   * acknowledged one is. Read when Prometheus scrapes.
   */
  @Bean
  MeterBinder publicationLag(
      KafkaEventPublisher publisher, JdbcTemplate jdbc, EventProcessingConfiguration processing) {
    return registry -> {
      Gauge.builder(
              "tracker.publication.lag.events",
              () -> {
                Long head =
                    jdbc.queryForObject(
                        "SELECT max(globalIndex) FROM DomainEventEntry", Long.class);
                return head == null ? 0 : Math.max(0, head - publishedPosition(processing));
              })
          .description("Events in the event store not yet acknowledged by Kafka")
          .register(registry);
      Gauge.builder(
              "tracker.publication.last.published.timestamp.seconds",
              publisher::lastPublishedEpochSecond)
          .description("Recording time of the last event Kafka acknowledged (epoch seconds)")
          .register(registry);
    };
  }

  /** Where the publishing processor's token stands: the last event it has handed to Kafka. */
  private static long publishedPosition(EventProcessingConfiguration processing) {
    return processing
        .eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
        .map(
            processor ->
                processor.processingStatus().values().stream()
                    .mapToLong(status -> status.getCurrentPosition().orElse(0))
                    .min()
                    .orElse(0))
        .orElse(0L);
  }

  /**
   * A failed publication must stop the processor (which then retries from the same event), not be
   * logged and skipped as Axon does by default: skipping would lose the event on Kafka.
   */
  @Autowired
  void stopAndRetryOnFailure(EventProcessingConfigurer processing) {
    processing.registerListenerInvocationErrorHandler(
        KafkaEventPublisher.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
  }
}
