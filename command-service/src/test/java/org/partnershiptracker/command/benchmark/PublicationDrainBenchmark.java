package org.partnershiptracker.command.benchmark;

import static org.partnershiptracker.infra.process.ServiceJvm.freePort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.infra.kafka.KafkaBroker;

/**
 * The publisher's own pace, which intake alone cannot show (the publisher only ever has what was
 * accepted), on a backlog, in the two ways one arises: recorded with publication off and published
 * after the service starts again ({@code publicationDrainsABacklogAtTheBrokersPace}: the JIT still
 * compiling), and recorded by a warm service while Kafka was down ({@code
 * aWarmPublisherDrainsTheBacklogOfAKafkaOutage}). The rate is events acknowledged by Kafka from the
 * first to the last (lag 0), beside Kafka's own producer perf test and a plain producer (acks=all,
 * idempotent) with records of the same mean size, on the same broker in the same run. Not part of
 * the suite; run one at a time:
 *
 * <pre>
 * ./mvnw -B -pl command-service -am package -DskipTests && ./mvnw -B -pl command-service test -Dtest=PublicationDrainBenchmark#publicationDrainsABacklogAtTheBrokersPace -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * ({@code -Dbenchmark.backlog=N} events, default 30,000). It writes
 * docs/benchmarks/publication-drain.md.
 */
class PublicationDrainBenchmark {
  private static final int BACKLOG = Integer.getInteger("benchmark.backlog", 30_000);
  private final IntakeBenchmark intake = new IntakeBenchmark();

  /** A published backlog: events acknowledged, over how long, and the service's CPU meanwhile. */
  private record Drain(long published, double seconds, double cpuMs) {
    double rate() {
      return published / seconds;
    }
  }

  /** After a restart: the service's start is the JIT's too, so it publishes while compiling. */
  @Test
  void publicationDrainsABacklogAtTheBrokersPace() throws Exception {
    Path dir = IntakeBenchmark.runDir("drain-benchmark");
    int port = freePort();
    int postgresPort = freePort();
    String base = "http://localhost:" + port;
    String page;
    try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), 0, 0)) {
      Process recorder =
          IntakeBenchmark.startService(
              dir, port, postgresPort, broker, List.of("--tracker.publication.enabled=false"));
      long recorded;
      try {
        intake.readyWithPartnerships(base);
        recorded = recordBacklog(base);
      } finally {
        recorder.destroy();
        recorder.waitFor();
      }
      Process publisher = IntakeBenchmark.startService(dir, port, postgresPort, broker, List.of());
      try {
        IntakeBenchmark.waitFor(
            () -> intake.get(base + "/actuator/health/readiness").statusCode() == 200,
            Duration.ofMinutes(3));
        Drain drain = drain(base, publisher, 0, recorded);
        page =
            page(
                "recorded with publication off, then the service started again on the same event"
                    + " store with publication on and published it",
                "publicationDrainsABacklogAtTheBrokersPace",
                recorded,
                drain,
                broker);
      } finally {
        publisher.destroy();
        publisher.waitFor();
      }
    }
    write(page);
  }

  /**
   * A warm service (warmed up as in {@link IntakeBenchmark}) goes on taking commands while Kafka is
   * down; when Kafka is back, it publishes the backlog.
   */
  @Test
  void aWarmPublisherDrainsTheBacklogOfAKafkaOutage() throws Exception {
    Path dir = IntakeBenchmark.runDir("drain-benchmark");
    int port = freePort();
    String base = "http://localhost:" + port;
    String page;
    KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), 0, 0);
    try {
      Process service = IntakeBenchmark.startService(dir, port, freePort(), broker, List.of());
      try {
        intake.readyWithPartnerships(base);
        intake.load(base, 16, IntakeBenchmark.WARM_UP);
        IntakeBenchmark.waitFor(() -> lag(base) == 0, Duration.ofMinutes(5));
        long before = published(base);
        broker.close();
        long recorded = recordBacklog(base);
        broker = broker.restart();
        page =
            page(
                "recorded while the broker was stopped, by a service warmed up by %d s of load;"
                        .formatted(IntakeBenchmark.WARM_UP.toSeconds())
                    + " then the broker started again and the service published it",
                "aWarmPublisherDrainsTheBacklogOfAKafkaOutage",
                recorded,
                drain(base, service, before, before + recorded),
                broker);
      } finally {
        service.destroy();
        service.waitFor();
      }
    } finally {
      broker.close();
    }
    write(page);
  }

  /** At least {@link #BACKLOG} meetings from 64 clients; how many were accepted. */
  private long recordBacklog(String base) throws Exception {
    long recorded = 0;
    while (recorded < BACKLOG) {
      recorded += intake.load(base, 64, Duration.ofSeconds(10)).count();
    }
    return recorded;
  }

  private long published(String base) {
    return (long) intake.metric(base, "tracker_events_published_total");
  }

  private double lag(String base) {
    return intake.metric(base, "tracker_publication_lag_events");
  }

  /**
   * From the first event acknowledged after {@code before} to the lag at 0 with at least {@code
   * until} acknowledged: the publisher's own time, not the service's start or a retry's back-off.
   */
  private Drain drain(String base, Process service, long before, long until) throws Exception {
    long firstCount = before;
    long firstSeen = 0;
    while (firstCount <= before) {
      firstCount = published(base);
      firstSeen = System.nanoTime();
      Thread.sleep(50); // sampling a running service, not a test
    }
    var cpuBefore = IntakeBenchmark.cpu(service);
    while (true) {
      long count = published(base);
      long now = System.nanoTime();
      if (lag(base) == 0 && count >= until) {
        double cpuMs = IntakeBenchmark.cpu(service).minus(cpuBefore).toNanos() / 1e6;
        return new Drain(count - firstCount, (now - firstSeen) / 1e9, cpuMs);
      }
      Thread.sleep(50);
    }
  }

  private static String page(
      String how, String which, long recorded, Drain drain, KafkaBroker broker) throws Exception {
    int meanSize = meanRecordSize(broker.bootstrapServers());
    double ceiling = IntakeBenchmark.producerCeiling(broker.bootstrapServers(), meanSize);
    double perfTest = Ceilings.kafkaProducerPerfTest(broker.bootstrapServers(), 100_000, meanSize);
    return """
    # Benchmark: publication of a backlog

    - Date: %s; machine: %d cores, shared with other work
    - The command-service exec jar as its own JVM (-Xmx512m) with its embedded PostgreSQL (fsync
      on), a real KRaft broker in the benchmark's JVM. A backlog of %,d meetings (64 clients) was
      %s (4 segments, one instance).
    - Reproduce: `./mvnw -B -pl command-service -am package -DskipTests && ./mvnw -B -pl command-service test -Dtest=PublicationDrainBenchmark#%s -Dsurefire.failIfNoSpecifiedTests=false`
    - Target (issue 8): publication ≥ 90%% of the producer ceiling.

    | events published (first to last acknowledged) | seconds | publication (events/s) | mean record (bytes) | Kafka's producer perf test, same size, same broker (records/s) | a plain producer in the benchmark's JVM (records/s) | publication ÷ perf test | service CPU per event (ms) |
    |---|---|---|---|---|---|---|---|
    | %,d | %.1f | %,.0f | %,d | %,.0f | %,.0f | %.0f%% | %.3f |
    """
        .formatted(
            LocalDateTime.now().withNano(0),
            Runtime.getRuntime().availableProcessors(),
            recorded,
            how,
            which,
            drain.published(),
            drain.seconds(),
            drain.rate(),
            meanSize,
            perfTest,
            ceiling,
            100 * drain.rate() / perfTest,
            drain.cpuMs() / Math.max(1, drain.published()));
  }

  private static void write(String page) throws java.io.IOException {
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
