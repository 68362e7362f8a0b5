package org.partnershiptracker.command.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.partnershiptracker.events.EventEnvelope;
import org.partnershiptracker.events.PartnershipEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import static org.partnershiptracker.events.EventTopics.HEADER_EVENT_ID;
import static org.partnershiptracker.events.EventTopics.HEADER_EVENT_REVISION;
import static org.partnershiptracker.events.EventTopics.HEADER_EVENT_TYPE;

/**
 * Publishes every stored event to Kafka, keyed by partnership id. It runs in a tracking event
 * processor that reads the event store in its global order: the processor's token advances only
 * after Kafka acknowledged the record (acks=all), so if Kafka is down the processor stops, retries
 * with a growing pause, and resumes at the first unpublished event. Nothing is lost and each
 * partnership's events keep their order; a record may be sent twice after a failure, which
 * consumers absorb by deduplicating on the event id.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {
  public static final String PROCESSING_GROUP = "kafka-publisher";
  private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);

  private final Producer<String, byte[]> producer;
  private final Admin admin;
  private final ObjectMapper json;
  private final PublicationProperties properties;
  private final MeterRegistry metrics;
  private final AtomicLong lastPublishedEpochSecond = new AtomicLong(0);
  private volatile boolean topicReady;

  KafkaEventPublisher(
      Producer<String, byte[]> producer, Admin admin, ObjectMapper json, PublicationProperties properties, MeterRegistry metrics) {
    this.producer = producer;
    this.admin = admin;
    this.json = json;
    this.properties = properties;
    this.metrics = metrics;
  }

  /** When the last acknowledged event was recorded, in epoch seconds (0 before the first). */
  public long lastPublishedEpochSecond() {
    return lastPublishedEpochSecond.get();
  }

  @EventHandler
  void publish(PartnershipEvent event, EventMessage<?> message, TrackingToken token) throws Exception {
    ensureTopic();
    DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) message;
    String type = event.getClass().getSimpleName();
    String revision = PartnershipEvent.revisionOf(event.getClass());
    EventEnvelope<PartnershipEvent> envelope =
        new EventEnvelope<>(
            message.getIdentifier(),
            type,
            revision,
            event.partnershipId(),
            domainEvent.getType(),
            domainEvent.getAggregateIdentifier(),
            domainEvent.getSequenceNumber(),
            token.position().orElse(-1),
            message.getTimestamp(),
            event);
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(properties.topic(), event.partnershipId().value(), serialise(envelope));
    record.headers().add(HEADER_EVENT_ID, message.getIdentifier().getBytes(StandardCharsets.UTF_8));
    record.headers().add(HEADER_EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
    if (revision != null) {
      record.headers().add(HEADER_EVENT_REVISION, revision.getBytes(StandardCharsets.UTF_8));
    }
    try {
      producer.send(record).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
      lastPublishedEpochSecond.set(message.getTimestamp().getEpochSecond());
      metrics.counter("tracker.events.published", "type", type).increment();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("Kafka did not acknowledge event {} ({}); publication will retry from it", message.getIdentifier(), type);
      throw e;
    }
  }

  private byte[] serialise(EventEnvelope<PartnershipEvent> envelope) {
    try {
      return json.writeValueAsBytes(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event " + envelope.eventId() + " cannot be written as JSON", e);
    }
  }

  /** Creates the topic with the configured partitions on first use, if the cluster lacks it. */
  private void ensureTopic() throws Exception {
    if (topicReady) {
      return;
    }
    NewTopic topic =
        new NewTopic(properties.topic(), properties.partitions(), properties.replicationFactor());
    try {
      admin.createTopics(List.of(topic)).all().get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
      log.info("Created topic {} with {} partitions", properties.topic(), properties.partitions());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
    topicReady = true;
  }
}
