package org.partnershiptracker.query.benchmark;

import static org.partnershiptracker.events.EventTopics.HEADER_EVENT_ID;
import static org.partnershiptracker.events.EventTopics.HEADER_EVENT_REVISION;
import static org.partnershiptracker.events.EventTopics.HEADER_EVENT_TYPE;
import static org.partnershiptracker.events.EventTopics.PARTNERSHIP_EVENTS;
import static org.partnershiptracker.infra.process.ServiceJvm.freePort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.events.EventEnvelope;
import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.events.ProjectEvent;
import org.partnershiptracker.events.partnership.MeetingHeld;
import org.partnershiptracker.events.value.MeetingId;
import org.partnershiptracker.infra.kafka.KafkaBroker;
import org.partnershiptracker.infra.security.TokenMint;
import org.partnershiptracker.query.partnership.model.RecordedEvent;
import org.partnershiptracker.query.testdata.PartnershipHistories;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The whole read side under load, against its external contracts only: a real Kafka broker (in
 * process) holding N random partnership histories, the query-service exec jar as its own JVM
 * (-Xmx512m), and what it exposes over HTTP (Prometheus metrics, the rebuild endpoint, the query
 * API). One run measures the producer rate, the raw consumer ceiling, live ingestion from an empty
 * store (rate at 10%, 50% and 100% of N), a rebuild, query latencies with all N events in, and
 * memory; it writes docs/benchmarks/read-side.md.
 *
 * <p>Not part of the suite. Build the jar, then run (small while developing):
 *
 * <pre>
 * ./mvnw -B -ntp -pl query-service -am package -DskipTests
 * ./mvnw -B -ntp -pl query-service test -Dtest=ReadSideBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark.events=20000 -Dbenchmark.partnerships=50 -Dbenchmark.bigEvents=2000
 * </pre>
 *
 * System properties: benchmark.events (1,000,000), benchmark.partnerships (1,000),
 * benchmark.bigEvents (10,000), benchmark.seed, benchmark.waveEvents (100,000),
 * benchmark.ingestTimeoutMinutes (60), benchmark.rebuildTimeoutMinutes (60),
 * benchmark.endpointTimeoutMinutes (10), benchmark.startupTimeoutSeconds (300), benchmark.endpoints
 * (only these query paths, comma-separated, e.g. {@code /}), benchmark.childJvmArgs (extra options
 * of the query-service JVM, e.g. a JFR recording), benchmark.jar (another exec jar),
 * benchmark.report (where the report goes; docs/benchmarks/read-side.md).
 */
class ReadSideBenchmark {
  private static final String BIG = "big";
  private static final String JAR =
      System.getProperty(
          "benchmark.jar", "query-service/target/query-service-0.1.0-SNAPSHOT-exec.jar");
  private static final String REBUILD = "/admin/projections/read-models/rebuild";

  /** The same service's cheapest answer, measured with the others: their ceiling. */
  private static final String CEILING = "/actuator/health";

  private static final String REPRODUCE =
      "./mvnw -B -ntp -pl query-service -am package -DskipTests && ./mvnw -B -ntp -pl query-service"
          + " test -Dtest=ReadSideBenchmark -Dsurefire.failIfNoSpecifiedTests=false"
          + " -Dbenchmark.events=1000000";
  private static final int CLIENT_THREADS = 4;
  private static final int WARM_UP_REQUESTS = 200;
  private static final int REQUESTS_PER_THREAD = 500;
  private static final double MIB = 1024.0 * 1024.0;
  private static final long XMX_BYTES = 512L * 1024 * 1024;

  /**
   * The services require a bearer token: the service trusts the test issuer, every request carries
   * an admin-and-analyst token (an admin sees every partnership: the page's largest answer).
   */
  private static final String TOKEN =
      TokenMint.shared().token("benchmark", "uni", Duration.ofHours(24), "admin", "analyst");

  /** Only these query paths (comma-separated, e.g. {@code /}); blank: all of them. */
  private final String onlyEndpoints = System.getProperty("benchmark.endpoints", "");

  /** Extra JVM options for the query-service (e.g. a JFR recording), space-separated. */
  private final String childJvmArgs = System.getProperty("benchmark.childJvmArgs", "");

  private final int events = Integer.getInteger("benchmark.events", 1_000_000);
  private final int partnerships = Integer.getInteger("benchmark.partnerships", 1_000);
  private final int bigEvents = Integer.getInteger("benchmark.bigEvents", 10_000);
  private final long seed = Long.getLong("benchmark.seed", 20_251_125L);
  private final int waveEvents = Integer.getInteger("benchmark.waveEvents", 100_000);
  private final Duration ingestTimeout =
      Duration.ofMinutes(Long.getLong("benchmark.ingestTimeoutMinutes", 60));
  private final Duration rebuildTimeout =
      Duration.ofMinutes(Long.getLong("benchmark.rebuildTimeoutMinutes", 60));
  private final Duration endpointTimeout =
      Duration.ofMinutes(Long.getLong("benchmark.endpointTimeoutMinutes", 10));
  private final Duration startupTimeout =
      Duration.ofSeconds(Long.getLong("benchmark.startupTimeoutSeconds", 300));

  /**
   * Offered rates (events/s) of the paced phase after ingestion, each for benchmark.liveSeconds:
   * new meetings dated today on random partnerships, as a live system sends them. Blank: none.
   */
  private final String liveRates = System.getProperty("benchmark.liveRates", "150,300,600");

  private final int liveSeconds = Integer.getInteger("benchmark.liveSeconds", 60);

  /**
   * First, the first paced rate for this long, reported as a warm-up: the JIT compiles for minutes
   * on two cores, and the CPU an event costs is the warm service's (write-side.md, "A warm
   * service").
   */
  private final int liveWarmUpSeconds = Integer.getInteger("benchmark.liveWarmUpSeconds", 180);

  /** Each partnership's aggregates' next sequence numbers once its history is written. */
  private final Map<String, History> liveHistories = new LinkedHashMap<>();

  /** The last meeting of each partnership's history: what its paced meetings copy. */
  private final Map<String, MeetingHeld> liveTemplates = new HashMap<>();

  // The command-service's JSON: Spring Boot's ObjectMapper (well-known modules, ISO dates).
  private final ObjectMapper json =
      Jackson2ObjectMapperBuilder.json()
          .featuresToDisable(
              SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
              SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .build();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Results results = new Results();
  private long launchNanos;

  @Test
  void readSide() throws Exception {
    Path root = projectRoot();
    Path dir = root.resolve("query-service/target/benchmark-" + UUID.randomUUID());
    Files.createDirectories(dir);
    Path jar = root.resolve(JAR);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar
              + " is missing: build it with ./mvnw -B -ntp -pl query-service -am package"
              + " -DskipTests");
    }
    results.jar = jar + " (built " + Files.getLastModifiedTime(jar).toInstant() + ")";
    results.runDir = dir.toString();
    log("benchmark dir %s; N=%,d P=%,d big=%,d", dir, events, partnerships, bigEvents);

    KafkaBroker broker = null;
    Process child = null;
    Sampler sampler = null;
    Throwable failure = null;
    try {
      broker = KafkaBroker.start(dir.resolve("kafka"), 0, 0);
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin
            .createTopics(List.of(new NewTopic(PARTNERSHIP_EVENTS, 6, (short) 1)))
            .all()
            .get(60, TimeUnit.SECONDS);
      }
      produce(broker.bootstrapServers());
      measureCeiling(broker.bootstrapServers());

      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      results.childJava = javaVersion(java);
      int port = freePort();
      String base = "http://localhost:" + port;
      Path childLog = dir.resolve("query-service.log");
      results.childLog = childLog.toString();
      launchNanos = System.nanoTime();
      List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m"));
      command.add("-XX:+ExitOnOutOfMemoryError");
      for (String option : childJvmArgs.trim().split("\\s+")) {
        if (!option.isEmpty()) command.add(option);
      }
      command.addAll(
          List.of(
              "-jar",
              jar.toString(),
              TokenMint.shared().issuerArgument(),
              "--server.port=" + port,
              "--tracker.embedded-mongo.data-dir=" + dir.resolve("mongo"),
              "--tracker.projection.bootstrap-servers=" + broker.bootstrapServers()));
      child =
          new ProcessBuilder(command)
              .directory(
                  dir.toFile()) // any relative default path of the service lands here, not in the
              // repo
              .redirectErrorStream(true)
              .redirectOutput(childLog.toFile())
              .start();
      results.childPid = child.pid();
      Process started = child;
      // If this JVM is killed (Ctrl-C, surefire timeout) the child must not outlive it.
      Thread reaper = new Thread(() -> started.destroyForcibly(), "kill-query-service");
      Runtime.getRuntime().addShutdownHook(reaper);
      // Sampling starts at launch: the consumer may apply events before /actuator/health answers.
      sampler = new Sampler(base + "/actuator/prometheus", dir.resolve("samples.csv"));
      sampler.start();
      awaitHealthy(child, base, childLog);
      results.startupSeconds = secondsSinceLaunch();
      log(
          "query-service healthy after %.1f s (pid %d, log %s)",
          results.startupSeconds, child.pid(), childLog);

      sampler.phase = "ingestion";
      ingest(child, childLog, sampler);
      sampler.phase = "live";
      live(child, childLog, sampler, broker.bootstrapServers());
      sampler.phase = "rebuild";
      rebuild(child, childLog, base);
      sampler.phase = "queries";
      queries(child, childLog, base);
      sampler.phase = "end";
    } catch (Throwable t) {
      failure = t;
      String text = t.toString();
      int newline = text.indexOf('\n');
      results.failure = newline < 0 ? text : text.substring(0, newline);
      results.failureDetail = newline < 0 ? null : text.substring(newline + 1);
      log("FAILED: %s", t);
    } finally {
      // Each step on its own, so that one failing cannot leave the child or the broker running.
      if (child != null) {
        results.childAliveAtEnd = child.isAlive();
        if (child.isAlive()) {
          readProcStatus(child.pid());
        } else {
          results.childExitCode = child.exitValue();
        }
      }
      if (sampler != null) {
        try {
          sampler.close();
        } catch (Exception e) {
          log("stopping the metrics sampler failed: %s", e);
        }
        results.samples = sampler.snapshot();
        results.scrapeFailures = sampler.failures.get();
      }
      if (child != null) {
        child.destroy();
        if (!child.waitFor(20, TimeUnit.SECONDS)) {
          child.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
      }
      if (broker != null) {
        try {
          broker.close();
        } catch (RuntimeException e) {
          log("closing the broker failed: %s", e);
        }
      }
      try {
        String report = report();
        Path out =
            root.resolve(System.getProperty("benchmark.report", "docs/benchmarks/read-side.md"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        log("wrote %s", out);
      } catch (RuntimeException | IOException e) {
        log("writing the report failed: %s", e);
        if (failure == null) failure = e;
      }
    }
    if (failure instanceof Exception e) throw e;
    if (failure instanceof Error e) throw e;
  }

  // ---------------------------------------------------------------- 2. produce

  /**
   * One partnership's history being written: its events, a cursor, its aggregates' next sequence
   * numbers.
   */
  private static final class History {
    final String id;
    final List<RecordedEvent> events;
    final Map<String, Long> nextSequence = new HashMap<>();
    int cursor;

    History(String id, List<RecordedEvent> events) {
      this.id = id;
      this.events = events;
    }
  }

  /**
   * What to generate for one partnership; its own Random makes each history independent of the
   * waves.
   */
  private record Plan(String id, int events, LocalDate formedOn, long seed) {
    History generate(LocalDate until) {
      List<RecordedEvent> generated =
          PartnershipHistories.generate(new Random(seed), id, events, formedOn, until);
      return new History(id, generated);
    }
  }

  private List<Plan> plans(LocalDate until) {
    if (partnerships < 2 || bigEvents < 1 || bigEvents >= events) {
      throw new IllegalArgumentException(
          "need benchmark.partnerships >= 2 and 0 < benchmark.bigEvents < benchmark.events");
    }
    int others = partnerships - 1;
    long rest = events - (long) bigEvents;
    int each = (int) (rest / others);
    int extra = (int) (rest % others);
    if (each < 1) {
      throw new IllegalArgumentException(
          "too few events for " + others + " partnerships besides '" + BIG + "'");
    }
    Random random = new Random(seed);
    List<Plan> plans = new ArrayList<>(others);
    for (int i = 0; i < others; i++) {
      // Formed one to three years before today, so today's trust window has activity to judge.
      LocalDate formedOn = until.minusDays(365 + random.nextInt(730));
      plans.add(
          new Plan(
              "partnership-%04d".formatted(i + 1),
              each + (i < extra ? 1 : 0),
              formedOn,
              random.nextLong()));
    }
    return plans;
  }

  /**
   * Writes the histories the way a live system would interleave them: partnerships in waves of
   * about benchmark.waveEvents events (so the test JVM holds one wave, not N events), their events
   * in a uniformly random merge within the wave that keeps each partnership's order, and big's
   * events spread evenly over the whole topic. Positions are global, as the event store's are.
   */
  private void produce(String bootstrap) throws Exception {
    LocalDate until = LocalDate.now();
    List<Plan> plans = plans(until);
    Random shuffle = new Random(seed ^ 0x5DEECE66DL);
    Map<String, Object> config = producerConfig(bootstrap, 20);
    AtomicReference<Exception> sendError = new AtomicReference<>();
    AtomicLong bytes = new AtomicLong();
    long generateNanos = 0;
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      Sender sender = new Sender(producer, sendError, bytes, seed ^ 0x1D5L);
      long t = System.nanoTime();
      History big = new Plan(BIG, bigEvents, until.minusYears(3), seed * 31 + 7).generate(until);
      generateNanos += System.nanoTime() - t;
      double bigStride = (double) events / big.events.size();
      int next = 0;
      long lastLog = System.nanoTime();
      while (next < plans.size()) {
        t = System.nanoTime();
        List<History> wave = new ArrayList<>();
        int waveSize = 0;
        while (next < plans.size() && (wave.isEmpty() || waveSize < waveEvents)) {
          History history = plans.get(next++).generate(until);
          wave.add(history);
          waveSize += history.events.size();
        }
        int[] order = new int[waveSize];
        int k = 0;
        for (int h = 0; h < wave.size(); h++) {
          for (int e = 0; e < wave.get(h).events.size(); e++) order[k++] = h;
        }
        for (int i = order.length - 1; i > 0; i--) { // Fisher-Yates: a uniformly random merge
          int j = shuffle.nextInt(i + 1);
          int swap = order[i];
          order[i] = order[j];
          order[j] = swap;
        }
        generateNanos += System.nanoTime() - t;
        for (int h : order) {
          while (big.cursor < big.events.size() && sender.sent >= (long) (big.cursor * bigStride)) {
            sender.send(big);
          }
          sender.send(wave.get(h));
        }
        wave.forEach(this::keepForLive);
        if (System.nanoTime() - lastLog > 10_000_000_000L) {
          lastLog = System.nanoTime();
          log("produced %,d of about %,d events", sender.sent, events);
        }
        if (sendError.get() != null) throw sendError.get();
      }
      while (big.cursor < big.events.size()) sender.send(big);
      keepForLive(big);
      producer.flush();
      if (sendError.get() != null) throw sendError.get();
      results.produced = sender.sent;
      results.bigProduced = big.events.size();
      results.serialiseNanos = sender.serialiseNanos;
    }
    results.produceSeconds = (System.nanoTime() - start) / 1e9;
    results.generateSeconds = generateNanos / 1e9;
    results.producedBytes = bytes.get();
    log(
        "produced %,d events (%,.0f MiB) in %.1f s: %,.0f events/s (generation %.1f s)",
        results.produced,
        results.producedBytes / MIB,
        results.produceSeconds,
        results.produced / results.produceSeconds,
        results.generateSeconds);
  }

  private static Map<String, Object> producerConfig(String bootstrap, int lingerMs) {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrap);
    config.put("acks", "all");
    config.put("enable.idempotence", true);
    config.put("max.in.flight.requests.per.connection", 5);
    config.put("linger.ms", lingerMs);
    config.put("batch.size", 256 * 1024);
    config.put("buffer.memory", 64L * 1024 * 1024);
    return config;
  }

  /** Keeps what the paced phase needs of a written history, not its events. */
  private void keepForLive(History written) {
    History next = new History(written.id, new ArrayList<>());
    next.nextSequence.putAll(written.nextSequence);
    liveHistories.put(written.id, next);
    for (int i = written.events.size() - 1; i >= 0; i--) {
      if (written.events.get(i).event() instanceof MeetingHeld meeting) {
        liveTemplates.put(written.id, meeting);
        break;
      }
    }
  }

  /** Builds each record exactly as KafkaEventPublisher does: key, envelope JSON, headers. */
  private final class Sender {
    final KafkaProducer<String, byte[]> producer;
    final AtomicReference<Exception> error;
    final AtomicLong bytes;
    final Random ids;
    long sent;
    long serialiseNanos;

    Sender(
        KafkaProducer<String, byte[]> producer,
        AtomicReference<Exception> error,
        AtomicLong bytes,
        long idSeed) {
      this.producer = producer;
      this.error = error;
      this.bytes = bytes;
      this.ids = new Random(idSeed);
    }

    /**
     * A random (version 4) UUID, as Axon gives every message, from a seeded Random so that runs
     * repeat: the read side keys its documents on it, and random keys index unlike the generator's
     * sequential {@code <id>-e<n>}.
     */
    String eventId() {
      long most = (ids.nextLong() & ~0xF000L) | 0x4000L;
      long least = (ids.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return new UUID(most, least).toString();
    }

    void send(History history) throws IOException {
      RecordedEvent recorded = history.events.get(history.cursor++);
      PartnershipEvent event = recorded.event();
      if (!event.partnershipId().value().equals(history.id)) {
        throw new IllegalStateException(
            "generator gave an event of "
                + event.partnershipId()
                + " in the history of "
                + history.id);
      }
      long t = System.nanoTime();
      String type = event.getClass().getSimpleName();
      String revision = PartnershipEvent.revisionOf(event.getClass());
      // Axon's aggregate: a project's events belong to the Project aggregate, numbered from 0 in
      // it.
      boolean project = event instanceof ProjectEvent;
      String aggregateId =
          project ? ((ProjectEvent) event).projectId().value() : event.partnershipId().value();
      long sequence = history.nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
      long position = sent + 1;
      String eventId = eventId();
      Instant timestamp = recorded.recordedAt() != null ? recorded.recordedAt() : Instant.now();
      EventEnvelope<PartnershipEvent> envelope =
          new EventEnvelope<>(
              eventId,
              type,
              revision,
              event.partnershipId(),
              project ? "Project" : "Partnership",
              aggregateId,
              sequence,
              position,
              timestamp,
              event);
      byte[] value = json.writeValueAsBytes(envelope);
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(PARTNERSHIP_EVENTS, event.partnershipId().value(), value);
      record.headers().add(HEADER_EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
      record.headers().add(HEADER_EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
      if (revision != null) {
        record.headers().add(HEADER_EVENT_REVISION, revision.getBytes(StandardCharsets.UTF_8));
      }
      serialiseNanos += System.nanoTime() - t;
      producer.send(
          record,
          (metadata, e) -> {
            if (e != null) error.compareAndSet(null, e);
          });
      bytes.addAndGet(value.length);
      sent++;
    }
  }

  // ---------------------------------------------------------------- 3. ceiling

  /**
   * The fastest a plain consumer reads the whole topic; two passes, the second with warm JIT and
   * page cache.
   */
  private void measureCeiling(String bootstrap) {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrap);
    config.put("enable.auto.commit", false);
    config.put("max.poll.records", 2000);
    config.put("client.id", "ceiling");
    for (int pass = 1; pass <= 2; pass++) {
      try (KafkaConsumer<byte[], byte[]> consumer =
          new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        List<TopicPartition> partitions =
            consumer.partitionsFor(PARTNERSHIP_EVENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        long total = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
        long read = 0;
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(10);
        while (read < total) {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            read++;
          }
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "the raw consumer read " + read + " of " + total + " records in 10 min");
          }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        results.ceilingRates.add(read / seconds);
        log(
            "raw consumer pass %d: %,d records in %.2f s = %,.0f records/s",
            pass, read, seconds, read / seconds);
      }
    }
  }

  // ---------------------------------------------------------------- 4. the child JVM

  private void awaitHealthy(Process child, String base, Path childLog) throws Exception {
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    while (true) {
      ensureAlive(child, childLog);
      try {
        HttpResponse<String> response =
            http.send(
                get(base + "/actuator/health", Duration.ofSeconds(5)),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) return;
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "query-service not healthy after "
                + startupTimeout.toSeconds()
                + " s; log "
                + childLog
                + ":\n"
                + tail(childLog, 30));
      }
      Thread.sleep(500);
    }
  }

  private void ensureAlive(Process child, Path childLog) {
    if (!child.isAlive()) {
      int code = child.exitValue();
      throw new IllegalStateException(
          "query-service exited with code "
              + code
              + (code == 3 ? " (3: OutOfMemoryError, -XX:+ExitOnOutOfMemoryError)" : "")
              + "; last lines of "
              + childLog
              + ":\n"
              + tail(childLog, 30));
    }
  }

  // ---------------------------------------------------------------- 5. live ingestion

  private void ingest(Process child, Path childLog, Sampler sampler) throws Exception {
    long expected = results.produced;
    long deadline = launchNanos + ingestTimeout.toNanos();
    double lastPrint = secondsSinceLaunch();
    long lastApplied = -1;
    double lastChange = lastPrint;
    while (true) {
      Sample latest = sampler.latest();
      if (latest != null && latest.applied() >= expected) break;
      ensureAlive(child, childLog);
      double now = secondsSinceLaunch();
      if (latest != null && latest.applied() != lastApplied) {
        lastApplied = latest.applied();
        lastChange = now;
      }
      // Caught up (lag 0) yet short of N for 2 minutes: events the service did not count as applied
      // (rejected?). Go on with what it has rather than wait out the timeout.
      if (latest != null && latest.applied() > 0 && latest.lag() == 0 && now - lastChange > 120) {
        results.ingestNote =
            "ingestion stopped at %,d of %,d events applied with lag 0 for 2 min; the rest of the run used %,d"
                .formatted(latest.applied(), expected, latest.applied());
        log("%s", results.ingestNote);
        expected = latest.applied();
        break;
      }
      if (now - lastPrint >= 10) {
        lastPrint = now;
        printProgress(sampler, expected);
      }
      if (latest == null || latest.applied() < 0) {
        if (now - results.startupSeconds > 180) {
          throw new IllegalStateException(
              "no tracker_projection_events_applied_total 3 min after start-up: "
                  + sampler.snapshot().size()
                  + " scrapes, "
                  + sampler.failures.get()
                  + " failed, last failure "
                  + sampler.lastFailure);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "ingestion incomplete after "
                + ingestTimeout.toMinutes()
                + " min: applied "
                + (latest == null
                    ? "unknown (no metrics scraped)"
                    : "%,d of %,d".formatted(latest.applied(), expected)));
      }
      Thread.sleep(250);
    }
    List<Sample> samples = sampler.snapshot();
    results.ingestDoneSeconds = firstAtLeast(samples, expected).t();
    results.ingested = expected;
    long window = Math.max(1, events / 20);
    for (long mark : new long[] {events / 10, events / 2, events}) {
      long at = Math.min(mark, expected);
      results.marks.add(MarkRate.of(samples, at, window));
    }
    results.markWindow = window;
    log("ingestion complete: %,d events applied at t=%.1f s", expected, results.ingestDoneSeconds);
  }

  private void printProgress(Sampler sampler, long expected) {
    List<Sample> samples = sampler.snapshot();
    Sample last = null;
    Sample tenAgo = null;
    for (Sample s : samples) {
      if (s.applied() < 0) continue;
      last = s;
      if (s.t() <= secondsSinceLaunch() - 10) tenAgo = s;
    }
    if (last == null) {
      log(
          "t=%.0f s: no applied count yet (%d scrapes, %d failed, last failure: %s; counter "
              + "tracker_projection_events_applied_total absent?)",
          secondsSinceLaunch(), samples.size(), sampler.failures.get(), sampler.lastFailure);
      return;
    }
    double rate =
        tenAgo == null || last.t() <= tenAgo.t()
            ? Double.NaN
            : (last.applied() - tenAgo.applied()) / (last.t() - tenAgo.t());
    log(
        "t=%.0f s: applied %,d of %,d (%.1f%%), %,.0f events/s over the last 10 s, lag %s, heap"
            + " %.0f MiB",
        last.t(),
        last.applied(),
        expected,
        100.0 * last.applied() / expected,
        rate,
        Double.isNaN(last.lag()) ? "n/a" : "%,.0f".formatted(last.lag()),
        last.heap() / MIB);
  }

  /**
   * The rate between two arrivals, an arrival being the first sample that shows a new applied
   * count: from the last arrival at or below mark - window to the first at or above the mark. The
   * service may count a whole bulk write at once, so the counter can move in steps of thousands;
   * measuring from arrival to arrival (not from any sample, not interpolated) then still gives the
   * true rate, and for a smoothly moving counter every sample is an arrival.
   */
  private record MarkRate(long mark, long events, double seconds) {
    static MarkRate of(List<Sample> samples, long mark, long window) {
      List<Sample> arrivals = new ArrayList<>();
      for (Sample s : samples) {
        if (s.applied() >= 0
            && (arrivals.isEmpty() || s.applied() != arrivals.get(arrivals.size() - 1).applied())) {
          arrivals.add(s);
        }
      }
      Sample end = firstAtLeast(arrivals, mark);
      Sample start = null;
      for (Sample s : arrivals) {
        if (s.applied() <= mark - window && s.t() < end.t()) start = s;
      }
      if (start == null) return new MarkRate(mark, 0, Double.NaN);
      return new MarkRate(mark, end.applied() - start.applied(), end.t() - start.t());
    }

    double rate() {
      return events / seconds;
    }
  }

  private static Sample firstAtLeast(List<Sample> samples, long count) {
    return samples.stream()
        .filter(s -> s.applied() >= count)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no sample with " + count + " applied"));
  }

  // ---------------------------------------------------------------- 5b. paced live load

  /**
   * After ingestion, at each offered rate for benchmark.liveSeconds: a meeting dated today on a
   * random partnership, sent as it is due (linger 1 ms), so the service gets small batches over
   * long histories, as behind a live command-service. Then until every one is applied (the drain).
   * Lag is read from the service's own gauge every second.
   */
  private void live(Process child, Path childLog, Sampler sampler, String bootstrap)
      throws Exception {
    if (liveRates.isBlank()) return;
    List<History> sources =
        liveHistories.values().stream().filter(h -> liveTemplates.containsKey(h.id)).toList();
    if (sources.isEmpty()) throw new IllegalStateException("no history has a meeting to copy");
    Random pick = new Random(seed ^ 0x11FEL);
    LocalDate today = LocalDate.now();
    AtomicReference<Exception> sendError = new AtomicReference<>();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            producerConfig(bootstrap, 1), new StringSerializer(), new ByteArraySerializer())) {
      Sender sender = new Sender(producer, sendError, new AtomicLong(), seed ^ 0x11FE1L);
      sender.sent = results.produced; // positions go on from the history's
      long expected = results.ingested;
      List<Integer> rates = new ArrayList<>();
      for (String text : liveRates.split(",")) rates.add(Integer.parseInt(text.trim()));
      for (int step = liveWarmUpSeconds > 0 ? -1 : 0; step < rates.size(); step++) {
        boolean warmUp = step < 0;
        int rate = rates.get(Math.max(0, step));
        long total = (long) rate * (warmUp ? liveWarmUpSeconds : liveSeconds);
        Duration cpuBefore = cpu(child);
        double start = secondsSinceLaunch();
        long t0 = System.nanoTime();
        long sent = 0;
        while (sent < total) {
          long due = Math.min(total, (System.nanoTime() - t0) * rate / 1_000_000_000L);
          for (; sent < due; sent++) {
            History source = sources.get(pick.nextInt(sources.size()));
            MeetingHeld template = liveTemplates.get(source.id);
            MeetingHeld meeting =
                new MeetingHeld(
                    template.partnershipId(),
                    MeetingId.of("live-" + UUID.randomUUID()),
                    template.type(),
                    today,
                    template.durationMinutes(),
                    template.hostOrganisationId(),
                    template.attendees(),
                    template.projectId());
            source.events.add(new RecordedEvent(null, null, 0, 0, null, meeting));
            sender.send(source);
          }
          if (sendError.get() != null) throw sendError.get();
          ensureAlive(child, childLog);
          Thread.sleep(5); // pacing the load, not waiting for a result
        }
        producer.flush();
        double loadEnd = secondsSinceLaunch();
        expected += total;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        Sample caughtUp;
        while ((caughtUp = sampler.latest()) == null || caughtUp.applied() < expected) {
          ensureAlive(child, childLog);
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "paced load at %d events/s: %s of %,d applied 10 min after it ended"
                    .formatted(
                        rate, caughtUp == null ? "n/a" : count(caughtUp.applied()), expected));
          }
          Thread.sleep(250);
        }
        double cpuMs = (cpu(child).minus(cpuBefore).toNanos() / 1e6) / total;
        double maxLag = 0;
        long appliedAtEnd = -1;
        for (Sample s : sampler.snapshot()) {
          if (s.t() >= start && s.t() <= loadEnd) {
            if (!Double.isNaN(s.lag())) maxLag = Math.max(maxLag, s.lag());
            appliedAtEnd = Math.max(appliedAtEnd, s.applied());
          }
        }
        LiveRow row =
            new LiveRow(
                warmUp,
                rate,
                total,
                loadEnd - start,
                (appliedAtEnd - (expected - total)) / (loadEnd - start),
                maxLag,
                firstAtLeast(sampler.snapshot(), expected).t() - loadEnd,
                cpuMs);
        results.live.add(row);
        log(
            (warmUp ? "warm-up, " : "")
                + "paced %d events/s: %,d sent in %.1f s, applied %.0f/s while sent, max lag %,.0f"
                + " events, caught up %.1f s after the load; service CPU %.2f ms an event",
            rate,
            total,
            row.seconds(),
            row.appliedRate(),
            maxLag,
            row.drainSeconds(),
            cpuMs);
      }
    }
  }

  /** One paced rate: what was offered, what the service applied meanwhile, and its lag. */
  private record LiveRow(
      boolean warmUp,
      int rate,
      long events,
      double seconds,
      double appliedRate,
      double maxLagEvents,
      double drainSeconds,
      double cpuMsPerEvent) {}

  /** The CPU time the process has used (all its threads: the JIT and GC included). */
  private static Duration cpu(Process child) {
    return child.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  // ---------------------------------------------------------------- 6. rebuild

  private void rebuild(Process child, Path childLog, String base) throws Exception {
    String url = base + REBUILD;
    long start = System.nanoTime();
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    results.rebuildPostStatus = post.statusCode();
    if (post.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "POST " + REBUILD + " answered " + post.statusCode() + ": " + post.body());
    }
    long deadline = start + rebuildTimeout.toNanos();
    long lastPrint = start;
    while (true) {
      Thread.sleep(1000);
      ensureAlive(child, childLog);
      JsonNode progress = null;
      try {
        HttpResponse<String> response =
            http.send(get(url, Duration.ofSeconds(10)), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) progress = json.readTree(response.body());
        else log("GET %s answered %d: %s", REBUILD, response.statusCode(), response.body());
      } catch (IOException e) {
        log("GET %s failed: %s", REBUILD, e);
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      if (progress != null) {
        String state = progress.path("state").asText("?");
        results.rebuildState = state;
        results.rebuildDone = progress.path("eventsDone").asLong(-1);
        if (Double.isNaN(results.rebuildReadSeconds)
            && state.equals("RUNNING")
            && results.rebuildDone > 0
            && results.rebuildDone >= progress.path("eventsTotal").asLong(Long.MAX_VALUE)) {
          // every event read, not yet switched: what is left is verification and the portfolio
          results.rebuildReadSeconds = elapsed;
        }
        results.rebuildTotal = progress.path("eventsTotal").asLong(-1);
        results.rebuildServiceRate = progress.path("eventsPerSecond").asDouble(Double.NaN);
        if (state.equals("COMPLETED") || state.equals("FAILED") || state.equals("INTERRUPTED")) {
          results.rebuildSeconds = elapsed;
          log(
              "rebuild %s: %,d of %,d events in %.1f s (%s)",
              state, results.rebuildDone, results.rebuildTotal, elapsed, progress);
          return;
        }
        if (state.equals("IDLE") && elapsed > 60) {
          throw new IllegalStateException("rebuild still IDLE 60 s after the POST: " + progress);
        }
        if (System.nanoTime() - lastPrint > 10_000_000_000L) {
          lastPrint = System.nanoTime();
          log(
              "rebuild %s: %,d of %,d events after %.0f s",
              state, results.rebuildDone, results.rebuildTotal, elapsed);
        }
      }
      if (System.nanoTime() > deadline) {
        results.rebuildSeconds = elapsed;
        throw new IllegalStateException(
            "rebuild not finished after " + rebuildTimeout.toMinutes() + " min: " + progress);
      }
    }
  }

  // ---------------------------------------------------------------- 7. queries

  /** A query path and its p99 target; NaN for the ceiling, which has none. */
  private record Endpoint(String path, double p99TargetMs) {}

  private static final class Run {
    final long[] latencies;
    int count;
    int non200;
    int errors;
    boolean stopped;
    String firstProblem;
    long bodyBytes = -1;

    Run(int capacity) {
      latencies = new long[capacity];
    }
  }

  private void queries(Process child, Path childLog, String base) throws Exception {
    List<Endpoint> endpoints =
        List.of(
                new Endpoint("/api/partnerships/" + BIG + "/trust", 20),
                new Endpoint("/api/partnerships/" + BIG + "/interactions", 20),
                new Endpoint("/api/partnerships/" + BIG + "/milestones", 20),
                new Endpoint("/api/partnerships/" + BIG + "/report", 20),
                new Endpoint("/api/partnerships", 100),
                new Endpoint("/", 200), // the analysts' portfolio page (issue 13)
                // a later page, and a sorted and filtered one (the pages are 50 rows)
                new Endpoint("/?page=10", 200),
                new Endpoint("/?sort=name&order=desc&sector=HEALTH", 200),
                // the ceiling: the same service's cheapest answer, measured in the same run, so a
                // figure on a loaded machine can be read as a ratio to it
                new Endpoint(CEILING, Double.NaN))
            .stream()
            .filter(
                e ->
                    onlyEndpoints.isBlank()
                        || Arrays.asList(onlyEndpoints.split(",")).contains(e.path()))
            .toList();
    HttpClient[] clients = new HttpClient[CLIENT_THREADS];
    for (int i = 0; i < clients.length; i++) {
      clients[i] =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
    }
    ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
    try {
      // Warm-up: JIT and caches of the service and of the clients, every endpoint in turn.
      List<Run> warm =
          runAll(
              pool,
              clients,
              WARM_UP_REQUESTS / CLIENT_THREADS,
              (thread, i) -> base + endpoints.get((thread + i) % endpoints.size()).path(),
              endpointTimeout);
      results.warmUpNon200 = warm.stream().mapToInt(r -> r.non200 + r.errors).sum();
      ensureAlive(child, childLog);
      for (Endpoint endpoint : endpoints) {
        List<Run> runs =
            runAll(
                pool,
                clients,
                REQUESTS_PER_THREAD,
                (thread, i) -> base + endpoint.path(),
                endpointTimeout);
        QueryResult result = QueryResult.of(endpoint, runs);
        results.queries.add(result);
        log(
            "%s: %d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms, non-200 %d, errors %d%s",
            endpoint.path(),
            result.count,
            result.p50Ms,
            result.p99Ms,
            result.maxMs,
            result.non200,
            result.errors,
            result.stopped ? " (stopped at the time limit)" : "");
        ensureAlive(child, childLog);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private interface Target {
    String url(int thread, int request);
  }

  private List<Run> runAll(
      ExecutorService pool, HttpClient[] clients, int perThread, Target target, Duration limit)
      throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    List<Callable<Run>> tasks = new ArrayList<>();
    for (int thread = 0; thread < clients.length; thread++) {
      int t = thread;
      tasks.add(
          () -> {
            Run run = new Run(perThread);
            for (int i = 0; i < perThread; i++) {
              if (System.nanoTime() > deadline) {
                run.stopped = true;
                break;
              }
              long start = System.nanoTime();
              try {
                HttpResponse<byte[]> response =
                    clients[t].send(
                        get(target.url(t, i), Duration.ofSeconds(30)),
                        HttpResponse.BodyHandlers.ofByteArray());
                run.latencies[run.count++] = System.nanoTime() - start;
                if (run.bodyBytes < 0) run.bodyBytes = response.body().length;
                if (response.statusCode() != 200) {
                  run.non200++;
                  if (run.firstProblem == null) {
                    run.firstProblem =
                        response.statusCode()
                            + " "
                            + new String(response.body(), StandardCharsets.UTF_8)
                                .substring(0, Math.min(300, response.body().length));
                  }
                }
              } catch (IOException e) {
                run.errors++;
                if (run.firstProblem == null) run.firstProblem = e.toString();
              }
            }
            return run;
          });
    }
    List<Run> runs = new ArrayList<>();
    for (Future<Run> future : pool.invokeAll(tasks)) runs.add(future.get());
    return runs;
  }

  private record QueryResult(
      String path,
      double p99TargetMs,
      int count,
      double p50Ms,
      double p99Ms,
      double maxMs,
      int non200,
      int errors,
      boolean stopped,
      long bodyBytes,
      String firstProblem) {
    static QueryResult of(Endpoint endpoint, List<Run> runs) {
      long[] all =
          runs.stream()
              .flatMapToLong(r -> Arrays.stream(r.latencies, 0, r.count))
              .sorted()
              .toArray();
      String problem =
          runs.stream().map(r -> r.firstProblem).filter(p -> p != null).findFirst().orElse(null);
      return new QueryResult(
          endpoint.path(),
          endpoint.p99TargetMs(),
          all.length,
          percentileMs(all, 0.50),
          percentileMs(all, 0.99),
          all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6,
          runs.stream().mapToInt(r -> r.non200).sum(),
          runs.stream().mapToInt(r -> r.errors).sum(),
          runs.stream().anyMatch(r -> r.stopped),
          runs.stream().mapToLong(r -> r.bodyBytes).max().orElse(-1),
          problem);
    }

    /** Nearest rank. */
    static double percentileMs(long[] sorted, double q) {
      if (sorted.length == 0) return Double.NaN;
      int rank = (int) Math.ceil(q * sorted.length);
      return sorted[Math.max(0, rank - 1)] / 1e6;
    }
  }

  // ---------------------------------------------------------------- 8. memory: samples of
  // /actuator/prometheus

  private record Sample(
      double t, String phase, long applied, double lag, double heap, double scrapeMs) {}

  /**
   * Scrapes the metrics every second on its own thread, from launch to the end, into memory and a
   * CSV.
   */
  private final class Sampler implements AutoCloseable {
    final List<Sample> samples = new CopyOnWriteArrayList<>();
    final AtomicLong failures = new AtomicLong();
    final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "metrics-sampler");
              thread.setDaemon(true);
              return thread;
            });
    final HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    final String url;
    final Writer csv;
    volatile String phase = "start-up";
    volatile String lastFailure = "none";

    Sampler(String url, Path csvFile) throws IOException {
      this.url = url;
      this.csv = Files.newBufferedWriter(csvFile);
      csv.write("seconds_since_launch,phase,applied,lag_events,heap_used_bytes,scrape_ms\n");
    }

    void start() {
      timer.scheduleAtFixedRate(this::scrape, 0, 1, TimeUnit.SECONDS);
    }

    private void scrape() {
      try { // a throw would cancel the schedule
        // No Accept: application/json here, the Prometheus endpoint answers that with 406.
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + TOKEN)
                .GET()
                .build();
        double t = secondsSinceLaunch();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          failures.incrementAndGet();
          lastFailure = "HTTP " + response.statusCode();
          return;
        }
        double took = (secondsSinceLaunch() - t) * 1000;
        Sample parsed = parse(t, phase, response.body());
        // Stamped when the request was sent: the counter is read at once, the rest of the scrape
        // takes longer.
        Sample sample =
            new Sample(t, parsed.phase(), parsed.applied(), parsed.lag(), parsed.heap(), took);
        samples.add(sample);
        csv.write(
            "%.3f,%s,%d,%s,%.0f,%.0f%n"
                .formatted(
                    sample.t(),
                    sample.phase(),
                    sample.applied(),
                    Double.isNaN(sample.lag()) ? "" : "%.0f".formatted(sample.lag()),
                    sample.heap(),
                    took));
      } catch (Throwable e) {
        failures.incrementAndGet();
        lastFailure = e.toString();
      }
    }

    Sample latest() {
      return samples.isEmpty() ? null : samples.get(samples.size() - 1);
    }

    List<Sample> snapshot() {
      return List.copyOf(samples);
    }

    @Override
    public void close() throws Exception {
      timer.shutdown();
      timer.awaitTermination(10, TimeUnit.SECONDS);
      csv.close();
    }
  }

  /**
   * The figures of one Prometheus text exposition; series of one name are summed over their labels.
   */
  static Sample parse(double t, String phase, String body) {
    double applied = 0;
    boolean appliedSeen = false;
    double lag = 0;
    boolean lagSeen = false;
    double heap = 0;
    for (String line : body.split("\n")) {
      if (line.isEmpty() || line.charAt(0) == '#') continue;
      int brace = line.indexOf('{');
      int space = line.indexOf(' ');
      if (space < 0) continue;
      String name;
      String labels;
      String rest;
      if (brace >= 0 && brace < space) {
        int close = line.lastIndexOf('}');
        name = line.substring(0, brace);
        labels = line.substring(brace + 1, close);
        rest = line.substring(close + 1).trim();
      } else {
        name = line.substring(0, space);
        labels = "";
        rest = line.substring(space + 1).trim();
      }
      String value = rest.split(" ")[0];
      switch (name) {
        case "tracker_projection_events_applied_total" -> {
          applied += Double.parseDouble(value);
          appliedSeen = true;
        }
        case "tracker_projection_lag_events" -> {
          lag += Double.parseDouble(value);
          lagSeen = true;
        }
        case "jvm_memory_used_bytes" -> {
          if (labels.contains("area=\"heap\"")) heap += Double.parseDouble(value);
        }
        default -> {}
      }
    }
    return new Sample(
        t,
        phase,
        appliedSeen ? Math.round(applied) : -1,
        lagSeen ? lag : Double.NaN,
        heap,
        Double.NaN);
  }

  private void readProcStatus(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) results.vmHwmKb = Long.parseLong(line.replaceAll("\\D", ""));
        if (line.startsWith("VmRSS:")) results.vmRssKb = Long.parseLong(line.replaceAll("\\D", ""));
      }
    } catch (IOException | RuntimeException e) {
      log("cannot read /proc/%d/status: %s", pid, e);
    }
  }

  // ---------------------------------------------------------------- 9. the report

  /** Everything measured; a field left null or NaN was not reached. */
  private static final class Results {
    String jar;
    String runDir;
    String childLog;
    String childJava;
    Long childPid;
    long produced;
    long bigProduced;
    long producedBytes;
    double produceSeconds = Double.NaN;
    double generateSeconds = Double.NaN;
    long serialiseNanos;
    final List<Double> ceilingRates = new ArrayList<>();
    double startupSeconds = Double.NaN;
    double ingestDoneSeconds = Double.NaN;
    long ingested;
    String ingestNote;
    long markWindow;
    final List<MarkRate> marks = new ArrayList<>();
    final List<LiveRow> live = new ArrayList<>();
    Integer rebuildPostStatus;
    String rebuildState;
    long rebuildDone = -1;
    long rebuildTotal = -1;
    double rebuildServiceRate = Double.NaN;
    double rebuildSeconds = Double.NaN;

    /** When a poll first saw every event read while the rebuild was still RUNNING. */
    double rebuildReadSeconds = Double.NaN;

    int warmUpNon200;
    final List<QueryResult> queries = new ArrayList<>();
    List<Sample> samples = List.of();
    long scrapeFailures;
    Long vmHwmKb;
    Long vmRssKb;
    Boolean childAliveAtEnd;
    Integer childExitCode;
    String failure;
    String failureDetail;

    double ceiling() {
      return ceilingRates.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
  }

  private String report() {
    Results r = results;
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark: the read side under load (ingestion, rebuild, queries, memory)\n\n");
    md.append(
        """
        %,d events of %,d random partnership histories (`PartnershipHistories`; partnership `big` has %,d of them,
        the others share the rest evenly) on a real Kafka broker (KRaft, in the benchmark's JVM, topic
        `partnership.events` with 6 partitions), written as the command-service's publisher writes them (key =
        partnership id, `EventEnvelope` JSON, headers `event-id`, `event-type`, `event-revision`; global
        positions). Partnerships are interleaved in random order within waves of about %,d events (each
        partnership's own events in order), `big`'s events spread evenly over the whole topic. Then the
        query-service exec jar runs as its own JVM (`-Xmx512m -XX:+ExitOnOutOfMemoryError`, MongoDB-wire server
        with an H2 file store, fresh data directory) and consumes the topic from an empty store; the figures
        come from its HTTP interface only (`/actuator/prometheus` every second, the rebuild endpoint, the query
        API).

        """
            .formatted(r.produced, partnerships, r.bigProduced, waveEvents));
    md.append("- Date: ").append(LocalDateTime.now().withNano(0)).append('\n');
    md.append("- Machine: ").append(machine()).append('\n');
    md.append("- Query-service JVM: ")
        .append(r.childJava == null ? "n/a" : r.childJava.replace("\n", "; "))
        .append('\n');
    md.append("- Jar: `").append(r.jar).append("`\n");
    md.append(
        "- N = %,d events, P = %,d partnerships, `big` = %,d events, seed %d\n"
            .formatted(r.produced, partnerships, r.bigProduced, seed));
    md.append("- Run directory (broker data, service log, 1 s samples in `samples.csv`): `")
        .append(r.runDir)
        .append("`\n\n");
    md.append("Reproduce:\n\n    ").append(REPRODUCE).append("\n\n");
    if (r.ingestNote != null) {
      md.append("**Note:** ").append(r.ingestNote).append(".\n\n");
    }
    if (r.failure != null) {
      md.append("**The run did not complete:** `")
          .append(r.failure.replace("\n", " ").replace("`", "'"))
          .append("`. ")
          .append("Figures not reached are n/a. Service log: `")
          .append(r.childLog)
          .append("`.\n\n");
      if (r.failureDetail != null) {
        List<String> lines = r.failureDetail.lines().toList();
        md.append("```\n")
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())))
            .append("\n```\n\n");
      }
    }

    double ceiling = r.ceiling();
    double ingestRate = r.ingested / (r.ingestDoneSeconds - r.startupSeconds);
    double withStartup = r.ingested / r.ingestDoneSeconds;
    List<MarkRate> marks = r.marks;
    double flatness =
        marks.size() < 2 ? Double.NaN : marks.get(marks.size() - 1).rate() / marks.get(0).rate();
    double rebuildRate = r.rebuildDone / r.rebuildSeconds;
    double maxHeap = r.samples.stream().mapToDouble(Sample::heap).max().orElse(Double.NaN);

    md.append("| figure | measured | target | verdict |\n|---|---|---|---|\n");
    row(
        md,
        "producer (KafkaProducer, acks=all, idempotent, linger 20 ms, 256 KiB batches; generation"
            + " included)",
        rate(r.produced / r.produceSeconds)
            + " events/s (%,.0f MiB in %.1f s; generating %.1f s, serialising %.1f s)"
                .formatted(
                    r.producedBytes / MIB,
                    r.produceSeconds,
                    r.generateSeconds,
                    r.serialiseNanos / 1e9),
        "",
        null);
    row(
        md,
        "raw consumer ceiling (KafkaConsumer, byte arrays, 2,000 records per poll; best of 2"
            + " passes)",
        rate(ceiling)
            + " records/s"
            + (r.ceilingRates.isEmpty()
                ? ""
                : " (passes: "
                    + r.ceilingRates.stream()
                        .map(ReadSideBenchmark::rate)
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("")
                    + ")"),
        "",
        null);
    row(md, "query-service start-up to healthy", seconds(r.startupSeconds), "", null);
    row(
        md,
        "ingestion from empty, overall (healthy to %,d applied)".formatted(r.ingested),
        rate(ingestRate)
            + " events/s (%s)".formatted(seconds(r.ingestDoneSeconds - r.startupSeconds)),
        "≥ 20,000 events/s",
        verdict(ingestRate >= 20_000, ingestRate));
    row(
        md,
        "ingestion from empty, including start-up",
        rate(withStartup) + " events/s (%s)".formatted(seconds(r.ingestDoneSeconds)),
        "",
        null);
    for (MarkRate mark : marks) {
      row(
          md,
          "ingestion rate at %,d applied (the %,d before it)".formatted(mark.mark(), r.markWindow),
          rate(mark.rate())
              + " events/s (%,d events in %s)".formatted(mark.events(), seconds(mark.seconds())),
          "",
          null);
    }
    if (marks.size() >= 2) {
      row(
          md,
          "flatness: rate at %,d / rate at %,d"
              .formatted(marks.get(marks.size() - 1).mark(), marks.get(0).mark()),
          ratio(flatness),
          "0.80 – 1.20 (within 20%)",
          verdict(Math.abs(1 - flatness) <= 0.2, flatness));
    }
    row(md, "ingestion / raw consumer ceiling", ratio(ingestRate / ceiling), "", null);
    for (LiveRow live : r.live) {
      row(
          md,
          (live.warmUp() ? "warm-up: " : "")
              + "paced live load, %,d events/s offered for %s (meetings dated today, random"
                  .formatted(live.rate(), seconds(live.seconds()))
              + " partnerships):"
              + " applied meanwhile / most events behind / caught up after the load / service CPU"
              + " an event",
          "%s events/s (%s of offered) / %,.0f (%s at the offered rate) / %s / %.2f ms"
              .formatted(
                  rate(live.appliedRate()),
                  ratio(live.appliedRate() / live.rate()),
                  live.maxLagEvents(),
                  seconds(live.maxLagEvents() / live.rate()),
                  seconds(live.drainSeconds()),
                  live.cpuMsPerEvent()),
          "keeps up: lag bounded, caught up within seconds",
          verdict(live.drainSeconds() <= 5, live.drainSeconds()));
    }
    row(
        md,
        "rebuild (POST, then GET every second until done)",
        "%s, %s of %s events in %s"
            .formatted(
                r.rebuildState == null ? "n/a" : r.rebuildState,
                count(r.rebuildDone),
                count(r.rebuildTotal),
                seconds(r.rebuildSeconds)),
        "COMPLETED",
        r.rebuildState == null ? null : r.rebuildState.equals("COMPLETED") ? "pass" : "FAIL");
    row(
        md,
        "rebuild: every event read (first poll seeing it) / after that (verification, portfolio"
            + " rows), to the second",
        Double.isNaN(r.rebuildReadSeconds)
            ? "n/a (no poll saw it)"
            : "%s / %s"
                .formatted(
                    seconds(r.rebuildReadSeconds),
                    seconds(r.rebuildSeconds - r.rebuildReadSeconds)),
        "",
        null);
    row(
        md,
        "rebuild rate (eventsDone / elapsed)",
        rate(rebuildRate) + " events/s (service says " + rate(r.rebuildServiceRate) + ")",
        "",
        null);
    row(
        md,
        "rebuild / raw consumer ceiling",
        ratio(rebuildRate / ceiling),
        "≥ 0.50",
        verdict(rebuildRate / ceiling >= 0.5, rebuildRate / ceiling));
    QueryResult ceilingQuery =
        r.queries.stream().filter(q -> q.path().equals(CEILING)).findFirst().orElse(null);
    for (QueryResult q : r.queries) {
      String problems =
          q.non200() + q.errors() == 0
              ? "all 200"
              : "%d non-200, %d errors".formatted(q.non200(), q.errors());
      row(
          md,
          "`GET %s`: p50 / p99 / max (%,d requests, %d threads; %s%s; body %,d B)"
              .formatted(
                  q.path(),
                  q.count(),
                  CLIENT_THREADS,
                  problems,
                  q.stopped() ? "; stopped at the time limit" : "",
                  q.bodyBytes()),
          "%.1f / **%.1f** / %.1f ms".formatted(q.p50Ms(), q.p99Ms(), q.maxMs())
              + (ceilingQuery == null || q == ceilingQuery
                  ? ""
                  : " (p50 / p99 ÷ `%s`'s: %.1f / %.1f)"
                      .formatted(
                          CEILING,
                          q.p50Ms() / ceilingQuery.p50Ms(),
                          q.p99Ms() / ceilingQuery.p99Ms())),
          Double.isNaN(q.p99TargetMs())
              ? "the ceiling"
              : "p99 < %.0f ms, all 200".formatted(q.p99TargetMs()),
          Double.isNaN(q.p99TargetMs())
              ? null
              : verdict(
                  q.p99Ms() < q.p99TargetMs() && q.non200() + q.errors() == 0 && !q.stopped(),
                  q.p99Ms()));
    }
    if (r.warmUpNon200 > 0)
      row(md, "warm-up requests not answered 200", String.valueOf(r.warmUpNon200), "0", "FAIL");
    boolean died = Boolean.FALSE.equals(r.childAliveAtEnd);
    row(
        md,
        "max heap used (sum of `jvm_memory_used_bytes{area=\"heap\"}`, 1 s samples)",
        mib(maxHeap) + " (" + phaseHeaps(r.samples) + ")",
        "≤ 512 MiB (-Xmx512m), no OOM",
        verdict(maxHeap <= XMX_BYTES && !died, maxHeap));
    row(
        md,
        "query-service VmHWM (peak RSS) at the end",
        r.vmHwmKb == null
            ? "n/a"
            : mib(r.vmHwmKb * 1024.0)
                + (r.vmRssKb == null ? "" : " (RSS now " + mib(r.vmRssKb * 1024.0) + ")"),
        "",
        null);
    row(
        md,
        "query-service alive at the end",
        r.childAliveAtEnd == null
            ? "n/a"
            : r.childAliveAtEnd
                ? "yes"
                : "no, exit code "
                    + r.childExitCode
                    + (Integer.valueOf(3).equals(r.childExitCode) ? " (OutOfMemoryError)" : ""),
        "yes",
        r.childAliveAtEnd == null ? null : r.childAliveAtEnd ? "pass" : "FAIL");
    md.append('\n');
    for (QueryResult q : r.queries) {
      if (q.firstProblem() != null) {
        md.append("First problem on `")
            .append(q.path())
            .append("`: `")
            .append(q.firstProblem().replace("\n", " ").replace("`", "'"))
            .append("`\n\n");
      }
    }
    if (r.scrapeFailures > 0) {
      md.append("Metrics scrapes that failed or timed out (start-up included): ")
          .append(r.scrapeFailures)
          .append(".\n\n");
    }
    md.append(
        """
        The overall ingestion rate runs from the moment /actuator/health answered 200 to the first sample
        showing all events applied. A rate at a mark runs between arrivals (the first sample showing a new
        applied count), from the last at or below mark - %,d to the first at or above the mark: no
        interpolation, since the service may count a whole bulk write at once and its counter then moves
        in steps. Metrics were scraped every second; a scrape took %s (median), %s (max).

        """
            .formatted(r.markWindow, millis(r.samples, 0.5), millis(r.samples, 1.0)));

    md.append(
        "## Samples (seconds since the query-service was launched, events applied), every 10"
            + " s\n\n");
    md.append(sampleTable(r.samples, r.ingestDoneSeconds)).append('\n');
    return md.toString();
  }

  private static void row(
      StringBuilder md, String figure, String measured, String target, String verdict) {
    md.append("| ")
        .append(figure)
        .append(" | ")
        .append(measured)
        .append(" | ")
        .append(target)
        .append(" | ")
        .append(verdict == null ? (target.isEmpty() ? "" : "n/a") : verdict)
        .append(" |\n");
  }

  private static String verdict(boolean pass, double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : pass ? "pass" : "**FAIL**";
  }

  private static String rate(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : "%,.0f".formatted(value);
  }

  private static String ratio(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : "%.2f".formatted(value);
  }

  private static String seconds(double value) {
    return Double.isNaN(value) ? "n/a" : "%.1f s".formatted(value);
  }

  private static String mib(double bytes) {
    return Double.isNaN(bytes) ? "n/a" : "%.0f MiB".formatted(bytes / MIB);
  }

  private static String count(long value) {
    return value < 0 ? "n/a" : "%,d".formatted(value);
  }

  private static String millis(List<Sample> samples, double q) {
    double[] sorted =
        samples.stream()
            .mapToDouble(Sample::scrapeMs)
            .filter(d -> !Double.isNaN(d))
            .sorted()
            .toArray();
    if (sorted.length == 0) return "n/a";
    return "%.0f ms".formatted(sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)]);
  }

  private static String phaseHeaps(List<Sample> samples) {
    Map<String, Double> max = new LinkedHashMap<>();
    for (Sample s : samples) max.merge(s.phase(), s.heap(), Math::max);
    StringBuilder text = new StringBuilder();
    max.forEach(
        (phase, bytes) ->
            text.append(text.length() == 0 ? "" : ", ")
                .append(phase)
                .append(' ')
                .append(mib(bytes)));
    return text.length() == 0 ? "no samples" : text.toString();
  }

  /** The first sample at or after each 10 s step, up to the end of ingestion, six pairs a row. */
  private static String sampleTable(List<Sample> samples, double until) {
    List<Sample> picked = new ArrayList<>();
    double end = Double.isNaN(until) ? Double.MAX_VALUE : until;
    double step = 0;
    for (Sample s : samples) {
      if (s.applied() < 0) continue;
      if (s.t() >= step) {
        picked.add(s);
        while (step <= s.t()) step += 10;
      }
      if (s.t() >= end) {
        if (picked.get(picked.size() - 1) != s) picked.add(s);
        break;
      }
    }
    if (picked.isEmpty()) return "No samples with `tracker_projection_events_applied_total`.\n";
    int perRow = 6;
    StringBuilder md = new StringBuilder("|");
    md.append(" t (s) | applied |".repeat(perRow))
        .append("\n|")
        .append("---:|---:|".repeat(perRow))
        .append('\n');
    for (int i = 0; i < picked.size(); i += perRow) {
      md.append('|');
      for (int j = i; j < i + perRow; j++) {
        if (j < picked.size())
          md.append(" %.0f | %,d |".formatted(picked.get(j).t(), picked.get(j).applied()));
        else md.append(" | |");
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static String machine() {
    String cpu = "?";
    String memory = "?";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .findFirst()
              .orElse("?");
      memory =
          Files.readAllLines(Path.of("/proc/meminfo")).stream()
              .filter(l -> l.startsWith("MemTotal"))
              .map(
                  l ->
                      "%.1f GiB"
                          .formatted(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
              .findFirst()
              .orElse("?");
    } catch (IOException | RuntimeException e) {
      // not Linux: leave the question marks
    }
    return "nproc %d, %s, %s RAM, %s %s (%s); shared with other work"
        .formatted(
            Runtime.getRuntime().availableProcessors(),
            cpu,
            memory,
            System.getProperty("os.name"),
            System.getProperty("os.version"),
            System.getProperty("os.arch"));
  }

  // ---------------------------------------------------------------- helpers

  private static HttpRequest get(String url, Duration timeout) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(timeout)
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + TOKEN)
        .GET()
        .build();
  }

  private double secondsSinceLaunch() {
    return (System.nanoTime() - launchNanos) / 1e9;
  }

  private static String javaVersion(Path java) {
    try {
      Process process =
          new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
      String output =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      process.waitFor(30, TimeUnit.SECONDS);
      return output;
    } catch (IOException e) {
      return "? (" + e + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  private static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }

  private static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null
        && !(Files.exists(dir.resolve("mvnw"))
            && Files.isDirectory(dir.resolve("query-service")))) {
      dir = dir.getParent();
    }
    if (dir == null)
      throw new IllegalStateException("run from the project or the query-service directory");
    return dir;
  }

  private static void log(String format, Object... args) {
    System.out.printf(
        "[read-side %s] %s%n",
        LocalDateTime.now().withNano(0).toLocalTime(), format.formatted(args));
    System.out.flush();
  }
}
