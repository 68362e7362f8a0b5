package org.partnershiptracker.command.benchmark;

import static org.partnershiptracker.infra.process.ServiceJvm.freePort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.infra.kafka.KafkaBroker;
import org.partnershiptracker.infra.process.ServiceJvm;
import org.partnershiptracker.infra.security.TokenMint;

/**
 * Command → query visibility at half the maximum intake: the command-service and the query-service
 * (exec jars, own JVMs, -Xmx512m each) on one real broker. First the maximum intake is measured (64
 * clients, as in {@link IntakeBenchmark}); then, while 16 clients keep half of it, probes POST a
 * meeting to a partnership of their own one at a time and poll the query side's interactions for
 * that day until the meeting counts: visibility is the time from the command's 201 to the first
 * answer that shows it. Not part of the suite; run:
 *
 * <pre>
 * ./mvnw -B -pl command-service,query-service -am package -DskipTests && ./mvnw -B -pl command-service test -Dtest=VisibilityBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * It writes docs/benchmarks/visibility.md ({@code benchmark.out}); {@code benchmark.probes} (300),
 * {@code benchmark.background} (0.5 of the maximum intake; 0 probes an otherwise idle stack),
 * {@code benchmark.query-jvm-options}.
 */
class VisibilityBenchmark {
  private static final int PROBES = Integer.getInteger("benchmark.probes", 300);

  /**
   * The share of the maximum intake kept up in the background while probing (the target's: half).
   */
  private static final double BACKGROUND =
      Double.parseDouble(System.getProperty("benchmark.background", "0.5"));

  private static final String PROBE = "probe";

  /** Extra options of the query-service's JVM (a flight recording, say), space-separated. */
  private static final List<String> QUERY_JVM_OPTIONS =
      IntakeBenchmark.words("benchmark.query-jvm-options");

  private static final String PROBE_DAY = "2025-06-02";
  private static final TokenMint ISSUER = TokenMint.shared();
  private static final String RECORDER =
      ISSUER.bearer("north-council-system", "north-council", "recorder");
  private static final String ANALYST =
      ISSUER.bearer("benchmark-analyst", "uni", "admin", "analyst");
  private final HttpClient http = HttpClient.newHttpClient();
  private final IntakeBenchmark intake = new IntakeBenchmark();

  @Test
  void visibilityAtHalfTheMaximumIntake() throws Exception {
    Path dir = IntakeBenchmark.runDir("visibility-benchmark");
    int commandPort = freePort();
    int queryPort = freePort();
    String commands = "http://localhost:" + commandPort;
    String queries = "http://localhost:" + queryPort;
    String page;
    try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), 0, 0)) {
      Process commandService =
          IntakeBenchmark.startService(dir, commandPort, freePort(), broker, List.of());
      Process queryService =
          ServiceJvm.start(
              ServiceJvm.execJar("query-service"),
              "512m",
              QUERY_JVM_OPTIONS,
              queryPort,
              dir.resolve("query-service.log"),
              List.of(
                  ISSUER.issuerArgument(),
                  "--tracker.embedded-mongo.data-dir=" + dir.resolve("mongo"),
                  "--tracker.projection.bootstrap-servers=" + broker.bootstrapServers(),
                  "--logging.level.root=WARN"));
      try {
        intake.readyWithPartnerships(commands);
        intake.formPartnership(commands, PROBE);
        IntakeBenchmark.waitFor(
            () -> status(queries + "/actuator/health/readiness") == 200, Duration.ofMinutes(3));
        // Both services warm, as in use: the query side's HTTP path too, read as the probes read
        // it (without this, the probes' first minute compiled it: docs/benchmarks/visibility.md).
        Thread reader = readWhileWarmingUp(queries);
        intake.load(commands, 16, IntakeBenchmark.WARM_UP);
        reader.interrupt();
        reader.join();
        IntakeBenchmark.Load max = intake.load(commands, 64, IntakeBenchmark.PHASE);
        double maxRate = max.count() / (double) IntakeBenchmark.PHASE.toSeconds();
        double pace = maxRate * BACKGROUND;
        // Probing starts with nothing in flight: every event published, and every record on the
        // topic applied (counted against the topic's end offsets, not the service's lag gauge).
        IntakeBenchmark.waitFor(
            () ->
                intake.metric(commands, "tracker_publication_lag_events") == 0
                    && projected(queries) >= recordsOnTopic(broker.bootstrapServers()),
            Duration.ofMinutes(10));
        double projectedBefore = projected(queries);

        // When each probe's event reached Kafka: splits visibility into publication and projection.
        List<Long> onKafka = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread watcher = watchProbes(broker.bootstrapServers(), onKafka);
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<IntakeBenchmark.Load> load =
            background.submit(
                () ->
                    pace > 0
                        ? intake.load(commands, 16, Duration.ofSeconds(3600), pace, () -> probing)
                        : new IntakeBenchmark.Load(0, 0, new long[0]));
        List<Long> visibleMicros = new ArrayList<>();
        List<Long> publishedMicros = new ArrayList<>();
        QuerySide before = QuerySide.read(intake, queries);
        long started = System.nanoTime();
        for (int probe = 1; probe <= PROBES; probe++) {
          int status =
              IntakeBenchmark.postMeeting(
                  commands + "/api/partnerships/" + PROBE + "/meetings", meetingOn(PROBE_DAY));
          long answered = System.nanoTime();
          if (status != 201) {
            throw new IllegalStateException("a probe was answered " + status);
          }
          int expected = probe;
          while (meetingsSeen(queries) < expected) {
            Thread.sleep(5); // polling a service from a benchmark: 5 ms is the resolution
          }
          visibleMicros.add((System.nanoTime() - answered) / 1000);
          // The probe partnership's own events: 3 at its forming, then one per probe.
          long arrived = onKafka.size() >= 3 + probe ? onKafka.get(2 + probe) : answered;
          publishedMicros.add(Math.max(0, arrived - answered) / 1000);
        }
        watcher.interrupt();
        QuerySide querySide = QuerySide.read(intake, queries).minus(before);
        double projectedWhileProbing = projected(queries) - projectedBefore;
        double seconds = (System.nanoTime() - started) / 1e9;
        probing = false;
        IntakeBenchmark.Load during = load.get();
        background.shutdown();
        long[] sorted = visibleMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        IntakeBenchmark.Load visibility = new IntakeBenchmark.Load(sorted.length, 0, sorted);
        IntakeBenchmark.Load publication =
            new IntakeBenchmark.Load(
                publishedMicros.size(),
                0,
                publishedMicros.stream().mapToLong(Long::longValue).sorted().toArray());
        page =
            """
            # Benchmark: command → query visibility (write side to read side)

            - Date: %s; machine: %d cores, shared with other work
            - The command-service and the query-service exec jars as their own JVMs (-Xmx512m each), a real
              KRaft broker in the benchmark's JVM; 50 load partnerships and one probe partnership; both services
              warmed up by %d s of load at 16 clients first (`benchmark.warmup-seconds`).
            - Reproduce: `./mvnw -B -pl command-service,query-service -am package -DskipTests && ./mvnw -B -pl command-service test -Dtest=VisibilityBenchmark -Dsurefire.failIfNoSpecifiedTests=false`
            - Target (issue 8): command → query visibility p99 < 250 ms at half the maximum intake.

            | figure | measured |
            |---|---|
            | maximum intake (64 clients, %d s) | %,.0f commands/s (p99 %.1f ms) |
            | background load while probing (16 clients, paced at %.0f%% of the maximum, `benchmark.background`) | %,.0f commands/s (%,d commands in %.0f s, %d errors) |
            | probes (one at a time: POST a meeting, then poll `/interactions` for its day) | %d |
            | visibility from the 201 to the query side counting it: p50 / p95 / p99 / max | %.1f / %.1f / **%.1f** / %.1f ms |
            | of which publication, from the 201 to the record on Kafka (a consumer in the benchmark's JVM): p50 / p95 / p99 | %.1f / %.1f / %.1f ms |
            | records the query side applied while probing (a check: probes + background, nothing left over from before) | %,.0f |
            | its batches while probing (`tracker_projection_batch_seconds`): batches/s, events per batch, mean time to store one | %.1f / %.1f / %.1f ms |
            """
                .formatted(
                    LocalDateTime.now().withNano(0),
                    Runtime.getRuntime().availableProcessors(),
                    IntakeBenchmark.WARM_UP.toSeconds(),
                    IntakeBenchmark.PHASE.toSeconds(),
                    maxRate,
                    max.percentile(99),
                    BACKGROUND * 100,
                    during.count() / seconds,
                    during.count(),
                    seconds,
                    during.errors(),
                    sorted.length,
                    visibility.percentile(50),
                    visibility.percentile(95),
                    visibility.percentile(99),
                    sorted[sorted.length - 1] / 1000.0,
                    publication.percentile(50),
                    publication.percentile(95),
                    publication.percentile(99),
                    projectedWhileProbing,
                    querySide.batches() / seconds,
                    querySide.records() / Math.max(1, querySide.batches()),
                    querySide.batchSeconds() * 1000 / Math.max(1, querySide.batches()));
      } finally {
        queryService.destroy();
        commandService.destroy();
        queryService.waitFor();
        commandService.waitFor();
      }
    }
    Path out = Path.of(System.getProperty("benchmark.out", "../docs/benchmarks/visibility.md"));
    Files.writeString(out, page);
    System.out.println(page);
  }

  private volatile boolean probing = true;

  /** The query-service's batch figures: records, batches, time storing them. */
  record QuerySide(double records, double batches, double batchSeconds) {
    static QuerySide read(IntakeBenchmark intake, String queries) {
      return new QuerySide(
          intake.metric(queries, "tracker_projection_delay_seconds_count"),
          intake.metric(queries, "tracker_projection_batch_seconds_count"),
          intake.metric(queries, "tracker_projection_batch_seconds_sum"));
    }

    QuerySide minus(QuerySide earlier) {
      return new QuerySide(
          records - earlier.records,
          batches - earlier.batches,
          batchSeconds - earlier.batchSeconds);
    }
  }

  /** Notes the arrival time of every record of the probe partnership on the events topic. */
  private static Thread watchProbes(String bootstrap, List<Long> arrivals) {
    Thread thread =
        new Thread(
            () -> {
              try (var consumer =
                  new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(
                      java.util.Map.of(
                          "bootstrap.servers",
                          bootstrap,
                          "group.id",
                          "visibility-" + UUID.randomUUID(),
                          "auto.offset.reset",
                          "earliest",
                          "allow.auto.create.topics",
                          false),
                      new org.apache.kafka.common.serialization.StringDeserializer(),
                      new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
                consumer.subscribe(List.of("partnership.events"));
                while (!Thread.currentThread().isInterrupted()) {
                  for (var record : consumer.poll(Duration.ofMillis(100))) {
                    if (PROBE.equals(record.key())) {
                      arrivals.add(System.nanoTime());
                    }
                  }
                }
              } catch (org.apache.kafka.common.errors.InterruptException e) {
                // the probes are done
              }
            },
            "probe-watcher");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static String meetingOn(String day) {
    return """
    {"type":"WORKING_SESSION","heldOn":"%s","durationMinutes":60,"hostOrganisationId":"north-council",
     "attendees":[{"organisationId":"uni","level":"RESEARCHER","count":1}]}\
    """
        .formatted(day);
  }

  private static final Pattern TOTAL = Pattern.compile("\"totalInteractions\":(\\d+)");

  private int meetingsSeen(String queries) {
    HttpResponse<String> answer =
        get(
            queries
                + "/api/partnerships/"
                + PROBE
                + "/interactions?from="
                + PROBE_DAY
                + "&to="
                + PROBE_DAY);
    if (answer.statusCode() != 200) {
      return 0; // not projected yet
    }
    Matcher total = TOTAL.matcher(answer.body());
    return total.find() ? Integer.parseInt(total.group(1)) : 0;
  }

  /** Reads the probe partnership's interactions every 5 ms, as a probe does, until interrupted. */
  private Thread readWhileWarmingUp(String queries) {
    Thread thread =
        new Thread(
            () -> {
              try {
                while (!Thread.currentThread().isInterrupted()) {
                  meetingsSeen(queries);
                  Thread.sleep(5); // the probes' pace
                }
              } catch (InterruptedException e) {
                // the warm-up is over
              }
            },
            "warm-up-reader");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Records the query side has been through: applied, or recognised as redelivered. */
  private double projected(String queries) {
    return intake.metric(queries, "tracker_projection_events_applied_total")
        + intake.metric(queries, "tracker_projection_events_duplicate_total");
  }

  /** Records on the events topic: the sum of its partitions' end offsets (no transactions). */
  private static long recordsOnTopic(String bootstrap) {
    try (var consumer =
        new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(
            java.util.Map.of("bootstrap.servers", bootstrap),
            new org.apache.kafka.common.serialization.StringDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      var partitions =
          consumer.partitionsFor("partnership.events").stream()
              .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition()))
              .toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private int status(String url) {
    return get(url).statusCode();
  }

  private HttpResponse<String> get(String url) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(url)).header("Authorization", ANALYST).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
