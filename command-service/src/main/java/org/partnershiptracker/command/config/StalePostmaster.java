package org.partnershiptracker.command.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL outlives a command-service killed with SIGKILL: it keeps running on its
 * data directory, so the next start would wait for it and fail. Before starting, a postmaster still
 * running on our data directory (its {@code postmaster.pid} names a live postgres process) is asked
 * to stop (SIGTERM: smart shutdown, quick since its clients died with the old service), then killed
 * if it has not stopped within 10 s; PostgreSQL recovers from its WAL on the next start.
 */
final class StalePostmaster {
  private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
  private static final Duration GRACE = Duration.ofSeconds(10);

  private StalePostmaster() {}

  /** The live postgres process that the data directory's {@code postmaster.pid} names, if any. */
  static Optional<ProcessHandle> running(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
        .filter(ProcessHandle::isAlive)
        .filter(StalePostmaster::isPostgres);
  }

  static void stopIfOrphaned(Path dataDirectory) throws IOException {
    Optional<ProcessHandle> process = running(dataDirectory);
    if (process.isEmpty()) {
      return; // none, or a pid file left by a dead postmaster: PostgreSQL itself starts over it
    }
    long pid = process.get().pid();
    log.warn(
        "A PostgreSQL (pid {}) left by an earlier run still holds {}; stopping it",
        pid,
        dataDirectory);
    process.get().destroy();
    try {
      process.get().onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception notYet) {
      log.warn("PostgreSQL pid {} did not stop within {} s; killing it", pid, GRACE.toSeconds());
      process.get().destroyForcibly();
      process.get().onExit().join();
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(command -> command.contains("postgres")).orElse(false);
  }
}
