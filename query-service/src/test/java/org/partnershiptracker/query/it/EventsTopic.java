package org.partnershiptracker.query.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.partnershiptracker.events.EventEnvelope;
import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.events.ProjectEvent;
import org.partnershiptracker.query.partnership.model.RecordedEvent;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The events topic of a test broker: records written as the command-side publisher writes them, and
 * its end offsets.
 */
final class EventsTopic implements AutoCloseable {
  static final String TOPIC = "partnership.events";
  static final ObjectMapper JSON =
      Jackson2ObjectMapperBuilder.json()
          .featuresToDisable(
              com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();
  private final String bootstrapServers;
  private final KafkaProducer<String, byte[]> producer;

  EventsTopic(String bootstrapServers, int partitions)
      throws ExecutionException, InterruptedException {
    this.bootstrapServers = bootstrapServers;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get();
    }
    producer =
        new KafkaProducer<>(
            Map.of(
                "bootstrap.servers",
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  static byte[] envelope(RecordedEvent recorded) {
    PartnershipEvent event = recorded.event();
    String type = event.getClass().getSimpleName();
    EventEnvelope<PartnershipEvent> envelope =
        new EventEnvelope<>(
            recorded.eventId(),
            type,
            PartnershipEvent.revisionOf(event.getClass()),
            event.partnershipId(),
            event instanceof ProjectEvent ? "Project" : "Partnership",
            recorded.aggregateId(),
            recorded.sequenceNumber(),
            recorded.position(),
            recorded.recordedAt(),
            event,
            recorded.recordedByOrganisation());
    try {
      return JSON.writeValueAsBytes(envelope);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  void send(RecordedEvent recorded) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(TOPIC, recorded.event().partnershipId().value(), envelope(recorded));
    record.headers().add("event-id", recorded.eventId().getBytes(StandardCharsets.UTF_8));
    record
        .headers()
        .add(
            "event-type",
            recorded.event().getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
    producer.send(record);
  }

  void send(List<RecordedEvent> events) {
    events.forEach(this::send);
    producer.flush();
  }

  /** A raw record, as anyone who can write to the topic could. */
  void sendRaw(String key, byte[] value) {
    producer.send(new ProducerRecord<>(TOPIC, key, value));
    producer.flush();
  }

  Map<Integer, Long> endOffsets() {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of("bootstrap.servers", bootstrapServers),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(TOPIC).stream()
              .map(p -> new TopicPartition(TOPIC, p.partition()))
              .toList();
      return consumer.endOffsets(partitions).entrySet().stream()
          .collect(Collectors.toMap(e -> e.getKey().partition(), Map.Entry::getValue));
    }
  }

  long records() {
    return endOffsets().values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public void close() {
    producer.close();
  }
}
