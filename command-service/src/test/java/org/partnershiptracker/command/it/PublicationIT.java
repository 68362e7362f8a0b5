package org.partnershiptracker.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershiptracker.command.it.CommandApi.expectStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.command.CommandServiceApplication;
import org.partnershiptracker.infra.kafka.KafkaBroker;
import org.partnershiptracker.infra.security.TokenMint;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every stored event reaches the partnership.events topic of a real Kafka broker (KRaft), keyed by
 * partnership id, in order, with its envelope; and commands accepted while the broker is down are
 * published once it is back.
 */
class PublicationIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path runDir = Path.of("target/it-data/publication-it-" + UUID.randomUUID());
  private final Map<String, JsonNode> published =
      new LinkedHashMap<>(); // by event id: dedupes redelivery
  private final List<String> keys = new ArrayList<>();
  private KafkaBroker broker;
  private ConfigurableApplicationContext app;
  private KafkaConsumer<String, byte[]> consumer;

  @AfterEach
  void stop() {
    if (consumer != null) consumer.close();
    if (app != null) app.close();
    if (broker != null) broker.close();
  }

  private void drainTopic() {
    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
      try {
        JsonNode envelope = JSON.readTree(record.value());
        assertThat(
                new String(
                    record.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8))
            .isEqualTo(envelope.get("type").asText());
        if (published.putIfAbsent(envelope.get("eventId").asText(), envelope) == null) {
          keys.add(record.key());
        }
      } catch (IOException e) {
        throw new AssertionError(
            "not JSON: " + new String(record.value(), StandardCharsets.UTF_8), e);
      }
    }
  }

  private List<String> publishedTypes() {
    return published.values().stream().map(envelope -> envelope.get("type").asText()).toList();
  }

  @Test
  void eventsArePublishedInOrderAndNothingIsLostWhileKafkaIsDown() {
    broker = KafkaBroker.start(runDir.resolve("kafka"), 0, 0);
    app =
        new SpringApplicationBuilder(CommandServiceApplication.class)
            .run(
                TokenMint.shared().issuerArgument(),
                "--server.port=0",
                "--tracker.embedded-postgres.data-dir=" + runDir.resolve("postgres"),
                "--tracker.publication.bootstrap-servers=" + broker.bootstrapServers(),
                "--tracker.publication.send-timeout=2s");
    CommandApi api =
        new CommandApi(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers", broker.bootstrapServers(),
                "group.id", "publication-it",
                "auto.offset.reset", "earliest",
                "metadata.max.age.ms", "1000"),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    consumer.subscribe(List.of("partnership.events"));

    api.formPartnershipWithPartners("p-pub");
    expectStatus(
        201,
        api.post(
            "/api/partnerships/p-pub/projects",
            """
            {"projectId":"pub-project","title":"Demand","problemStatement":"Forecast demand",
             "dataProviderOrganisationIds":["north-council"],"proposedOn":"2025-01-20"}
            """));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              drainTopic();
              assertThat(published).hasSize(5);
            });

    JsonNode proposed = published.values().stream().toList().get(4);
    assertThat(proposed.get("type").asText()).isEqualTo("ProjectProposed");
    assertThat(proposed.get("revision").asText()).isEqualTo("1");
    assertThat(proposed.get("partnershipId").asText()).isEqualTo("p-pub");
    assertThat(proposed.get("aggregateType").asText()).isEqualTo("Project");
    assertThat(proposed.get("aggregateId").asText()).isEqualTo("pub-project");
    assertThat(proposed.get("sequenceNumber").asLong()).isZero();
    assertThat(proposed.get("timestamp").asText()).isNotBlank();
    assertThat(proposed.get("payload").get("title").asText()).isEqualTo("Demand");
    assertThat(keys).as("keyed by partnership, project events included").containsOnly("p-pub");

    broker.close();
    for (int i = 1; i <= 5; i++) {
      expectStatus(
          201,
          api.post(
              "/api/partnerships/p-pub/meetings",
              """
              {"meetingId":"while-down-%d","type":"CATCH_UP","heldOn":"2025-02-0%d","durationMinutes":30,
               "hostOrganisationId":"uni","attendees":[{"organisationId":"south-council","level":"ANALYST","count":1}]}
              """
                  .formatted(i, i)));
    }
    broker = broker.restart();

    await()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(
            () -> {
              drainTopic();
              assertThat(published).hasSize(10);
            });
    assertThat(publishedTypes())
        .containsExactly(
            "PartnershipFormed",
            "PartnerJoined",
            "PartnerJoined",
            "PartnerJoined",
            "ProjectProposed",
            "MeetingHeld",
            "MeetingHeld",
            "MeetingHeld",
            "MeetingHeld",
            "MeetingHeld");
    assertThat(
            published.values().stream()
                .map(e -> e.get("payload").path("meetingId").asText())
                .skip(5))
        .containsExactly(
            "while-down-1", "while-down-2", "while-down-3", "while-down-4", "while-down-5");
    assertThat(published.values().stream().map(e -> e.get("position").asLong()).toList())
        .isSorted();
  }
}
