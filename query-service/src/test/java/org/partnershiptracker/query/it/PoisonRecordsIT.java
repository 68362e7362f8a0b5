package org.partnershiptracker.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.partnershiptracker.events.partnership.MeetingHeld;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;
import org.partnershiptracker.query.partnership.model.RecordedEvent;
import org.partnershiptracker.query.report.model.PartnershipReport;
import org.partnershiptracker.query.testdata.PartnershipHistories;
import org.partnershiptracker.query.trust.model.TrustBuildingCalculator;

/**
 * Records that are not readable events, put on the real topic among valid ones, never take their
 * neighbours down; a rebuild accounts for every record or fails and leaves the old answers; a batch
 * that fails while MongoDB is down is retried, not skipped. A real broker, the query-service over
 * HTTP, a MongoDB-wire server this test stops and starts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoisonRecordsIT extends QueryServiceOnBroker {
  private static final LocalDate FORMED = LocalDate.of(2024, 1, 8);
  private static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);
  private MongoClient mongoClient;
  private final List<RecordedEvent> shire =
      PartnershipHistories.generate(new Random(11), "poison-shire", 400, FORMED, AS_OF);
  private final List<RecordedEvent> wessex =
      PartnershipHistories.generate(new Random(12), "poison-wessex", 250, FORMED, AS_OF);
  private final List<RecordedEvent> mercia =
      PartnershipHistories.generate(new Random(13), "poison-mercia", 150, FORMED, AS_OF);
  private final List<String> reasons =
      List.of("no-value", "not-json", "unknown-type", "missing-fields", "conflicting-duplicate");

  PoisonRecordsIT() {
    super("poison");
  }

  @BeforeAll
  void start() throws Exception {
    startBrokerAndMongo();
    mongoClient = MongoClients.create("mongodb://localhost:" + mongoPort);
    startQueryService(
        "--tracker.projection.max-retry-backoff=1s",
        "--tracker.projection.rebuild-stall-timeout=5s");
  }

  @AfterAll
  void stop() {
    if (mongoClient != null) mongoClient.close();
  }

  @Test
  @Order(1)
  void recordsThatAreNotEventsAreSetAsideAndEveryValidEventIsVisible() {
    int half = shire.size() / 2;
    topic.send(shire.subList(0, half));
    topic.sendRaw("poison-shire", null);
    topic.sendRaw("poison-shire", "{this is not json".getBytes(StandardCharsets.UTF_8));
    topic.sendRaw("poison-shire", withField(shire.get(3), "type", "PartnershipRenamed"));
    topic.sendRaw("poison-shire", withField(shire.get(4), "partnershipId", null));
    RecordedEvent meeting =
        shire.subList(0, half).stream()
            .filter(e -> e.event() instanceof MeetingHeld)
            .findFirst()
            .orElseThrow();
    topic.sendRaw("poison-shire", movedMeeting(meeting));
    topic.send(shire.subList(half, shire.size()));
    topic.send(wessex);
    awaitCaughtUp();

    assertThat(report("poison-shire")).isEqualTo(oracle(shire));
    assertThat(report("poison-wessex")).isEqualTo(oracle(wessex));
    JsonNode list = Http.get(base + "/api/partnerships").json();
    assertThat(eventCount(list, "poison-shire")).isEqualTo(shire.size());

    List<String> rejected = new ArrayList<>();
    mongoClient
        .getDatabase("partnership_tracker")
        .getCollection("rejected_events")
        .find()
        .forEach(doc -> rejected.add(doc.getString("reason")));
    assertThat(rejected).containsExactlyInAnyOrderElementsOf(reasons);
    String metrics = Http.get(base + "/actuator/prometheus").body();
    for (String reason : reasons) {
      assertThat(metrics)
          .contains("tracker_projection_events_rejected_total{reason=\"" + reason + "\"} 1.0");
    }
    JsonNode projection =
        Http.get(base + "/actuator/health").json().get("components").get("projection");
    assertThat(projection.get("status").asText()).isEqualTo("UP");
    assertThat(projection.get("details").get("rejectedEvents").asInt()).isEqualTo(5);
    assertThat(projection.get("details").get("warning").asText()).contains("rejected_events");
  }

  @Test
  @Order(2)
  void aRebuildGivesTheSameReportsAndAccountsForEveryRecordRead() {
    String before = Http.get(base + "/api/partnerships/poison-shire/report?asOf=" + AS_OF).body();
    JsonNode done = rebuild("COMPLETED");
    assertThat(done.get("eventsDone").asLong()).isEqualTo(topic.records());
    assertThat(done.get("applied").asLong()).isEqualTo(shire.size() + wessex.size());
    assertThat(done.get("rejected").asLong()).isEqualTo(reasons.size());
    assertThat(done.get("duplicates").asLong()).isZero();
    assertThat(Http.get(base + "/api/partnerships/poison-shire/report?asOf=" + AS_OF).body())
        .isEqualTo(before);
    assertThat(report("poison-wessex")).isEqualTo(oracle(wessex));
  }

  @Test
  @Order(3)
  void aBatchThatFailsWhileMongoDbIsDownIsRetriedFromItsPositionNotSkipped() {
    mongo.shutdownNow();
    topic.send(mercia);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                Http.get(base + "/actuator/health/projection")
                    .json()
                    .path("status")
                    .asText()
                    .equals("DOWN"));
    // The records that cannot be stored count as lag for as long as they wait: operators see it.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(Http.get(base + "/actuator/prometheus").body())
                    .contains(
                        "tracker_projection_lag_events{projection=\"read-models\"} "
                            + (double) mercia.size()));
    startMongo(mongoPort);
    awaitCaughtUp();
    assertThat(report("poison-mercia")).isEqualTo(oracle(mercia));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(Http.get(base + "/actuator/prometheus").body())
                    .contains("tracker_projection_lag_events{projection=\"read-models\"} 0.0"));
    assertThat(eventCount(Http.get(base + "/api/partnerships").json(), "poison-mercia"))
        .isEqualTo(mercia.size());
  }

  @Test
  @Order(4)
  void aRebuildThatCannotReadEveryRecordFailsAndQueriesKeepTheOldAnswers() throws Exception {
    String before = Http.get(base + "/api/partnerships/poison-shire/report?asOf=" + AS_OF).body();
    int partition =
        topic.endOffsets().entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .findFirst()
            .orElseThrow()
            .getKey();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin
          .deleteRecords(
              Map.of(
                  new TopicPartition(EventsTopic.TOPIC, partition),
                  RecordsToDelete.beforeOffset(1)))
          .all()
          .get();
    }
    JsonNode failed = rebuild("FAILED");
    assertThat(failed.get("reason").asText()).contains("deleted");
    assertThat(Http.get(base + "/api/partnerships/poison-shire/report?asOf=" + AS_OF).body())
        .isEqualTo(before);
  }

  private JsonNode rebuild(String expectedState) {
    String admin = base + "/admin/projections/read-models/rebuild";
    assertThat(Http.post(admin, "").status()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> !Http.get(admin).json().get("state").asText().equals("RUNNING"));
    JsonNode progress = Http.get(admin).json();
    assertThat(progress.get("state").asText()).as(progress.toString()).isEqualTo(expectedState);
    return progress;
  }

  private JsonNode report(String partnershipId) {
    Http.Response response =
        Http.get(base + "/api/partnerships/" + partnershipId + "/report?asOf=" + AS_OF);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  /** The reference fold of the events, serialised as the service serialises its answer. */
  private JsonNode oracle(List<RecordedEvent> events) {
    PartnershipReport report =
        PartnershipReport.of(
            PartnershipFacts.of(events, AS_OF),
            AS_OF,
            queryService.getBean(TrustBuildingCalculator.class));
    return Http.asServed(
        queryService.getBean(com.fasterxml.jackson.databind.ObjectMapper.class), report);
  }

  private static long eventCount(JsonNode list, String partnershipId) {
    for (JsonNode row : list) {
      if (row.get("partnershipId").asText().equals(partnershipId)) {
        return row.get("eventCount").asLong();
      }
    }
    throw new AssertionError(partnershipId + " is not in " + list);
  }

  private static byte[] withField(RecordedEvent event, String field, String value) {
    try {
      ObjectNode envelope = (ObjectNode) EventsTopic.JSON.readTree(EventsTopic.envelope(event));
      envelope.put("eventId", UUID.randomUUID().toString());
      if (value == null) {
        envelope.remove(field);
      } else {
        envelope.put(field, value);
      }
      return EventsTopic.JSON.writeValueAsBytes(envelope);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The same event id and place in its aggregate, another day: a forged copy that must change
   * nothing.
   */
  private static byte[] movedMeeting(RecordedEvent meeting) {
    try {
      ObjectNode envelope = (ObjectNode) EventsTopic.JSON.readTree(EventsTopic.envelope(meeting));
      ObjectNode payload = (ObjectNode) envelope.get("payload");
      payload.put(
          "heldOn", LocalDate.parse(payload.get("heldOn").asText()).minusDays(40).toString());
      return EventsTopic.JSON.writeValueAsBytes(envelope);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
