package org.partnershiptracker.command.benchmark;

import static org.partnershiptracker.infra.process.ServiceJvm.freePort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.infra.kafka.KafkaBroker;
import org.partnershiptracker.infra.process.ServiceJvm;
import org.partnershiptracker.infra.security.TokenMint;

/**
 * Intake and publication under load, beside their ceilings in the same run: the command-service
 * (exec jar, its own JVM, embedded PostgreSQL, a real KRaft broker) takes POSTed meetings for 50
 * partnerships at 4, 16 and 64 concurrent clients for 20 s each; the publisher's rate is events
 * acknowledged by Kafka over the time from the load's start until the publication lag is 0 again.
 * Ceilings: pgbench single-row inserts, one transaction each, from the same number of clients into
 * the same PostgreSQL, and Kafka's own producer perf test beside a plain Kafka producer (acks=all,
 * idempotent) of records of the same size on the same broker ({@link Ceilings}). Not part of the
 * suite; run:
 *
 * <pre>
 * ./mvnw -B -pl command-service -am package -DskipTests && ./mvnw -B -pl command-service test -Dtest=IntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * It writes docs/benchmarks/write-side.md.
 */
class IntakeBenchmark {
  static final int PARTNERSHIPS = 50;
  static final Duration PHASE = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));
  // Load before the measured rows, so they measure a warm service rather than start-up: on 2 cores
  // the JIT keeps compiling under load for about 6 minutes, the rate rising from ~160 to ~450
  // commands/s (write-side.md, "A warm service"). 15 s gives the cold figures of the earlier rows.
  static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warmup-seconds", 420));
  private static final int[] CLIENTS =
      java.util.Arrays.stream(System.getProperty("benchmark.clients", "4,16,64").split(","))
          .mapToInt(Integer::parseInt)
          .toArray();
  private final HttpClient http =
      HttpClient.newBuilder().executor(Executors.newFixedThreadPool(64)).build();
  // The service trusts this issuer; the load is a council's recording system, set-up the admin.
  private static final TokenMint ISSUER = TokenMint.shared();
  private static final String RECORDER =
      ISSUER.bearer("north-council-system", "north-council", "recorder");
  private static final String ADMIN = ISSUER.bearer("benchmark-admin", "uni", "admin");
  // Settings for the service under test, e.g. -Dbenchmark.service-arguments=--a.b=c
  private static final List<String> SERVICE_ARGUMENTS = words("benchmark.service-arguments");
  private static final List<String> JVM_OPTIONS = words("benchmark.jvm-options");

  /** A system property's space-separated words (JVM options, arguments); none when unset. */
  static List<String> words(String property) {
    return java.util.Arrays.stream(System.getProperty(property, "").split(" "))
        .filter(word -> !word.isBlank())
        .toList();
  }

  @Test
  void intakeAndPublication() throws Exception {
    Path dir = runDir("intake-benchmark");
    int port = freePort();
    int postgresPort = freePort();
    StringBuilder report = new StringBuilder();
    try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), 0, 0)) {
      Process service = startService(dir, port, postgresPort, broker, SERVICE_ARGUMENTS);
      try {
        String base = "http://localhost:" + port;
        readyWithPartnerships(base);
        waitFor(() -> publicationLag(base) == 0, Duration.ofMinutes(2));
        load(base, 16, WARM_UP);
        waitFor(() -> publicationLag(base) == 0, Duration.ofMinutes(5));

        report.append(
            "| clients | intake (commands/s) | p50 (ms) | p99 (ms) | errors | publication"
                + " (events/s, load start to lag 0) | lag at load end | lag back to 0 after load"
                + " end | database work per command: WAL syncs, WAL records, rows written"
                + " | service CPU per command (ms)"
                + " | DB ceiling, same clients (single-row inserts/s) |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int clients : CLIENTS) {
          long publishedBefore = published(base);
          DatabaseWork workBefore = DatabaseWork.of(postgresPort);
          Duration cpuBefore = cpu(service);
          long start = System.nanoTime();
          Load load = load(base, clients, PHASE);
          long loadEnd = System.nanoTime();
          long lagAtEnd = publicationLag(base);
          waitFor(() -> publicationLag(base) == 0, Duration.ofMinutes(5));
          long drained = System.nanoTime();
          // the service JVM's own CPU (its PostgreSQL runs in processes of their own) over the
          // phase and the drain: less sensitive to a busy machine than the rate
          double cpuPerCommand =
              cpu(service).minus(cpuBefore).toNanos() / 1e6 / Math.max(1, load.count);
          double publicationRate = (published(base) - publishedBefore) / ((drained - start) / 1e9);
          DatabaseWork work = DatabaseWork.of(postgresPort).minus(workBefore);
          java.util.Optional<Double> pgbench =
              Ceilings.pgbenchInserts(postgresPort, clients, 5, dir);
          double dbCeiling =
              pgbench.isPresent() ? pgbench.get() : insertCeiling(postgresPort, clients);
          report.append(
              "| %d | %,.0f | %.1f | %.1f | %d | %,.0f | %,d | %.1f s | %s | %.1f | %,.0f |\n"
                  .formatted(
                      clients,
                      load.count / ((loadEnd - start) / 1e9),
                      load.percentile(50),
                      load.percentile(99),
                      load.errors,
                      publicationRate,
                      lagAtEnd,
                      (drained - loadEnd) / 1e9,
                      work.perCommand(load.count + load.errors),
                      cpuPerCommand,
                      dbCeiling));
          System.out.println(
              "[intake] " + report.substring(report.lastIndexOf("\n| " + clients + " |")).trim());
        }
        double producerCeiling = producerCeiling(broker.bootstrapServers());
        double perfTest = Ceilings.kafkaProducerPerfTest(broker.bootstrapServers(), 100_000, 700);
        report
            .append(
                "\n"
                    + "DB ceiling: %s. Kafka ceilings on the same broker (acks=all, idempotent,"
                        .formatted(
                            Ceilings.pgbenchInstalled()
                                ? "pgbench (-n -c clients -j 2 -T 5, one single-row INSERT per"
                                    + " transaction, 700 bytes)"
                                : "pgbench not installed: JDBC clients doing what pgbench would")
                    + " 700-byte records, 100,000 records): Kafka's producer perf test ")
            .append(
                "%,.0f records/s; a plain producer in the benchmark's JVM %,.0f records/s.\n"
                    .formatted(perfTest, producerCeiling));
      } finally {
        service.destroy();
        service.waitFor();
      }
    }
    String page =
        """
        # Benchmark: intake and publication (write side)

        - Date: %s; machine: %d cores, shared with other work
        - The command-service exec jar as its own JVM (-Xmx512m) with its embedded PostgreSQL (fsync on), a
          real KRaft broker in the benchmark's JVM; %d partnerships; each client POSTs meetings (with an
          Idempotency-Key) to random partnerships for %d s per row, after a warm-up of %d s at 16 clients.
        - Reproduce: `./mvnw -B -pl command-service -am package -DskipTests && ./mvnw -B -pl command-service test -Dtest=IntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false`
        - Targets (issue 8): intake ≥ 3,000 commands/s at 16 clients with p99 < 50 ms; publication ≥ 90%% of the
          producer ceiling and never slower than intake (the lag returns to 0 within seconds of the load's end).

        %s
        """
            .formatted(
                LocalDateTime.now().withNano(0),
                Runtime.getRuntime().availableProcessors(),
                PARTNERSHIPS,
                PHASE.toSeconds(),
                WARM_UP.toSeconds(),
                report);
    Path out = Path.of(System.getProperty("benchmark.out", "../docs/benchmarks/write-side.md"));
    Files.writeString(out, page);
    System.out.println(page);
  }

  /** A fresh directory under target/ for one run's data (event store, broker log, service log). */
  static Path runDir(String benchmark) throws IOException {
    return Files.createDirectories(
        Path.of("target/" + benchmark + "-" + UUID.randomUUID()).toAbsolutePath());
  }

  /** CPU time the process has used so far (user and system). */
  static Duration cpu(Process process) {
    return process
        .toHandle()
        .info()
        .totalCpuDuration()
        .orElseThrow(() -> new IllegalStateException("no CPU time for " + process.pid()));
  }

  /**
   * The exec jar as its own JVM (-Xmx512m, {@code benchmark.jvm-options}) trusting {@link #ISSUER},
   * with its embedded PostgreSQL under {@code dir}, publishing to {@code broker}, plus {@code
   * arguments}.
   */
  static Process startService(
      Path dir, int port, int postgresPort, KafkaBroker broker, List<String> arguments)
      throws IOException {
    List<String> all =
        new ArrayList<>(
            List.of(
                ISSUER.issuerArgument(),
                "--tracker.embedded-postgres.data-dir=" + dir.resolve("postgres"),
                "--tracker.embedded-postgres.port=" + postgresPort,
                "--tracker.publication.bootstrap-servers=" + broker.bootstrapServers(),
                "--logging.level.root=WARN"));
    all.addAll(arguments);
    return ServiceJvm.start(
        ServiceJvm.execJar("command-service"),
        "512m",
        JVM_OPTIONS,
        port,
        dir.resolve("service.log"),
        all);
  }

  /** Waits until the service is ready, then forms the {@link #PARTNERSHIPS} load partnerships. */
  void readyWithPartnerships(String base) throws Exception {
    waitFor(
        () -> get(base + "/actuator/health/readiness").statusCode() == 200, Duration.ofMinutes(3));
    for (int i = 0; i < PARTNERSHIPS; i++) {
      formPartnership(base, "load-" + i);
    }
  }

  record Load(long count, long errors, long[] latenciesMicros) {
    double percentile(int p) {
      if (latenciesMicros.length == 0) {
        return 0;
      }
      return latenciesMicros[
              Math.min(
                  latenciesMicros.length - 1,
                  (int) Math.ceil(p / 100.0 * latenciesMicros.length) - 1)]
          / 1000.0;
    }
  }

  Load load(String base, int clients, Duration phase) throws Exception {
    return load(base, clients, phase, 0);
  }

  /**
   * {@code clients} POSTing meetings for {@code phase}; at most {@code ratePerSecond} commands a
   * second in all when it is above 0 (each client keeps its share of the pace), else as fast as
   * they are answered.
   */
  Load load(String base, int clients, Duration phase, double ratePerSecond) throws Exception {
    return load(base, clients, phase, ratePerSecond, () -> true);
  }

  /** As above, ending early once {@code keepGoing} says no. */
  Load load(
      String base,
      int clients,
      Duration phase,
      double ratePerSecond,
      java.util.function.BooleanSupplier keepGoing)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long begin = System.nanoTime();
    long end = begin + phase.toNanos();
    long interval = ratePerSecond > 0 ? (long) (clients * 1e9 / ratePerSecond) : 0;
    AtomicLong errors = new AtomicLong();
    List<Future<List<Long>>> results = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      results.add(
          pool.submit(
              () -> {
                List<Long> latencies = new ArrayList<>();
                long next = begin + (long) (ThreadLocalRandom.current().nextDouble() * interval);
                while (System.nanoTime() < end && keepGoing.getAsBoolean()) {
                  if (interval > 0) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // the pace
                    }
                    next += interval;
                  }
                  String partnership = "load-" + ThreadLocalRandom.current().nextInt(PARTNERSHIPS);
                  LocalDate day =
                      LocalDate.of(2025, 2, 3).plusDays(ThreadLocalRandom.current().nextInt(300));
                  String body =
                      """
                      {"type":"WORKING_SESSION","heldOn":"%s","durationMinutes":90,"hostOrganisationId":"north-council",
                       "attendees":[{"organisationId":"uni","level":"RESEARCHER","count":2},{"organisationId":"north-council","level":"ANALYST","count":3}]}\
                      """
                          .formatted(day);
                  long sent = System.nanoTime();
                  int status =
                      postMeeting(base + "/api/partnerships/" + partnership + "/meetings", body);
                  if (status == 201) {
                    latencies.add((System.nanoTime() - sent) / 1000);
                  } else {
                    errors.incrementAndGet();
                  }
                }
                return latencies;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> result : results) {
      all.addAll(result.get());
    }
    pool.shutdown();
    long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Load(sorted.length, errors.get(), sorted);
  }

  /**
   * HttpURLConnection writes headers and a small body in one segment; java.net.http.HttpClient
   * sends them apart, and Nagle's algorithm against the server's delayed ACK then adds ~40 ms to
   * every POST (seen here: p50 52 ms at 4 clients), which would measure the client, not the
   * service.
   */
  static int postMeeting(String url, String body) throws IOException {
    java.net.HttpURLConnection connection =
        (java.net.HttpURLConnection) URI.create(url).toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setRequestProperty("Content-Type", "application/json");
    connection.setRequestProperty("Idempotency-Key", UUID.randomUUID().toString());
    connection.setRequestProperty("Authorization", RECORDER);
    byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (java.io.OutputStream out = connection.getOutputStream()) {
      out.write(bytes);
    }
    int status = connection.getResponseCode();
    try (java.io.InputStream in =
        status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      if (in != null) {
        in.readAllBytes(); // keep-alive reuses the connection once the answer is read
      }
    }
    return status;
  }

  /**
   * What PostgreSQL did, from its own statistics: WAL flushes to disk (each a wait on fsync; group
   * commit lets concurrent commits share one), WAL records, and rows inserted or updated. Read
   * after the publisher drained, so its token updates are counted too; the statistics of other
   * sessions are flushed within a second of their last transaction.
   */
  private record DatabaseWork(long walSyncs, long walRecords, long rowsWritten) {
    static DatabaseWork of(int postgresPort) throws Exception {
      try (Connection sql =
              DriverManager.getConnection(
                  "jdbc:postgresql://localhost:" + postgresPort + "/postgres", "postgres", "");
          java.sql.ResultSet row =
              sql.createStatement()
                  .executeQuery(
                      "SELECT w.wal_sync, w.wal_records, d.tup_inserted + d.tup_updated FROM"
                          + " pg_stat_wal w, pg_stat_database d WHERE d.datname ="
                          + " current_database()")) {
        row.next();
        return new DatabaseWork(row.getLong(1), row.getLong(2), row.getLong(3));
      }
    }

    DatabaseWork minus(DatabaseWork before) {
      return new DatabaseWork(
          walSyncs - before.walSyncs,
          walRecords - before.walRecords,
          rowsWritten - before.rowsWritten);
    }

    String perCommand(long commands) {
      double n = Math.max(1, commands);
      return "%.2f, %.1f, %.2f".formatted(walSyncs / n, walRecords / n, rowsWritten / n);
    }
  }

  /**
   * One-row transactions from the given number of clients into a table of its own in the same
   * PostgreSQL, for 5 s: what pgbench does, for a machine without it ({@link Ceilings}).
   */
  private static double insertCeiling(int postgresPort, int clients) throws Exception {
    String url = "jdbc:postgresql://localhost:" + postgresPort + "/postgres";
    try (Connection setup = DriverManager.getConnection(url, "postgres", "")) {
      setup
          .createStatement()
          .execute(
              "CREATE TABLE IF NOT EXISTS ceiling_bench (id BIGSERIAL PRIMARY KEY, payload TEXT)");
    }
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    long start = System.nanoTime();
    List<Future<Long>> counts = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      counts.add(
          pool.submit(
              () -> {
                long n = 0;
                try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                    PreparedStatement insert =
                        connection.prepareStatement(
                            "INSERT INTO ceiling_bench (payload) VALUES (?)")) {
                  while (System.nanoTime() < end) {
                    insert.setString(1, "x".repeat(700));
                    insert.executeUpdate();
                    n++;
                  }
                }
                return n;
              }));
    }
    long total = 0;
    for (Future<Long> count : counts) {
      total += count.get();
    }
    pool.shutdown();
    return total / ((System.nanoTime() - start) / 1e9);
  }

  /** A fast plain producer: acks=all, idempotent, batched (5 ms, 256 KiB). */
  static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.LINGER_MS_CONFIG,
            5,
            ProducerConfig.BATCH_SIZE_CONFIG,
            256 * 1024),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  static double producerCeiling(String bootstrapServers) throws Exception {
    return producerCeiling(bootstrapServers, 700);
  }

  /** 100,000 records of {@code size} bytes from {@link #producer}, to a topic of their own. */
  static double producerCeiling(String bootstrapServers, int size) throws Exception {
    byte[] value = new byte[size];
    Arrays.fill(value, (byte) 'x');
    try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
      long start = System.nanoTime();
      for (int i = 0; i < 100_000; i++) {
        producer.send(
            new ProducerRecord<>("producer-ceiling", "load-" + (i % PARTNERSHIPS), value));
      }
      producer.flush();
      return 100_000 / ((System.nanoTime() - start) / 1e9);
    }
  }

  void formPartnership(String base, String id) throws Exception {
    post(
        base + "/api/partnerships",
        """
        {"partnershipId":"%s","name":"Load %s","formedOn":"2025-01-06"}\
        """
            .formatted(id, id));
    post(
        base + "/api/partnerships/" + id + "/partners",
        """
        {"organisationId":"north-council","organisationName":"North County Council","sector":"LOCAL_AUTHORITY","joinedOn":"2025-01-06"}\
        """);
    post(
        base + "/api/partnerships/" + id + "/partners",
        """
        {"organisationId":"uni","organisationName":"Shire University","sector":"UNIVERSITY","joinedOn":"2025-01-06"}\
        """);
  }

  private void post(String url, String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          url + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  HttpResponse<String> get(String url) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(url)).header("Authorization", ADMIN).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private long publicationLag(String base) {
    return (long) metric(base, "tracker_publication_lag_events");
  }

  private long published(String base) {
    return (long) metric(base, "tracker_events_published_total");
  }

  /** The sum of a metric's series in the Prometheus scrape. */
  double metric(String base, String name) {
    String scrape = get(base + "/actuator/prometheus").body();
    Matcher line =
        Pattern.compile("^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$", Pattern.MULTILINE)
            .matcher(scrape);
    double sum = 0;
    while (line.find()) {
      sum += Double.parseDouble(line.group(2));
    }
    return sum;
  }

  static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!safely(condition)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + timeout);
      }
      Thread.sleep(200); // polling a service from a benchmark, not a test
    }
  }

  private static boolean safely(java.util.function.BooleanSupplier condition) {
    try {
      return condition.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
