package org.partnershiptracker.query.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.events.EventEnvelope;
import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.events.partnership.MeetingHeld;
import org.partnershiptracker.events.partnership.PartnerJoined;
import org.partnershiptracker.events.partnership.PartnershipFormed;
import org.partnershiptracker.events.value.Attendance;
import org.partnershiptracker.events.value.AttendeeLevel;
import org.partnershiptracker.events.value.MeetingId;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.Sector;
import org.partnershiptracker.infra.kafka.KafkaBroker;
import org.partnershiptracker.query.QueryServiceApplication;
import org.partnershiptracker.query.timeline.ProjectionRunner;
import org.partnershiptracker.query.timeline.RebuildProgress;
import org.partnershiptracker.query.timeline.TimelineStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Live consumption and rebuild rate of the partnership timeline: 100 partnerships, 50,000 events
 * on a real broker, the query-service with its MongoDB-wire server (H2 file store). Not part of
 * the test suite; run:
 *
 * <pre>./mvnw -B -pl query-service -am test -Dtest=RebuildBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * It writes its figures to docs/benchmarks/rebuild.md.
 */
class RebuildBenchmark {
  private static final int PARTNERSHIPS = 100;
  private static final int EVENTS = 50_000;
  private final ObjectMapper json =
      new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Test
  void rebuildRate() throws Exception {
    Path dir = Path.of("target/benchmark-" + UUID.randomUUID()).toAbsolutePath();
    try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), 0, 0)) {
      try (Admin admin = Admin.create(java.util.Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("partnership.events", 6, (short) 1))).all().get();
      }
      produce(broker);
      Instant liveStart = Instant.now();
      try (ConfigurableApplicationContext app = new SpringApplicationBuilder(QueryServiceApplication.class)
          .run("--server.port=0", "--tracker.embedded-mongo.data-dir=" + dir.resolve("mongo"),
              "--tracker.projection.bootstrap-servers=" + broker.bootstrapServers(), "--logging.level.root=WARN")) {
        TimelineStore store = app.getBean(TimelineStore.class);
        ProjectionRunner runner = app.getBean(ProjectionRunner.class);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
            .until(() -> store.eventCount(store.activeGeneration()) == EVENTS);
        double liveSeconds = Duration.between(liveStart, Instant.now()).toMillis() / 1000.0;

        runner.requestRebuild();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
            .until(() -> "COMPLETED".equals(runner.progress().state()));
        RebuildProgress rebuild = runner.progress();
        double rebuildSeconds = Duration.between(rebuild.startedAt(), rebuild.finishedAt()).toMillis() / 1000.0;

        String report = """
            # Benchmark: consuming and rebuilding the partnership timeline

            %,d events (%d partnerships: formation, two partners, then meetings) on a real Kafka
            broker (KRaft, in process, 6 partitions), consumed by the query-service into its
            MongoDB-wire server (mongo-java-server, H2 file store), %s records per poll, one
            unordered bulk write per poll.

            | run | events | seconds | events/s |
            |---|---|---|---|
            | live consumption from an empty store (includes start-up) | %,d | %.1f | %.0f |
            | rebuild into a new generation, old one answering meanwhile | %,d | %.1f | %.0f |

            Measured %s on this project's development machine (2 cores). Reproduce with:

                ./mvnw -B -pl query-service -am test -Dtest=RebuildBenchmark -Dsurefire.failIfNoSpecifiedTests=false
            """.formatted(EVENTS, PARTNERSHIPS, app.getEnvironment().getProperty("tracker.projection.max-poll-records"),
                EVENTS, liveSeconds, EVENTS / liveSeconds, rebuild.eventsDone(), rebuildSeconds, rebuild.eventsDone() / rebuildSeconds,
                LocalDateTime.now().withNano(0));
        Path out = Path.of("../docs/benchmarks/rebuild.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
      }
    }
  }

  private void produce(KafkaBroker broker) throws Exception {
    OrganisationId council = OrganisationId.of("council");
    OrganisationId uni = OrganisationId.of("uni");
    LocalDate formed = LocalDate.of(2024, 1, 1);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
        java.util.Map.of("bootstrap.servers", broker.bootstrapServers(), "linger.ms", 20, "acks", "all"),
        new StringSerializer(), new ByteArraySerializer())) {
      long position = 0;
      int perPartnership = EVENTS / PARTNERSHIPS;
      for (int p = 0; p < PARTNERSHIPS; p++) {
        PartnershipId id = PartnershipId.of("partnership-" + p);
        for (int i = 0; i < perPartnership; i++) {
          PartnershipEvent event = switch (i) {
            case 0 -> new PartnershipFormed(id, "Partnership " + p, null, formed);
            case 1 -> new PartnerJoined(id, council, "Council", Sector.LOCAL_AUTHORITY, formed);
            case 2 -> new PartnerJoined(id, uni, "University", Sector.UNIVERSITY, formed);
            default -> new MeetingHeld(id, MeetingId.of("m-" + i), MeetingType.values()[i % 11], formed.plusDays(i % 700), 60,
                council, List.of(new Attendance(uni, AttendeeLevel.RESEARCHER, 2)), null);
          };
          position++;
          EventEnvelope<JsonNode> envelope = new EventEnvelope<>(UUID.randomUUID().toString(), event.getClass().getSimpleName(), "1",
              id, "Partnership", id.value(), i, position, Instant.now(), json.valueToTree(event));
          producer.send(new ProducerRecord<>("partnership.events", id.value(), json.writeValueAsBytes(envelope)));
        }
      }
      producer.flush();
    }
  }
}
