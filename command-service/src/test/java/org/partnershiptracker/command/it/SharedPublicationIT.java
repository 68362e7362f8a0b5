package org.partnershiptracker.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershiptracker.command.it.CommandApi.expectStatus;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.command.CommandServiceApplication;
import org.partnershiptracker.command.publication.KafkaEventPublisher;
import org.partnershiptracker.infra.kafka.KafkaBroker;
import org.partnershiptracker.infra.process.ServiceJvm;
import org.partnershiptracker.infra.security.TokenMint;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two command-service instances on one event store. They share publication: each claims some of the
 * publisher's segments and publishes its partnerships; when one stops, the other claims its
 * segments and goes on, each partnership's events still whole and in store order on Kafka. And a
 * command on a partnership the other instance changed since this one cached it is refused once as a
 * concurrent modification, not kept under its key, and recorded when retried with the key.
 */
class SharedPublicationIT {
  private final Path runDir = Path.of("target/it-data/shared-publication-it-" + UUID.randomUUID());
  private ConfigurableApplicationContext first;
  private Process second;
  private EmbeddedPostgres store;
  private KafkaBroker broker;
  private PublishedEvents published;

  @AfterEach
  void stop() throws Exception {
    if (published != null) published.close();
    if (first != null) first.close();
    if (second != null) {
      second.destroy();
      second.waitFor();
    }
    if (broker != null) broker.close();
    if (store != null) store.close();
  }

  private List<String> arguments() {
    return List.of(
        TokenMint.shared().issuerArgument(),
        "--spring.datasource.url=" + store.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres",
        "--tracker.publication.bootstrap-servers=" + broker.bootstrapServers());
  }

  /** Who holds the publisher's segments: the number of segments per owner. */
  private Map<String, Integer> claims() throws Exception {
    Map<String, Integer> claims = new TreeMap<>();
    try (Connection sql = store.getPostgresDatabase().getConnection();
        ResultSet rows =
            sql.createStatement()
                .executeQuery(
                    "SELECT owner, count(*) FROM TokenEntry WHERE processorName = '"
                        + KafkaEventPublisher.PROCESSING_GROUP
                        + "' AND owner IS NOT NULL GROUP BY owner")) {
      while (rows.next()) {
        claims.put(rows.getString(1), rows.getInt(2));
      }
    }
    return claims;
  }

  private static CommandApi api(ConfigurableApplicationContext instance) {
    return new CommandApi(CommandServiceInJvm.port(instance));
  }

  private static double publishedBy(ConfigurableApplicationContext instance) {
    return instance
        .getBean(MeterRegistry.class)
        .find("tracker.events.published")
        .counters()
        .stream()
        .mapToDouble(counter -> counter.count())
        .sum();
  }

  private static void recordMeetings(CommandApi api, String partnership, int from, int to) {
    for (int day = from; day <= to; day++) {
      expectStatus(
          201,
          api.post(
              "/api/partnerships/" + partnership + "/meetings",
              """
              {"type":"CATCH_UP","heldOn":"2025-03-%02d","durationMinutes":30,"hostOrganisationId":"uni",
               "attendees":[{"organisationId":"north-council","level":"ANALYST","count":1}]}
              """
                  .formatted(day)));
    }
  }

  /** The first instance in this JVM claiming 2 segments, the second as its own process: 2 + 2. */
  private CommandApi startTwoInstances() throws Exception {
    store =
        EmbeddedPostgres.builder()
            .setDataDirectory(runDir.resolve("postgres"))
            .setCleanDataDirectory(true)
            .start();
    broker = KafkaBroker.start(runDir.resolve("kafka"), 0, 0);
    published = new PublishedEvents(broker.bootstrapServers());
    List<String> firstArguments = new ArrayList<>(arguments());
    firstArguments.addAll(
        List.of("--server.port=0", "--tracker.publication.max-claimed-segments=2"));
    first =
        new SpringApplicationBuilder(CommandServiceApplication.class)
            .run(firstArguments.toArray(String[]::new));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> List.copyOf(claims().values()).equals(List.of(2)));
    int secondPort = ServiceJvm.freePort();
    second =
        ServiceJvm.start(
            ServiceJvm.execJar("command-service"),
            "384m",
            secondPort,
            runDir.resolve("second.log"),
            arguments());
    CommandApi viaSecond = new CommandApi(secondPort);
    await()
        .atMost(Duration.ofSeconds(120))
        .ignoreExceptions()
        .until(() -> viaSecond.get("/actuator/health/readiness").status() == 200);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> List.copyOf(claims().values()).equals(List.of(2, 2)));
    return viaSecond;
  }

  @Test
  void twoInstancesShareTheSegmentsAndOneTakesOverWhenTheOtherStops() throws Exception {
    CommandApi viaSecond = startTwoInstances();

    List<String> partnerships = List.of("p-share-0", "p-share-1", "p-share-2", "p-share-3");
    for (int i = 0; i < partnerships.size(); i++) {
      CommandApi api = i % 2 == 0 ? api(first) : viaSecond;
      api.formPartnershipWithPartners(partnerships.get(i));
      recordMeetings(api, partnerships.get(i), 1, 10);
    }
    int before = partnerships.size() * (4 + 10);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(published.drain().size()).isEqualTo(before));
    assertThat(publishedBy(first))
        .as("the first instance published some of the partnerships, the second the others")
        .isPositive()
        .isLessThan(before);

    first.close();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> List.copyOf(claims().values()).equals(List.of(4)));
    for (String partnership : partnerships) {
      recordMeetings(viaSecond, partnership, 11, 15);
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(published.drain().size()).isEqualTo(before + partnerships.size() * 5));
    published.assertEachPartnershipWholeAndInStoreOrder();
  }

  @Test
  void aCommandOnAPartnershipTheOtherInstanceChangedIsRefusedOnceThenRecordedOnRetry()
      throws Exception {
    CommandApi viaSecond = startTwoInstances();
    CommandApi viaFirst = api(first);
    viaFirst.formPartnershipWithPartners("p-stale");
    recordMeetings(viaFirst, "p-stale", 1, 1); // the first instance now holds it in its cache
    recordMeetings(viaSecond, "p-stale", 2, 2); // stored behind the first instance's back

    String meeting =
        """
        {"type":"CATCH_UP","heldOn":"2025-03-03","durationMinutes":30,"hostOrganisationId":"uni",
         "attendees":[{"organisationId":"north-council","level":"ANALYST","count":1}]}
        """;
    CommandApi.Response refused =
        viaFirst.post("/api/partnerships/p-stale/meetings", meeting, "stale-key-1");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().path("type").asText()).endsWith("/concurrent-modification");

    CommandApi.Response retried =
        viaFirst.post("/api/partnerships/p-stale/meetings", meeting, "stale-key-1");
    assertThat(retried.status())
        .as("a passing refusal is not kept under the key: the retry runs, on a fresh copy")
        .isEqualTo(201);
    CommandApi.Response again =
        viaFirst.post("/api/partnerships/p-stale/meetings", meeting, "stale-key-1");
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Location")).isEqualTo(retried.header("Location"));

    JsonNode history = viaSecond.get("/api/partnerships/p-stale/history").body();
    assertThat(history.findValuesAsText("type").stream().filter("MeetingHeld"::equals))
        .as("the two meetings before, and the retried one once")
        .hasSize(3);
  }
}
