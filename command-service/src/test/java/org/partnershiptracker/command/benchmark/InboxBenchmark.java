package org.partnershiptracker.command.benchmark;

import static org.partnershiptracker.infra.process.ServiceJvm.freePort;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.infra.kafka.KafkaBroker;

/**
 * The activity inbox's throughput beside the HTTP intake's, in the same run of the same service:
 * the command-service exec jar (its own JVM, embedded PostgreSQL, a real KRaft broker, inbox on,
 * tokens from an in-process issuer) takes POSTed meetings from 16 clients for 20 s
 * (IntakeBenchmark's load), then drains a backlog of meeting CloudEvents published on North's inbox
 * topic (records/s from the first record sent to the last outcome counted); both beside the plain
 * Kafka producer's ceiling on the same broker (IntakeBenchmark's). The machine is small and shared,
 * so the ratios are the figures to compare between runs. Not part of the suite; run:
 *
 * <pre>
 * ./mvnw -B -pl command-service -am package -DskipTests && ./mvnw -B -pl shared-events,infra,command-service test -Dtest=InboxBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * ({@code -Dbenchmark.records=…} for the inbox backlog, default 3,000). It writes
 * docs/benchmarks/inbox.md.
 */
class InboxBenchmark {
  private static final int RECORDS = Integer.getInteger("benchmark.records", 3000);
  private static final int HTTP_CLIENTS = 16;
  private static final String ORGANISATION = "north-council";

  @Test
  void inboxBesideHttpIntake() throws Exception {
    Path dir = Path.of("target/inbox-benchmark-" + UUID.randomUUID()).toAbsolutePath();
    Files.createDirectories(dir);
    int port = freePort();
    IntakeBenchmark harness = new IntakeBenchmark();
    String page;
    try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), 0, 0)) {
      Process service =
          IntakeBenchmark.startService(
              dir,
              port,
              freePort(),
              broker,
              List.of(
                  "--tracker.inbox.enabled=true", "--tracker.inbox.organisations=" + ORGANISATION));
      try {
        String base = "http://localhost:" + port;
        harness.readyWithPartnerships(base);

        long httpStart = System.nanoTime();
        IntakeBenchmark.Load http = harness.load(base, HTTP_CLIENTS, IntakeBenchmark.PHASE);
        double httpRate = http.count() / ((System.nanoTime() - httpStart) / 1e9);
        System.out.printf("[inbox-benchmark] HTTP: %,.0f commands/s%n", httpRate);

        double before = harness.metric(base, "tracker_inbox_records_total");
        long inboxStart = System.nanoTime();
        double producerSeconds = publish(broker.bootstrapServers());
        IntakeBenchmark.waitFor(
            () -> harness.metric(base, "tracker_inbox_records_total") - before >= RECORDS,
            Duration.ofMinutes(4));
        double inboxRate = RECORDS / ((System.nanoTime() - inboxStart) / 1e9);
        double recorded = recorded(harness.get(base + "/actuator/prometheus").body());
        System.out.printf("[inbox-benchmark] inbox: %,.0f records/s%n", inboxRate);

        double ceiling = IntakeBenchmark.producerCeiling(broker.bootstrapServers());
        page =
            """
            # Benchmark: the activity inbox beside the HTTP intake

            - Date: %s; machine: %d cores, shared with other work (figures move with its load: compare the ratios)
            - One run of the command-service exec jar (its own JVM, -Xmx512m, embedded PostgreSQL with fsync on,
              inbox on) with a real KRaft broker in the benchmark's JVM; %d partnerships.
            - HTTP intake: %d clients POST meetings (Idempotency-Key, bearer token) for %d s (IntakeBenchmark's load).
            - Inbox: a backlog of %,d meeting CloudEvents (structured mode, ~600 bytes) published on
              `partnership.activity.inbox.north-council` (sent in %.1f s); the rate is records from the first one
              sent until `tracker_inbox_records_total` has counted them all (each record: strict read, validation,
              idempotency claim, the command, outcome stored with its events, outcome acknowledged by Kafka
              (acks=all) before its offset is committed).
            - Ceiling: the plain Kafka producer (acks=all, idempotent, 700-byte records) on the same broker.
            - Reproduce: `./mvnw -B -pl command-service -am package -DskipTests && ./mvnw -B -pl shared-events,infra,command-service test -Dtest=InboxBenchmark -Dsurefire.failIfNoSpecifiedTests=false`

            | | per second | ÷ producer ceiling |
            |---|---|---|
            | HTTP intake, %d clients (commands; p50 %.1f ms, p99 %.1f ms, %d errors) | %,.0f | %.4f |
            | Inbox, one consumer (records; %,.0f recorded in all) | %,.0f | %.4f |
            | Kafka producer ceiling (records) | %,.0f | 1 |

            **Inbox ÷ HTTP intake: %.2f.**
            """
                .formatted(
                    LocalDateTime.now().withNano(0),
                    Runtime.getRuntime().availableProcessors(),
                    IntakeBenchmark.PARTNERSHIPS,
                    HTTP_CLIENTS,
                    IntakeBenchmark.PHASE.toSeconds(),
                    RECORDS,
                    producerSeconds,
                    HTTP_CLIENTS,
                    http.percentile(50),
                    http.percentile(99),
                    http.errors(),
                    httpRate,
                    httpRate / ceiling,
                    recorded,
                    inboxRate,
                    inboxRate / ceiling,
                    ceiling,
                    inboxRate / httpRate);
      } finally {
        service.destroy();
        service.waitFor();
      }
    }
    Files.writeString(Path.of("../docs/benchmarks/inbox.md"), page);
    System.out.println(page);
  }

  /** Publishes the backlog as North's calendar would; the seconds it took. */
  private static double publish(String bootstrapServers) throws Exception {
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> calendar = IntakeBenchmark.producer(bootstrapServers)) {
      for (int i = 0; i < RECORDS; i++) {
        String partnership = "load-" + (i % IntakeBenchmark.PARTNERSHIPS);
        String event =
            """
            {"specversion":"1.0","id":"bench-%d","source":"https://calendar.north-council.example/bench",\
            "type":"org.partnershiptracker.meeting.recorded.v1","subject":"%s","datacontenttype":"application/json",\
            "data":{"type":"WORKING_SESSION","heldOn":"%s","durationMinutes":90,"hostOrganisationId":"north-council",\
            "attendees":[{"organisationId":"uni","level":"RESEARCHER","count":2},{"organisationId":"north-council","level":"ANALYST","count":3}]}}\
            """
                .formatted(i, partnership, LocalDate.of(2025, 2, 3).plusDays(i % 300));
        calendar.send(
            new ProducerRecord<>(
                "partnership.activity.inbox." + ORGANISATION,
                partnership,
                event.getBytes(StandardCharsets.UTF_8)));
      }
      calendar.flush();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Records the inbox recorded (outcome="recorded"), from a Prometheus scrape. */
  private static double recorded(String scrape) {
    double sum = 0;
    java.util.regex.Matcher line =
        java.util.regex.Pattern.compile(
                "^tracker_inbox_records_total\\{[^}]*outcome=\"recorded\"[^}]*\\} ([0-9.eE+-]+)$",
                java.util.regex.Pattern.MULTILINE)
            .matcher(scrape);
    while (line.find()) {
      sum += Double.parseDouble(line.group(1));
    }
    return sum;
  }
}
