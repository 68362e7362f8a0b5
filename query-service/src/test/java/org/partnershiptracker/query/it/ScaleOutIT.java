package org.partnershiptracker.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershiptracker.infra.process.ServiceJvm.freePort;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershiptracker.infra.kafka.KafkaBroker;
import org.partnershiptracker.infra.process.ServiceJvm;
import org.partnershiptracker.infra.security.TokenMint;
import org.partnershiptracker.query.QueryServiceApplication;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;
import org.partnershiptracker.query.partnership.model.RecordedEvent;
import org.partnershiptracker.query.report.model.PartnershipReport;
import org.partnershiptracker.query.testdata.PartnershipHistories;
import org.partnershiptracker.query.trust.model.TrustBuildingCalculator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two query-service instances, one in this JVM and one its own process, share one broker and one
 * MongoDB: the consumer group splits the partitions between them, either answers any query, and
 * when the second is killed (SIGKILL) the first takes its partitions over from the positions stored
 * with their read models: nothing lost, nothing counted twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutIT {
  private static final LocalDate FORMED = LocalDate.of(2024, 1, 8);
  private static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);
  private static final int PARTNERSHIPS = 24;
  private final Path runDir = Path.of("target/scale-out-" + UUID.randomUUID()).toAbsolutePath();
  private KafkaBroker broker;
  private EventsTopic topic;
  private MongoServer mongo;
  private ConfigurableApplicationContext first;
  private Process second;
  private String firstUrl;
  private String secondUrl;
  private final List<List<RecordedEvent>> histories = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    Files.createDirectories(runDir);
    broker = KafkaBroker.start(runDir.resolve("kafka"), 0, 0);
    topic = new EventsTopic(broker.bootstrapServers(), 6);
    mongo = new MongoServer(H2Backend.inMemory());
    mongo.bind("localhost", 0);
    String mongoUri = "mongodb://localhost:" + mongo.getLocalAddress().getPort();
    for (int i = 0; i < PARTNERSHIPS; i++) {
      histories.add(
          PartnershipHistories.generate(new Random(100 + i), "scale-" + i, 120, FORMED, AS_OF));
    }
    List<String> settings =
        List.of(
            "--spring.data.mongodb.uri=" + mongoUri,
            "--tracker.projection.bootstrap-servers=" + broker.bootstrapServers(),
            "--tracker.projection.session-timeout=6s",
            TokenMint.shared().issuerArgument());

    int secondPort = freePort();
    second =
        ServiceJvm.start(
            ServiceJvm.execJar("query-service"),
            "384m",
            secondPort,
            runDir.resolve("second.log"),
            settings);
    secondUrl = "http://localhost:" + secondPort;

    List<String> firstArgs = new ArrayList<>(List.of("--server.port=0"));
    firstArgs.addAll(settings);
    first =
        new SpringApplicationBuilder(QueryServiceApplication.class)
            .run(firstArgs.toArray(String[]::new));
    firstUrl = QueryServiceInJvm.url(first);
  }

  @AfterAll
  void stop() {
    if (second != null) second.destroyForcibly();
    if (first != null) first.close();
    if (mongo != null) mongo.shutdownNow();
    if (topic != null) topic.close();
    if (broker != null) broker.close();
  }

  @Test
  void theInstancesSharePartitionsAndTheSurvivorTakesOverAKilledOnesWithNothingLostOrDoubled() {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                partitions(firstUrl).size() + partitions(secondUrl).size() == 6
                    && !partitions(firstUrl).isEmpty()
                    && !partitions(secondUrl).isEmpty());
    List<Integer> secondsPartitions = partitions(secondUrl);

    histories.forEach(history -> topic.send(history.subList(0, history.size() / 2)));
    awaitEverythingApplied(history -> history.size() / 2);
    for (List<RecordedEvent> history : histories.subList(0, 3)) {
      String id = history.get(0).event().partnershipId().value();
      assertThat(Http.get(firstUrl + "/api/partnerships/" + id + "/report?asOf=" + AS_OF).body())
          .as("either instance answers any query")
          .isEqualTo(
              Http.get(secondUrl + "/api/partnerships/" + id + "/report?asOf=" + AS_OF).body());
    }

    second.destroyForcibly(); // SIGKILL: no goodbye to the group, positions as they were stored
    histories.forEach(history -> topic.send(history.subList(history.size() / 2, history.size())));
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> partitions(firstUrl).containsAll(secondsPartitions));
    awaitEverythingApplied(List::size);

    TrustBuildingCalculator trust = first.getBean(TrustBuildingCalculator.class);
    var json = first.getBean(com.fasterxml.jackson.databind.ObjectMapper.class);
    for (List<RecordedEvent> history : histories) {
      String id = history.get(0).event().partnershipId().value();
      JsonNode expected =
          Http.asServed(
              json, PartnershipReport.of(PartnershipFacts.of(history, AS_OF), AS_OF, trust));
      assertThat(Http.get(firstUrl + "/api/partnerships/" + id + "/report?asOf=" + AS_OF).json())
          .as(id)
          .isEqualTo(expected);
    }
  }

  /** Every partnership holds exactly the expected number of events, no more, no fewer. */
  private void awaitEverythingApplied(
      java.util.function.ToIntFunction<List<RecordedEvent>> expected) {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              JsonNode list = Http.get(firstUrl + "/api/partnerships").json();
              Map<String, Long> counts = new java.util.HashMap<>();
              list.forEach(
                  row ->
                      counts.put(
                          row.get("partnershipId").asText(), row.get("eventCount").asLong()));
              for (List<RecordedEvent> history : histories) {
                assertThat(counts.get(history.get(0).event().partnershipId().value()))
                    .isEqualTo((long) expected.applyAsInt(history));
              }
            });
  }

  private static List<Integer> partitions(String url) {
    try {
      Http.Response health = Http.get(url + "/actuator/health");
      if (health.status() != 200 && health.status() != 503) {
        return List.of();
      }
      List<Integer> partitions = new ArrayList<>();
      health
          .json()
          .get("components")
          .get("projection")
          .get("details")
          .get("partitions")
          .forEach(p -> partitions.add(p.asInt()));
      return partitions;
    } catch (RuntimeException e) {
      return List.of(); // not started yet, or killed
    }
  }
}
