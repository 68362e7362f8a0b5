package org.partnershiptracker.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershiptracker.infra.process.ServiceJvm.freePort;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.infra.process.ServiceJvm;
import org.partnershiptracker.infra.security.TokenMint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command-service as its own process, killed with SIGKILL: its embedded PostgreSQL outlives it,
 * and the next start still succeeds at the first attempt, with every event kept. PostgreSQL runs
 * with fsync on.
 */
class CrashRestartIT {
  private static final Logger log = LoggerFactory.getLogger(CrashRestartIT.class);
  private final Path dataDir =
      Path.of("target/it-data/crash-restart-" + UUID.randomUUID()).toAbsolutePath();
  private final List<Process> started = new ArrayList<>();
  private final int postgresPort = freePort();
  private final int port = freePort();
  private final CommandApi api = new CommandApi(port);

  @BeforeEach
  void createDataDir() throws IOException {
    Files.createDirectories(dataDir);
  }

  @AfterEach
  void stopEverything() throws IOException {
    started.forEach(Process::destroyForcibly);
    // What the service and a restarted PostgreSQL said about the database, so a failure on CI can
    // be read from the build log.
    Path serviceLog = dataDir.resolve("service.log");
    if (Files.exists(serviceLog)) {
      try (var lines = Files.lines(serviceLog)) {
        lines
            .filter(line -> line.contains("EmbeddedDatabase"))
            .forEach(line -> log.info("service: {}", line));
      }
    }
    Path restartedServerLog = dataDir.resolve("postgres/postgresql.log");
    if (Files.exists(restartedServerLog)) {
      Files.readAllLines(restartedServerLog).forEach(line -> log.info("postgres: {}", line));
    }
    if (Files.exists(dataDir.resolve("postgres/postmaster.pid"))) {
      ProcessHandle.of(postmasterPid()).ifPresent(ProcessHandle::destroy);
    }
  }

  /** The embedded PostgreSQL's server process, which the service started and may outlive. */
  private long postmasterPid() throws IOException {
    return Long.parseLong(
        Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
  }

  private Process start(String... extra) throws IOException {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                TokenMint.shared().issuerArgument(),
                "--tracker.embedded-postgres.data-dir=" + dataDir.resolve("postgres"),
                "--tracker.embedded-postgres.port=" + postgresPort,
                "--tracker.publication.enabled=false"));
    arguments.addAll(List.of(extra));
    Process process =
        ServiceJvm.start(
            ServiceJvm.execJar("command-service"),
            "384m",
            port,
            dataDir.resolve("service.log"),
            arguments);
    started.add(process);
    return process;
  }

  private boolean ready() {
    try {
      return api.get("/actuator/health/readiness").status() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Test
  void aServiceKilledWithItsDatabaseRunningStartsAgainAtTheFirstAttemptWithEveryEvent()
      throws Exception {
    Process first = start();
    await().atMost(Duration.ofSeconds(120)).until(() -> ready());
    api.formPartnershipWithPartners("p-crash");
    long events = api.history("p-crash").size();
    try (Connection sql =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postgresPort + "/postgres", "postgres", "");
        ResultSet fsync = sql.createStatement().executeQuery("SHOW fsync")) {
      fsync.next();
      assertThat(fsync.getString(1))
          .as("a commit is on disk before the command is acknowledged")
          .isEqualTo("on");
    }

    first.destroyForcibly().waitFor();
    assertThat(ProcessHandle.of(postmasterPid()).map(ProcessHandle::isAlive))
        .as("the database outlived its service")
        .contains(true);

    long restartedAt = System.nanoTime();
    Process second = start();
    await().atMost(Duration.ofSeconds(120)).until(() -> ready() || !second.isAlive());
    assertThat(second.isAlive()).as("the first restart succeeds").isTrue();
    log.info(
        "restart after SIGKILL to ready: {} ms", (System.nanoTime() - restartedAt) / 1_000_000);
    assertThat(api.history("p-crash").size()).isEqualTo(events);
  }

  @Test
  void whenItsDatabaseDiesTheServiceSaysSoAtOnceAndRecoversByItself() throws Exception {
    start();
    await().atMost(Duration.ofSeconds(120)).until(() -> ready());
    api.formPartnershipWithPartners("p-outage");

    ProcessHandle.of(postmasterPid()).orElseThrow().destroyForcibly();
    // Hold the database's port for a while, so the service's restart of it waits and the outage can
    // be observed.
    try (ServerSocket blocker = new ServerSocket()) {
      await()
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .until(
              () -> {
                blocker.bind(new java.net.InetSocketAddress("localhost", postgresPort));
                return true;
              });
      long diedAt = System.nanoTime();
      await()
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> !ready());
      log.info(
          "readiness DOWN {} ms after the database died", (System.nanoTime() - diedAt) / 1_000_000);
      long sent = System.nanoTime();
      CommandApi.Response refused =
          api.post(
              "/api/partnerships/p-outage/pulse-surveys",
              "{\"respondentOrganisationId\":\"north-council\",\"aboutOrganisationId\":\"uni\",\"trust\":4,\"answeredOn\":\"2025-02-01\"}",
              "outage-key-1");
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.header("Retry-After")).isEqualTo("5");
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(Duration.ofNanos(System.nanoTime() - sent))
          .as("fails fast, not after the pool's 30 s")
          .isLessThan(Duration.ofSeconds(10));
    }
    await().atMost(Duration.ofSeconds(120)).until(() -> ready());
    CommandApi.Response recorded =
        api.post(
            "/api/partnerships/p-outage/pulse-surveys",
            "{\"respondentOrganisationId\":\"north-council\",\"aboutOrganisationId\":\"uni\",\"trust\":4,\"answeredOn\":\"2025-02-01\"}",
            "outage-key-1");
    assertThat(recorded.status())
        .as("the retry with the same key runs: the 503 was not kept")
        .isEqualTo(201);
  }

  @Test
  void aStreamOfKeyedCommandsCutByKill9IsRecordedExactlyOnceWhenEveryUnansweredRequestIsRetried()
      throws Exception {
    Process first = start("--tracker.idempotency.lease=2s");
    await().atMost(Duration.ofSeconds(120)).until(() -> ready());
    api.formPartnershipWithPartners("p-stream");
    int total = 200;
    java.util.Set<Integer> answered = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.ExecutorService clients =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    for (int i = 0; i < total; i++) {
      int n = i;
      clients.submit(
          () -> {
            try {
              if (api.post("/api/partnerships/p-stream/meetings", streamedMeeting(n), "stream-" + n)
                      .status()
                  == 201) {
                answered.add(n);
              }
            } catch (RuntimeException connectionLost) {
              // the service was killed under this request: it is retried below
            }
          });
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> answered.size() >= total / 3);
    first.destroyForcibly().waitFor(); // SIGKILL in the middle of the stream
    clients.shutdown();
    clients.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);

    start("--tracker.idempotency.lease=2s");
    await().atMost(Duration.ofSeconds(120)).until(() -> ready());
    for (int n = 0; n < total; n++) {
      if (!answered.contains(n)) {
        int request = n;
        // A claim the killed process left in progress answers 409 until its lease ends; then the
        // retry runs.
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () ->
                    api.post(
                                "/api/partnerships/p-stream/meetings",
                                streamedMeeting(request),
                                "stream-" + request)
                            .status()
                        == 201);
      }
    }
    long meetings = api.historyOf("p-stream", "MeetingHeld").size();
    log.info("stream: {} of {} answered before SIGKILL, the rest retried", answered.size(), total);
    assertThat(meetings).as("every keyed command recorded exactly once").isEqualTo(total);
  }

  /** A meeting whose id the service generates: recording it twice would show as two meetings. */
  private static String streamedMeeting(int n) {
    return """
    {"type":"CATCH_UP","heldOn":"%s","durationMinutes":30,"hostOrganisationId":"north-council",
     "attendees":[{"organisationId":"uni","level":"RESEARCHER","count":1}]}
    """
        .formatted(java.time.LocalDate.of(2025, 2, 3).plusDays(n % 300));
  }
}
