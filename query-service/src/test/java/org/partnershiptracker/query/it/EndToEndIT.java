package org.partnershiptracker.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershiptracker.infra.process.ServiceJvm.freePort;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.partnershiptracker.infra.kafka.KafkaBroker;
import org.partnershiptracker.infra.process.ServiceJvm;
import org.partnershiptracker.infra.security.TokenMint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole system: a real Kafka broker (KRaft), the command-service as its own JVM (the exec jar
 * with its embedded PostgreSQL), and the query-service with its MongoDB-wire server. Commands go in
 * over HTTP; the query API shows their effect.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {
  private static final Logger log = LoggerFactory.getLogger(EndToEndIT.class);
  private static final String AS_OF = "2025-06-30";
  private final Path runDir = Path.of("target/e2e-" + UUID.randomUUID()).toAbsolutePath();
  private KafkaBroker broker;
  private Process commandService;
  private ConfigurableApplicationContext queryService;
  private String commands;
  private String queries;

  @BeforeAll
  void startTheSystem() throws IOException {
    Files.createDirectories(runDir);
    broker = KafkaBroker.start(runDir.resolve("kafka"), 0, 0);
    int commandPort = freePort();
    commandService =
        ServiceJvm.start(
            ServiceJvm.execJar("command-service"),
            "512m",
            commandPort,
            runDir.resolve("command-service.log"),
            List.of(
                TokenMint.shared().issuerArgument(),
                "--tracker.embedded-postgres.data-dir=" + runDir.resolve("postgres"),
                "--tracker.people.registered-only=false",
                "--tracker.publication.bootstrap-servers=" + broker.bootstrapServers(),
                "--tracker.publication.send-timeout=2s"));
    queryService =
        QueryServiceInJvm.start(
            "--tracker.embedded-mongo.data-dir=" + runDir.resolve("mongo"),
            "--tracker.projection.bootstrap-servers=" + broker.bootstrapServers(),
            "--tracker.metrics.refresh=1s");
    commands = "http://localhost:" + commandPort + "/api/partnerships";
    queries = QueryServiceInJvm.url(queryService) + "/api/partnerships";
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                Http.get("http://localhost:" + commandPort + "/actuator/health/readiness").status()
                    == 200);
  }

  @AfterAll
  void stopTheSystem() throws InterruptedException {
    if (queryService != null) queryService.close();
    if (commandService != null) {
      commandService.destroy();
      if (!commandService.waitFor(30, java.util.concurrent.TimeUnit.SECONDS))
        commandService.destroyForcibly();
    }
    if (broker != null) broker.close();
  }

  private void formPartnership(String id) {
    Http.postOk(
        commands,
        """
        {"partnershipId":"%s","name":"Shire data partnership","formedOn":"2025-01-06"}\
        """
            .formatted(id));
    for (String[] partner :
        new String[][] {
          {"north-council", "North County Council", "LOCAL_AUTHORITY"},
          {"south-council", "South County Council", "LOCAL_AUTHORITY"},
          {"uni", "Shire University", "UNIVERSITY"}
        }) {
      Http.postOk(
          commands + "/" + id + "/partners",
          """
          {"organisationId":"%s","organisationName":"%s","sector":"%s","joinedOn":"2025-01-06"}\
          """
              .formatted(partner[0], partner[1], partner[2]));
    }
  }

  private String meeting(String id, String type, String heldOn, String host, String level) {
    return """
    {"meetingId":"%s","type":"%s","heldOn":"%s","durationMinutes":240,"hostOrganisationId":"%s",
     "attendees":[{"organisationId":"uni","level":"RESEARCHER","count":2},{"organisationId":"%s","level":"%s","count":3}]}\
    """
        .formatted(id, type, heldOn, host, host, level);
  }

  private int interactionsUntil(String partnership, String to) {
    Http.Response response =
        Http.get(queries + "/" + partnership + "/interactions?from=2025-01-01&to=" + to);
    return response.status() == 200 ? response.json().get("totalInteractions").asInt() : -1;
  }

  @Test
  @Order(1)
  void commandsOverHttpShowInTheQueryApiAndTheDelayIsMeasured() throws IOException {
    String partnership = "e2e-shire";
    formPartnership(partnership);
    Http.postOk(
        commands + "/" + partnership + "/roles",
        """
        {"roleType":"BOUNDARY_SPANNER","organisationId":"north-council","personId":"person-n1","designatedOn":"2025-01-10"}\
        """);
    Http.postOk(
        commands + "/" + partnership + "/roles",
        """
        {"roleType":"POINT_OF_CONTACT","organisationId":"north-council","personId":"person-n2","designatedOn":"2025-01-10"}\
        """);
    Http.postOk(
        commands + "/" + partnership + "/quick-wins",
        """
        {"title":"Discharge dashboard","deliveredOn":"2025-02-01","beneficiaryOrganisationId":"north-council"}\
        """);

    List<Long> delaysMs = new ArrayList<>();
    for (int week = 0; week < 20; week++) {
      String day = java.time.LocalDate.parse("2025-02-03").plusWeeks(week).toString();
      int before = Math.max(0, interactionsUntil(partnership, AS_OF));
      long sent = System.nanoTime();
      Http.postOk(
          commands + "/" + partnership + "/meetings",
          meeting("north-day-" + week, "ON_SITE_WORK_DAY", day, "north-council", "ANALYST"));
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> interactionsUntil(partnership, AS_OF) == before + 1);
      delaysMs.add((System.nanoTime() - sent) / 1_000_000);
    }
    Collections.sort(delaysMs);
    String figures =
        "command-to-query delay over %d commands: median %d ms, worst %d ms"
            .formatted(
                delaysMs.size(),
                delaysMs.get(delaysMs.size() / 2),
                delaysMs.get(delaysMs.size() - 1));
    log.info(figures);
    Files.writeString(Path.of("target/e2e-latency.txt"), figures + System.lineSeparator());

    JsonNode trust = Http.get(queries + "/" + partnership + "/trust?asOf=" + AS_OF).json();
    assertThat(trust.get("index").isNumber()).isTrue();
    JsonNode north = findOrganisation(trust, "north-council");
    JsonNode south = findOrganisation(trust, "south-council");
    assertThat(score(north, "L5_REGULAR_CONTACT"))
        .isGreaterThan(score(south, "L5_REGULAR_CONTACT"));
    JsonNode contact = practice(trust, "L5_REGULAR_CONTACT");
    assertThat(contact.get("events").findValuesAsText("type"))
        .as("L5 names the on-site days of the window it was computed from")
        .isNotEmpty()
        .containsOnly("MeetingHeld");
    assertThat(contact.get("events").findValuesAsText("recordedByOrganisation"))
        .as(
            "the organisation that recorded each (the test operator acts for uni): from the"
                + " command's audit metadata, through the Kafka envelope, to the read model")
        .hasSize(contact.get("events").size())
        .containsOnly("uni");

    Http.Response csv = Http.get(queries + "/" + partnership + "/report.csv?asOf=" + AS_OF);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).startsWith("section,organisation,metric,value");
    Http.Response page = Http.get(queries + "/" + partnership + "/report.html?asOf=" + AS_OF);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<h2>Trust building</h2>", "North County Council", "<svg");
    assertThat(page.body())
        .as("the partnership page: the index over the months with its thresholds, and the tables")
        .contains(
            "strong from 70", "Trust-building index as of each day", "report.csv?asOf=" + AS_OF);
    assertThat(Http.get(queries).json().findValuesAsText("partnershipId")).contains(partnership);
    String portfolioPage = Http.get(queries.replace("/api/partnerships", "/")).body();
    assertThat(portfolioPage)
        .as("the analysts' portfolio page lists it, from the stored rows")
        .contains("/api/partnerships/" + partnership + "/report.html")
        .contains("<svg class=\"trend\"");
  }

  private static JsonNode findOrganisation(JsonNode trust, String organisationId) {
    for (JsonNode organisation : trust.get("organisations")) {
      if (organisation.toString().contains("\"" + organisationId + "\"")) {
        return organisation;
      }
    }
    throw new AssertionError("no profile for " + organisationId + " in " + trust);
  }

  private static JsonNode practice(JsonNode profile, String practice) {
    for (JsonNode score : profile.get("scores")) {
      if (score.get("practice").asText().equals(practice)) {
        return score;
      }
    }
    throw new AssertionError("no " + practice + " in " + profile);
  }

  private static double score(JsonNode profile, String practice) {
    JsonNode scores =
        profile.has("scores") ? profile.get("scores") : profile.get("profile").get("scores");
    for (JsonNode score : scores) {
      if (score.get("practice").asText().equals(practice)) {
        return score.get("score").isNull() ? -1 : score.get("score").asDouble();
      }
    }
    throw new AssertionError("no " + practice + " in " + profile);
  }

  @Test
  @Order(2)
  void unknownPartnershipsAre404AndBadDatesAre400AndHealthReportsKafkaAndMongo() {
    JsonNode health = Http.get(queries.replace("/api/partnerships", "/actuator/health")).json();
    assertThat(health.get("components").get("kafka").get("status").asText()).isEqualTo("UP");
    assertThat(health.get("components").get("mongo").get("status").asText()).isEqualTo("UP");
    assertThat(health.get("components").get("projection").get("status").asText()).isEqualTo("UP");
    // To anyone else, health says only UP: no paths, no cluster id.
    JsonNode anonymous =
        Http.get(queries.replace("/api/partnerships", "/actuator/health"), null).json();
    assertThat(anonymous.path("status").asText()).isEqualTo("UP");
    assertThat(anonymous.has("components")).as(anonymous.toString()).isFalse();
    // Swagger UI's Authorize button: the API document declares the bearer scheme.
    assertThat(Http.get(queries.replace("/api/partnerships", "/v3/api-docs"), null).body())
        .contains("\"bearer\"", "\"JWT\"");
    Http.Response swagger =
        Http.get(queries.replace("/api/partnerships", "/swagger-ui/index.html"), null);
    assertThat(swagger.status()).isEqualTo(200);
    String queryMetrics = queries.replace("/api/partnerships", "/actuator/prometheus");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(Http.get(queryMetrics).body())
                    .contains("tracker_projection_lag_events{projection=\"read-models\"}")
                    .contains("tracker_projection_events_applied_total")
                    .contains("tracker_projection_batch_seconds_count{projection=\"read-models\"}")
                    .contains("tracker_projection_delay_seconds_bucket{projection=\"read-models\"")
                    .contains("tracker_partnership_trust_index{partnership=\"e2e-shire\"}")
                    .contains("tracker_partnership_overdue_milestones{partnership=\"e2e-shire\"}"));
    String commandMetrics = commands.replace("/api/partnerships", "/actuator/prometheus");
    assertThat(Http.get(commandMetrics).body())
        .contains("tracker_events_published_total{type=\"MeetingHeld\"}")
        .contains("tracker_publication_lag_events");
    assertThat(Http.get(queries + "/nobody/trust").status()).isEqualTo(404);
    assertThat(Http.get(queries + "/e2e-shire/trust?asOf=2025-02-30").status()).isEqualTo(400);
    assertThat(Http.get(queries + "/e2e-shire/interactions?from=2025-05-01&to=2025-04-01").status())
        .isEqualTo(400);
    assertThat(Http.get(queries + "/e2e-shire/interactions?granularity=fortnight").status())
        .isEqualTo(400);
    // Refused by Tomcat before any controller: still problem+json with errors[].
    Http.Response oversized =
        Http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(queries))
                .header("X-Oversized", "x".repeat(100_000))
                .GET()
                .build());
    assertThat(oversized.status()).isEqualTo(400);
    assertThat(oversized.json().path("errors").isArray()).as(oversized.body()).isTrue();
    Http.Response wrongMethod = Http.post(queries + "/e2e-shire/trust", "{}");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.json().path("errors").path(0).path("field").asText())
        .isEqualTo("method");
    Http.Response noSuchPath = Http.get(queries + "/e2e-shire/no-such-thing");
    assertThat(noSuchPath.status()).isEqualTo(404);
    assertThat(noSuchPath.json().path("errors").path(0).path("field").asText()).isEqualTo("path");
    // Refused by Spring Security's firewall before any filter: problem+json naming the path.
    for (String refusedUrl :
        List.of(queries + "/e2e-shire;x/trust", queries + "/%2e%2e/trust", queries + "//x/trust")) {
      Http.Response refused = Http.get(refusedUrl);
      assertThat(refused.status()).as(refusedUrl).isEqualTo(400);
      assertThat(refused.json().path("errors").path(0).path("field").asText())
          .as(refused.body())
          .isEqualTo("path");
    }
  }

  @Test
  @Order(3)
  void theSameEventsDeliveredTwiceGiveTheSameReadModel() {
    String report = Http.get(queries + "/e2e-shire/report?asOf=" + AS_OF).body();
    long redelivered = redeliverWholeTopic();
    assertThat(redelivered).isPositive();
    await().atMost(Duration.ofSeconds(60)).until(() -> projectionCaughtUp());
    assertThat(Http.get(queries + "/e2e-shire/report?asOf=" + AS_OF).body()).isEqualTo(report);
  }

  @Test
  @Order(4)
  void aRebuildGivesAReadModelIdenticalToTheLiveOne() {
    String report = Http.get(queries + "/e2e-shire/report?asOf=" + AS_OF).body();
    String admin =
        queries.replace("/api/partnerships", "/admin/projections/trust-building/rebuild");
    assertThat(Http.post(admin, "").status()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> Http.get(admin).json().get("state").asText().equals("COMPLETED"));
    JsonNode progress = Http.get(admin).json();
    log.info(
        "rebuild: {} events in generation {}, {} events/s",
        progress.get("eventsDone"),
        progress.get("generation"),
        progress.get("eventsPerSecond"));
    assertThat(progress.get("eventsDone").asLong())
        .isGreaterThanOrEqualTo(progress.get("eventsTotal").asLong());
    assertThat(Http.get(queries + "/e2e-shire/report?asOf=" + AS_OF).body()).isEqualTo(report);
  }

  @Test
  @Order(5)
  void commandsAcceptedWhileKafkaIsDownAreVisibleAfterItRestarts() {
    broker.close();
    for (int i = 0; i < 3; i++) {
      Http.postOk(
          commands + "/e2e-shire/meetings",
          meeting(
              "during-outage-" + i,
              "SOCIAL",
              "2025-06-0" + (i + 2),
              "south-council",
              "MIDDLE_MANAGER"));
    }
    int before = interactionsUntil("e2e-shire", AS_OF);
    broker = broker.restart();
    await()
        .atMost(Duration.ofSeconds(180))
        .until(() -> interactionsUntil("e2e-shire", AS_OF) == before + 3);
  }

  /** Reads every record of the topic and produces it again: a redelivery of everything. */
  private long redeliverWholeTopic() {
    Map<String, Object> common = Map.of("bootstrap.servers", broker.bootstrapServers());
    try (KafkaConsumer<String, byte[]> consumer =
            new KafkaConsumer<>(
                Map.of("bootstrap.servers", broker.bootstrapServers()),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        KafkaProducer<String, byte[]> producer =
            new KafkaProducer<>(common, new StringSerializer(), new ByteArraySerializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor("partnership.events").stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long copied = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
            producer.send(
                new ProducerRecord<>(
                    record.topic(), record.partition(), record.key(), record.value()));
            copied++;
          }
        }
      }
      producer.flush();
      return copied;
    }
  }

  private boolean projectionCaughtUp() {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of("bootstrap.servers", broker.bootstrapServers()),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor("partnership.events").stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      var store = queryService.getBean(org.partnershiptracker.query.readmodel.ReadModelStore.class);
      Map<Integer, Long> reached = store.nextOffsets(store.activeGeneration());
      return end.entrySet().stream()
          .allMatch(e -> reached.getOrDefault(e.getKey().partition(), 0L) >= e.getValue());
    }
  }
}
