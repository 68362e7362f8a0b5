package org.partnershiptracker.command.publication;

import static org.partnershiptracker.events.EventTopics.HEADER_EVENT_ID;
import static org.partnershiptracker.events.EventTopics.HEADER_EVENT_REVISION;
import static org.partnershiptracker.events.EventTopics.HEADER_EVENT_TYPE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.partnershiptracker.command.web.access.CommandAuthorization;
import org.partnershiptracker.events.EventEnvelope;
import org.partnershiptracker.events.PartnershipEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every stored event to Kafka, keyed by partnership id. It runs in a tracking event
 * processor that reads the event store in its global order and splits it into segments by
 * partnership id ({@link PartnershipSequencing}); each segment goes a batch at a time: each event
 * of the batch is sent without waiting, and before the batch's unit of work commits (and with it
 * the processor's token) every send must have been acknowledged (acks=all). So the broker works at
 * its own pace while the token still advances only over acknowledged events; if Kafka is down the
 * batch fails, the token stays, and the processor retries the batch with a growing pause. Order per
 * partnership is kept: one partition per partnership, an idempotent producer with one request in
 * flight (a retry is never overtaken). A record may be sent twice after a failure, which consumers
 * absorb (the query side recognises an event by its aggregate and sequence number).
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {
  public static final String PROCESSING_GROUP = "kafka-publisher";
  private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";
  private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);

  private final Producer<String, byte[]> producer;
  private final Admin admin;
  private final ObjectMapper json;
  private final PublicationProperties properties;
  private final MeterRegistry metrics;
  private final AtomicLong lastPublishedEpochSecond = new AtomicLong(0);
  private volatile boolean topicReady;

  KafkaEventPublisher(
      Producer<String, byte[]> producer,
      Admin admin,
      ObjectMapper json,
      PublicationProperties properties,
      MeterRegistry metrics) {
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
  void publish(PartnershipEvent event, EventMessage<?> message, TrackingToken token)
      throws Exception {
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
            event,
            recordedByOrganisation(message));
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            properties.topic(), event.partnershipId().value(), serialise(envelope));
    record.headers().add(HEADER_EVENT_ID, message.getIdentifier().getBytes(StandardCharsets.UTF_8));
    record.headers().add(HEADER_EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
    if (revision != null) {
      record.headers().add(HEADER_EVENT_REVISION, revision.getBytes(StandardCharsets.UTF_8));
    }
    Future<RecordMetadata> acknowledgement = producer.send(record);
    pendingOfThisBatch()
        .add(
            new PendingSend(
                acknowledgement,
                message.getIdentifier(),
                type,
                message.getTimestamp().getEpochSecond()));
  }

  /**
   * The organisation that recorded the event, from its audit metadata: an organisation id, never
   * the person or client (those stay in the command-service's history). Null for events stored
   * before sign-in existed, so their envelopes read as they always did.
   */
  private static String recordedByOrganisation(EventMessage<?> message) {
    Object organisation = message.getMetaData().get(CommandAuthorization.RECORDED_BY_ORGANISATION);
    return organisation instanceof String id && !id.isBlank() ? id : null;
  }

  private record PendingSend(
      Future<RecordMetadata> acknowledgement,
      String eventId,
      String type,
      long recordedEpochSecond) {}

  /**
   * The sends of the batch being processed; the first call of a batch arranges to await them before
   * it commits.
   */
  private List<PendingSend> pendingOfThisBatch() {
    UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
    return batch.getOrComputeResource(
        PENDING,
        key -> {
          List<PendingSend> pending = new ArrayList<>();
          batch.onPrepareCommit(unitOfWork -> awaitAcknowledgements(pending));
          return pending;
        });
  }

  /**
   * Throws (so the batch rolls back, its token unstored, and is retried) unless Kafka acknowledged
   * every send.
   */
  private void awaitAcknowledgements(List<PendingSend> pending) {
    long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
    for (PendingSend send : pending) {
      try {
        send.acknowledgement().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException e) {
        log.warn(
            "Kafka did not acknowledge event {} ({}); publication will retry its batch",
            send.eventId(),
            send.type());
        throw new IllegalStateException("Kafka did not acknowledge event " + send.eventId(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Kafka", e);
      }
    }
    for (PendingSend send : pending) {
      lastPublishedEpochSecond.accumulateAndGet(send.recordedEpochSecond(), Math::max);
      metrics.counter("tracker.events.published", "type", send.type()).increment();
    }
  }

  private byte[] serialise(EventEnvelope<PartnershipEvent> envelope) {
    try {
      return json.writeValueAsBytes(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "event " + envelope.eventId() + " cannot be written as JSON", e);
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
      admin
          .createTopics(List.of(topic))
          .all()
          .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
      log.info("Created topic {} with {} partitions", properties.topic(), properties.partitions());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
    topicReady = true;
  }
}
