package org.partnershiptracker.command.benchmark;

import static org.partnershiptracker.infra.process.ServiceJvm.freePort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.infra.kafka.KafkaBroker;

/**
 * The publisher's own pace, which intake alone cannot show (the publisher only ever has what was
 * accepted): the command-service records a backlog with publication off, then starts again on the
 * same event store with publication on and publishes it all. The rate is events acknowledged by
 * Kafka from the first to the last (lag 0), beside Kafka's own producer perf test and a plain
 * producer (acks=all, idempotent) with records of the same mean size, on the same broker in the
 * same run. Not part of the suite; run:
 *
 * <pre>
 * ./mvnw -B -pl command-service -am package -DskipTests && ./mvnw -B -pl command-service test -Dtest=PublicationDrainBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * ({@code -Dbenchmark.backlog=N} events, default 30,000). It writes
 * docs/benchmarks/publication-drain.md.
 */
class PublicationDrainBenchmark {
  private static final int BACKLOG = Integer.getInteger("benchmark.backlog", 30_000);
  private final IntakeBenchmark intake = new IntakeBenchmark();

  @Test
  void publicationDrainsABacklogAtTheBrokersPace() throws Exception {
    Path dir = Path.of("target/drain-benchmark-" + UUID.randomUUID()).toAbsolutePath();
    Files.createDirectories(dir);
    int port = freePort();
    int postgresPort = freePort();
    String base = "http://localhost:" + port;
    String page;
    try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), 0, 0)) {
      Process recorder =
          IntakeBenchmark.startService(
              dir, port, postgresPort, broker, List.of("--tracker.publication.enabled=false"));
      long recorded = 0;
      long recordingStarted = System.nanoTime();
      try {
        intake.readyWithPartnerships(base);
        while (recorded < BACKLOG) {
          recorded += intake.load(base, 64, Duration.ofSeconds(10)).count();
        }
      } finally {
        recorder.destroy();
        recorder.waitFor();
      }
      double recordingSeconds = (System.nanoTime() - recordingStarted) / 1e9;

      Process publisher = IntakeBenchmark.startService(dir, port, postgresPort, broker, List.of());
      try {
        IntakeBenchmark.waitFor(
            () -> intake.get(base + "/actuator/health/readiness").statusCode() == 200,
            Duration.ofMinutes(3));
        // From the first acknowledged event to the last: the service's start is not the publisher.
        long firstSeen = 0;
        long firstCount = 0;
        while (firstCount == 0) {
          firstCount = (long) intake.metric(base, "tracker_events_published_total");
          firstSeen = System.nanoTime();
          Thread.sleep(50); // sampling a running service, not a test
        }
        var cpuBefore = IntakeBenchmark.cpu(publisher);
        long lastCount;
        long drained;
        while (true) {
          lastCount = (long) intake.metric(base, "tracker_events_published_total");
          drained = System.nanoTime();
          if (intake.metric(base, "tracker_publication_lag_events") == 0 && lastCount > recorded) {
            break;
          }
          Thread.sleep(50);
        }
        double cpuMs = IntakeBenchmark.cpu(publisher).minus(cpuBefore).toNanos() / 1e6;
        long published = lastCount - firstCount;
        double rate = published / ((drained - firstSeen) / 1e9);
        int meanSize = meanRecordSize(broker.bootstrapServers());
        double ceiling = IntakeBenchmark.producerCeiling(broker.bootstrapServers(), meanSize);
        double perfTest =
            Ceilings.kafkaProducerPerfTest(broker.bootstrapServers(), 100_000, meanSize);
        page =
            """
            # Benchmark: publication of a backlog

            - Date: %s; machine: %d cores, shared with other work
            - The command-service exec jar as its own JVM (-Xmx512m) with its embedded PostgreSQL (fsync
              on), a real KRaft broker in the benchmark's JVM. A backlog of %,d meetings was recorded with
              publication off (64 clients, %.0f s), then the service started again on the same event store
              with publication on (4 segments, one instance) and published it.
            - Reproduce: `./mvnw -B -pl command-service -am package -DskipTests && ./mvnw -B -pl command-service test -Dtest=PublicationDrainBenchmark -Dsurefire.failIfNoSpecifiedTests=false`
            - Target (issue 8): publication ≥ 90%% of the producer ceiling.

            | events published (first to last acknowledged) | seconds | publication (events/s) | mean record (bytes) | Kafka's producer perf test, same size, same broker (records/s) | a plain producer in the benchmark's JVM (records/s) | publication ÷ perf test | service CPU per event (ms) |
            |---|---|---|---|---|---|---|---|
            | %,d | %.1f | %,.0f | %,d | %,.0f | %,.0f | %.0f%% | %.3f |
            """
                .formatted(
                    LocalDateTime.now().withNano(0),
                    Runtime.getRuntime().availableProcessors(),
                    recorded,
                    recordingSeconds,
                    published,
                    (drained - firstSeen) / 1e9,
                    rate,
                    meanSize,
                    perfTest,
                    ceiling,
                    100 * rate / perfTest,
                    cpuMs / Math.max(1, published));
      } finally {
        publisher.destroy();
        publisher.waitFor();
      }
    }
    Path out =
        Path.of(System.getProperty("benchmark.out", "../docs/benchmarks/publication-drain.md"));
    Files.writeString(out, page);
    System.out.println(page);
  }

  /** The mean value size of the first few thousand records of the events topic. */
  private static int meanRecordSize(String bootstrapServers) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "drain-benchmark-sizes",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of("partnership.events"));
      long bytes = 0;
      int records = 0;
      for (int polls = 0; polls < 30 && records < 5_000; polls++) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          bytes += record.value().length;
          records++;
        }
      }
      if (records == 0) {
        throw new IllegalStateException("no records on partnership.events");
      }
      return (int) (bytes / records);
    }
  }
}
