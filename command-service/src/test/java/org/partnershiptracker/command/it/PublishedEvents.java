package org.partnershiptracker.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a consumer of {@code partnership.events} has read so far, in the order it read it, one copy
 * per event id (a redelivered record is absorbed, as the query side does).
 */
final class PublishedEvents implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, JsonNode> byEventId = new LinkedHashMap<>();
  private final List<String> keys = new ArrayList<>();

  PublishedEvents(String bootstrapServers) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                bootstrapServers,
                "group.id",
                "published-events-" + System.nanoTime(),
                "auto.offset.reset",
                "earliest",
                "metadata.max.age.ms",
                "1000"),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    consumer.subscribe(List.of("partnership.events"));
  }

  /** Reads what arrived since the last call; checks each record's type header. */
  PublishedEvents drain() {
    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
      try {
        JsonNode envelope = JSON.readTree(record.value());
        assertThat(
                new String(
                    record.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8))
            .isEqualTo(envelope.get("type").asText());
        if (byEventId.putIfAbsent(envelope.get("eventId").asText(), envelope) == null) {
          keys.add(record.key());
        }
      } catch (IOException e) {
        throw new AssertionError(
            "not JSON: " + new String(record.value(), StandardCharsets.UTF_8), e);
      }
    }
    return this;
  }

  int size() {
    return byEventId.size();
  }

  /** The envelopes, in the order read. */
  List<JsonNode> envelopes() {
    return List.copyOf(byEventId.values());
  }

  /** The record keys, in the order read. */
  List<String> keys() {
    return List.copyOf(keys);
  }

  /** The envelopes of each partnership, in the order read. */
  Map<String, List<JsonNode>> byPartnership() {
    Map<String, List<JsonNode>> grouped = new LinkedHashMap<>();
    byEventId
        .values()
        .forEach(
            envelope ->
                grouped
                    .computeIfAbsent(
                        envelope.get("partnershipId").asText(), id -> new ArrayList<>())
                    .add(envelope));
    return grouped;
  }

  /**
   * Each partnership's events were read in the event store's order, and each is whole: its
   * Partnership aggregate's sequence numbers run 0, 1, 2 … without a gap.
   */
  void assertEachPartnershipWholeAndInStoreOrder() {
    byPartnership()
        .forEach(
            (partnership, events) -> {
              assertThat(events.stream().map(e -> e.get("position").asLong()).toList())
                  .as("%s's events reach Kafka in the store's order", partnership)
                  .isSorted();
              assertThat(
                      events.stream()
                          .filter(e -> e.get("aggregateType").asText().equals("Partnership"))
                          .map(e -> e.get("sequenceNumber").asLong())
                          .toList())
                  .as("%s's events, each once", partnership)
                  .containsExactlyElementsOf(
                      LongStream.range(
                              0,
                              events.stream()
                                  .filter(
                                      e -> e.get("aggregateType").asText().equals("Partnership"))
                                  .count())
                          .boxed()
                          .toList());
            });
  }

  @Override
  public void close() {
    consumer.close();
  }
}
