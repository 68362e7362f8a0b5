package org.partnershiptracker.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.command.config.EmbeddedDatabase;
import org.partnershiptracker.infra.kafka.KafkaBroker;
import org.partnershiptracker.infra.kafka.KafkaUsers;
import org.partnershiptracker.infra.kafka.KafkaUsers.Credentials;

/**
 * Council systems publish CloudEvents on their organisation's partnership.activity.inbox.<org> of a
 * real, secured broker (SASL/SCRAM and ACLs, as in production: the command-service connects as its
 * own principal, each council system as its own); the command-service records them through the HTTP
 * command path for the organisation the topic names, publishes an outcome for each on
 * partnership.activity.outcomes.<org> and dead-letters what it cannot record, with the reason.
 */
class ActivityInboxIT extends OwnBrokerEachTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CALENDAR = "https://calendar.north-council.example/v2";
  private static final String STRANGER = "https://calendar.south-council.example";
  private static final String PARTNERSHIP = "p-inbox";
  private static final String NORTH_INBOX = "partnership.activity.inbox.north-council";
  private static final String ELSEWHERE_INBOX = "partnership.activity.inbox.elsewhere-council";
  private static final KafkaUsers USERS =
      KafkaUsers.withFreshPasswords()
          .withCouncilSystem("north-council", Credentials.fresh("north-calendar"))
          .withCouncilSystem("elsewhere-council", Credentials.fresh("elsewhere-calendar"));

  private final int postgresPort = freePort();
  private final Map<String, JsonNode> outcomes = new LinkedHashMap<>();
  private final List<ConsumerRecord<String, byte[]>> outcomeRecords = new ArrayList<>();
  private final List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
  private KafkaConsumer<String, byte[]> reader;
  private KafkaProducer<String, byte[]> councilSystem;
  private KafkaProducer<String, byte[]> elsewhereSystem;

  ActivityInboxIT() {
    super("activity-inbox-it");
  }

  @AfterEach
  void stop() {
    if (reader != null) reader.close();
    if (councilSystem != null) councilSystem.close();
    if (elsewhereSystem != null) elsewhereSystem.close();
  }

  @Test
  void everyRecordIsRecordedOnceOrDeadLetteredAndEveryOneGetsAnOutcome() throws Exception {
    CommandApi api = start();

    String meeting =
        """
        {"meetingId":"inbox-meeting-1","type":"CATCH_UP","heldOn":"2025-02-03","durationMinutes":45,
         "hostOrganisationId":"north-council",
         "attendees":[{"organisationId":"uni","level":"ANALYST","count":2}]}
        """;
    byte[] firstMeeting = event("m-1", CALENDAR, "meeting.recorded.v1", meeting, Map.of());
    send(firstMeeting);
    send(
        event(
            "qw-1",
            CALENDAR,
            "quick-win.recorded.v1",
            """
            {"title":"Bin rounds re-planned","deliveredOn":"2025-02-10",
             "beneficiaryOrganisationId":"north-council","estimatedSavingGbp":1200.50}
            """,
            Map.of()));
    send(
        event(
            "ps-1",
            CALENDAR,
            "pulse-survey.answered.v1",
            """
            {"respondentOrganisationId":"north-council","aboutOrganisationId":"uni","trust":4,
             "answeredOn":"2025-02-11"}
            """,
            Map.of()));
    send(
        event(
            "pr-1",
            CALENDAR,
            "project.proposed.v1",
            """
            {"projectId":"inbox-project","title":"Demand","problemStatement":"Forecast demand",
             "dataProviderOrganisationIds":["north-council"],"proposedOn":"2025-02-12"}
            """,
            Map.of()));
    send(
        event(
            "ms-1",
            CALENDAR,
            "milestone.planned.v1",
            """
            {"milestoneId":"inbox-milestone","title":"First forecast","horizon":"SHORT_1_2_MONTHS",
             "dueOn":"2025-04-30","plannedOn":"2025-02-13"}
            """,
            Map.of("projectid", "inbox-project")));
    ProducerRecord<String, byte[]> binary =
        new ProducerRecord<>(
            NORTH_INBOX,
            PARTNERSHIP,
            meeting
                .replace("inbox-meeting-1", "inbox-meeting-binary")
                .getBytes(StandardCharsets.UTF_8));
    for (String[] header :
        List.of(
            new String[] {"ce_specversion", "1.0"},
            new String[] {"ce_id", "bin-1"},
            new String[] {"ce_source", CALENDAR},
            new String[] {"ce_type", "org.partnershiptracker.meeting.recorded.v1"},
            new String[] {"ce_subject", PARTNERSHIP},
            new String[] {"content-type", "application/json"})) {
      binary.headers().add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
    }
    councilSystem.send(binary).get(); // binary content mode
    send(firstMeeting); // delivered twice
    ProducerRecord<String, byte[]> garbage =
        new ProducerRecord<>(
            NORTH_INBOX, PARTNERSHIP, "meeting on tuesday".getBytes(StandardCharsets.UTF_8));
    garbage.headers().add("trace-id", "t-42".getBytes(StandardCharsets.UTF_8));
    councilSystem.send(garbage).get();
    send(
        event(
            "bad-1",
            CALENDAR,
            "meeting.recorded.v1",
            meeting
                .replace("\"durationMinutes\":45", "\"durationMinutes\":0")
                .replace("inbox-meeting-1", "inbox-meeting-bad"),
            Map.of()));
    send(event("tea-1", CALENDAR, "tea-party.held.v1", meeting, Map.of()));
    send(
        event(
            "early-1",
            CALENDAR,
            "meeting.recorded.v1",
            meeting.replace("2025-02-03", "2024-12-01").replace("inbox-meeting-1", "too-early"),
            Map.of()));
    // On north's topic a record claiming another council's source is still north's: the topic,
    // which only north's principal may write, names the organisation, never the source.
    send(
        event(
            "x-1",
            STRANGER,
            "meeting.recorded.v1",
            meeting.replace("inbox-meeting-1", "inbox-meeting-claimed"),
            Map.of()));
    // Another organisation (not a partner) sends north's very record, same source and id: the
    // idempotency key is scoped by organisation, so it does not get north's stored outcome.
    elsewhereSystem.send(new ProducerRecord<>(ELSEWHERE_INBOX, PARTNERSHIP, firstMeeting)).get();

    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              drain();
              assertThat(outcomeRecords).hasSize(13);
              assertThat(deadLetters).hasSize(5);
            });

    for (String id : List.of("m-1", "qw-1", "ps-1", "pr-1", "ms-1", "bin-1", "x-1")) {
      assertThat(outcome(id).get("outcome").asText()).as(id).isEqualTo("recorded");
    }
    assertThat(outcome("m-1").get("ids").get("meetingId").asText()).isEqualTo("inbox-meeting-1");
    assertThat(outcome("m-1").get("source").asText()).isEqualTo(CALENDAR);
    assertThat(outcome("m-1").get("type").asText())
        .isEqualTo("org.partnershiptracker.meeting.recorded.v1");
    assertThat(outcome("m-1").get("subject").asText()).isEqualTo(PARTNERSHIP);
    assertThat(outcome("qw-1").get("ids").get("quickWinId").asText()).startsWith("quick-win-");
    assertThat(outcome("ms-1").get("ids").get("milestoneId").asText()).isEqualTo("inbox-milestone");
    List<JsonNode> meetingOutcomes =
        outcomeRecords.stream()
            .filter(r -> r.topic().equals("partnership.activity.outcomes.north-council"))
            .map(ActivityInboxIT::json)
            .filter(o -> "m-1".equals(o.path("id").asText()))
            .toList();
    assertThat(meetingOutcomes).as("the duplicate gets the same outcome").hasSize(2);
    assertThat(meetingOutcomes.get(1)).isEqualTo(meetingOutcomes.get(0));
    assertThat(
            outcomeRecords.stream()
                .filter(r -> r.value() != null && json(r).path("source").asText().equals(CALENDAR))
                .map(ConsumerRecord::key))
        .as("outcomes are keyed by source")
        .containsOnly(CALENDAR);

    JsonNode invalid = outcome("bad-1");
    assertThat(invalid.get("outcome").asText()).isEqualTo("invalid");
    assertThat(invalid.get("errors").get(0).get("field").asText())
        .isEqualTo("data.durationMinutes");
    assertThat(outcome("tea-1").get("reason").asText()).isEqualTo("unknown-type");
    JsonNode refused = outcome("early-1");
    assertThat(refused.get("outcome").asText()).isEqualTo("refused");
    assertThat(refused.get("rule").asText()).isEqualTo("activity-after-formation");
    List<JsonNode> elsewhere =
        outcomeRecords.stream()
            .filter(r -> r.topic().equals("partnership.activity.outcomes.elsewhere-council"))
            .map(ActivityInboxIT::json)
            .toList();
    assertThat(elsewhere).hasSize(1);
    assertThat(elsewhere.get(0).get("id").asText()).isEqualTo("m-1");
    assertThat(elsewhere.get(0).get("reason").asText()).isEqualTo("not-a-partner");
    JsonNode unreadable =
        outcomeRecords.stream()
            .map(ActivityInboxIT::json)
            .filter(o -> "not-a-cloudevent".equals(o.path("reason").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(unreadable.get("outcome").asText()).isEqualTo("invalid");

    Map<String, ConsumerRecord<String, byte[]>> dltByReason = new LinkedHashMap<>();
    deadLetters.forEach(r -> dltByReason.put(header(r, "reason"), r));
    assertThat(dltByReason)
        .containsOnlyKeys(
            "not-a-cloudevent",
            "invalid-data",
            "unknown-type",
            "activity-after-formation",
            "not-a-partner");
    ConsumerRecord<String, byte[]> garbageDead = dltByReason.get("not-a-cloudevent");
    assertThat(new String(garbageDead.value(), StandardCharsets.UTF_8))
        .isEqualTo("meeting on tuesday");
    assertThat(garbageDead.key()).isEqualTo(PARTNERSHIP);
    assertThat(header(garbageDead, "trace-id")).isEqualTo("t-42");
    assertThat(header(garbageDead, "original-topic")).isEqualTo(NORTH_INBOX);
    assertThat(header(garbageDead, "original-partition")).isNotBlank();
    assertThat(header(garbageDead, "original-offset")).isNotBlank();
    assertThat(header(dltByReason.get("activity-after-formation"), "rule"))
        .isEqualTo("activity-after-formation");
    assertThat(header(dltByReason.get("invalid-data"), "errors")).contains("data.durationMinutes");

    JsonNode history = api.history(PARTNERSHIP);
    List<JsonNode> recordedByInbox = new ArrayList<>();
    history.forEach(
        entry -> {
          if (CALENDAR.equals(entry.path("recordedBy").asText())) {
            recordedByInbox.add(entry);
          }
        });
    assertThat(recordedByInbox.stream().map(e -> e.get("type").asText()))
        .as("each valid record recorded once, the duplicate not again")
        .containsExactly(
            "MeetingHeld",
            "QuickWinDelivered",
            "PulseSurveyAnswered",
            "ProjectProposed",
            "MilestonePlanned",
            "MeetingHeld");
    MeterRegistry metrics = app.getBean(MeterRegistry.class);
    assertThat(
            metrics.find("tracker.inbox.records").tag("outcome", "recorded").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count)
                .sum())
        .as("seven records and the duplicate, counted by outcome and type")
        .isEqualTo(8);
    assertThat(metrics.find("tracker.inbox.dead.letters").counters()).isNotEmpty();
    assertThat(metrics.find("kafka.consumer.fetch.manager.records.lag.max").gauges())
        .as("the inbox consumer's lag is measured")
        .isNotEmpty();
    java.net.http.HttpResponse<String> contract =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://localhost:" + CommandServiceInJvm.port(app) + "/asyncapi.yaml"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(contract.statusCode()).as("the contract is served without a token").isEqualTo(200);
    assertThat(contract.body())
        .contains("asyncapi: 3.0.0", "org.partnershiptracker.meeting.recorded.v1");
    assertThat(recordedByInbox)
        .allSatisfy(
            e -> assertThat(e.get("recordedByOrganisation").asText()).isEqualTo("north-council"));
    List<JsonNode> claimed = new ArrayList<>();
    history.forEach(
        entry -> {
          if (STRANGER.equals(entry.path("recordedBy").asText())) {
            claimed.add(entry);
          }
        });
    assertThat(claimed).hasSize(1);
    assertThat(claimed.get(0).get("recordedByOrganisation").asText())
        .as("the organisation of the topic, not of the claimed source")
        .isEqualTo("north-council");
  }

  /**
   * The secured broker, the service (inbox on) with a formed partnership, two council systems, a
   * reader (the admin) of the outcomes and the dead letters.
   */
  private CommandApi start() {
    broker = KafkaBroker.startSecured(runDir.resolve("kafka"), 0, 0, USERS);
    app =
        CommandServiceInJvm.start(
            runDir.resolve("postgres"),
            "--tracker.publication.enabled=false",
            "--tracker.publication.bootstrap-servers=" + broker.bootstrapServers(),
            "--tracker.publication.security-protocol=SASL_PLAINTEXT",
            "--tracker.publication.username=" + USERS.command().username(),
            "--tracker.publication.password=" + USERS.command().password(),
            "--tracker.publication.send-timeout=5s",
            "--tracker.inbox.enabled=true",
            "--tracker.inbox.partitions=2",
            "--tracker.inbox.organisations=north-council,elsewhere-council",
            "--tracker.inbox.retry-backoff=200ms",
            "--tracker.inbox.max-retry-backoff=2s",
            "--tracker.embedded-postgres.port=" + postgresPort);
    CommandApi api = new CommandApi(CommandServiceInJvm.port(app));
    api.formPartnershipWithPartners(PARTNERSHIP);

    councilSystem = producer(USERS.inbox().councilSystems().get(0).credentials());
    elsewhereSystem = producer(USERS.inbox().councilSystems().get(1).credentials());
    Map<String, Object> readerConfig = broker.clientConfig(USERS.admin());
    readerConfig.put("group.id", "activity-inbox-it");
    readerConfig.put("auto.offset.reset", "earliest");
    readerConfig.put("metadata.max.age.ms", "1000");
    reader =
        new KafkaConsumer<>(readerConfig, new StringDeserializer(), new ByteArrayDeserializer());
    reader.subscribe(
        java.util.regex.Pattern.compile(
            "partnership\\.activity\\.outcomes\\..+|partnership\\.activity\\.inbox\\.dlt"));

    return api;
  }

  @Test
  void recordsThatMeetADatabaseOutageAreRetriedUntilItIsBackNotDeadLettered() throws Exception {
    CommandApi api = start();
    MeterRegistry metrics = app.getBean(MeterRegistry.class);
    long postmaster =
        Long.parseLong(Files.readAllLines(runDir.resolve("postgres/postmaster.pid")).get(0).trim());
    // Hold the database's port, so that the service's restart of it waits while records arrive.
    // The kill and the bind happen while holding the service's database watch (its check is
    // synchronized), so the watch cannot restart PostgreSQL in between and lose the port to us.
    try (ServerSocket blocker = new ServerSocket()) {
      synchronized (app.getBean(EmbeddedDatabase.class)) {
        ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
        await()
            .atMost(Duration.ofSeconds(10))
            .ignoreExceptions()
            .until(
                () -> {
                  blocker.bind(new InetSocketAddress("localhost", postgresPort));
                  return true;
                });
      }
      for (int i = 1; i <= 3; i++) {
        send(
            event(
                "outage-" + i,
                CALENDAR,
                "meeting.recorded.v1",
                """
                {"meetingId":"outage-meeting-%d","type":"CATCH_UP","heldOn":"2025-02-0%d",
                 "durationMinutes":30,"hostOrganisationId":"north-council",
                 "attendees":[{"organisationId":"uni","level":"ANALYST","count":1}]}
                """
                    .formatted(i, i),
                Map.of()));
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> metrics.counter("tracker.inbox.retries").count() >= 3);
      drain();
      assertThat(outcomeRecords).as("no outcome while the database is down").isEmpty();
      assertThat(deadLetters).isEmpty();
    }
    await()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(
            () -> {
              drain();
              assertThat(outcomes.keySet()).contains("outage-1", "outage-2", "outage-3");
            });
    assertThat(outcomes.values())
        .allSatisfy(o -> assertThat(o.get("outcome").asText()).isEqualTo("recorded"));
    assertThat(deadLetters).as("a transient failure is never dead-lettered").isEmpty();
    assertThat(meetingsRecorded(api))
        .containsExactly("outage-meeting-1", "outage-meeting-2", "outage-meeting-3");
  }

  @Test
  void aBrokerRestartedMidStreamLosesNothingAndRecordsNothingTwice() throws Exception {
    CommandApi api = start();
    for (int i = 1; i <= 3; i++) {
      send(meetingEvent("restart-" + i, i));
    }
    broker.close(); // while the inbox is taking the records: outcomes and commits fail
    broker = broker.restart();
    // The restarted broker refuses writes (TopicAuthorizationException) until it has loaded its
    // ACLs again; the council system retries a refused send, as a real one would.
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(() -> send(meetingEvent("restart-4", 4)));
    for (int i = 5; i <= 6; i++) {
      send(meetingEvent("restart-" + i, i));
    }
    await()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(
            () -> {
              drain();
              assertThat(outcomes).hasSize(6);
            });
    assertThat(outcomes.values())
        .allSatisfy(o -> assertThat(o.get("outcome").asText()).isEqualTo("recorded"));
    assertThat(deadLetters).isEmpty();
    assertThat(meetingsRecorded(api))
        .containsExactly(
            "restart-meeting-1",
            "restart-meeting-2",
            "restart-meeting-3",
            "restart-meeting-4",
            "restart-meeting-5",
            "restart-meeting-6");
  }

  private KafkaProducer<String, byte[]> producer(Credentials council) {
    Map<String, Object> config = broker.clientConfig(council);
    config.put("acks", "all");
    return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  private static byte[] meetingEvent(String id, int day) throws Exception {
    return event(
        id,
        CALENDAR,
        "meeting.recorded.v1",
        """
        {"meetingId":"%s","type":"CATCH_UP","heldOn":"2025-02-0%d",
         "durationMinutes":30,"hostOrganisationId":"north-council",
         "attendees":[{"organisationId":"uni","level":"ANALYST","count":1}]}
        """
            .formatted(id.replace("restart-", "restart-meeting-"), day),
        Map.of());
  }

  private static List<String> meetingsRecorded(CommandApi api) {
    return api.historyOf(PARTNERSHIP, "MeetingHeld").stream()
        .map(entry -> entry.get("payload").get("meetingId").asText())
        .toList();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void send(byte[] event) throws Exception {
    councilSystem.send(new ProducerRecord<>(NORTH_INBOX, PARTNERSHIP, event)).get();
  }

  private static byte[] event(
      String id, String source, String type, String data, Map<String, String> extensions)
      throws Exception {
    ObjectNode event = JSON.createObjectNode();
    event.put("specversion", "1.0");
    event.put("id", id);
    event.put("source", source);
    event.put(
        "type",
        type.contains(".v") && !type.startsWith("org.") ? "org.partnershiptracker." + type : type);
    event.put("subject", PARTNERSHIP);
    event.put("time", "2025-02-14T10:00:00Z");
    event.put("datacontenttype", "application/json");
    extensions.forEach(event::put);
    event.set("data", JSON.readTree(data));
    return JSON.writeValueAsBytes(event);
  }

  private void drain() {
    for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
      if (record.topic().endsWith(".dlt")) {
        deadLetters.add(record);
      } else {
        outcomeRecords.add(record);
        JsonNode outcome = json(record);
        if (outcome.hasNonNull("id") && record.topic().endsWith(".north-council")) {
          outcomes.putIfAbsent(outcome.get("id").asText(), outcome);
        }
      }
    }
  }

  private JsonNode outcome(String id) {
    assertThat(outcomes).containsKey(id);
    return outcomes.get(id);
  }

  private static JsonNode json(ConsumerRecord<String, byte[]> record) {
    try {
      return JSON.readTree(record.value());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
