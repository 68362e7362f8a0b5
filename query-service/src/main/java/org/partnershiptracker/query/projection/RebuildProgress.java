package org.partnershiptracker.query.projection;

import java.time.Instant;

/**
 * Where the last rebuild stands. {@code state}: IDLE (none yet), RUNNING, COMPLETED (switched:
 * queries read the new generation), FAILED (queries keep the old one; {@code reason} says why) or
 * INTERRUPTED (the service stopped during it). Every record read is applied, a duplicate of one
 * applied, or rejected: {@code eventsDone = applied + duplicates + rejected}.
 */
public record RebuildProgress(
    String projection,
    String state,
    int generation,
    long eventsDone,
    long eventsTotal,
    long applied,
    long duplicates,
    long rejected,
    double eventsPerSecond,
    Long etaSeconds,
    String reason,
    Instant startedAt,
    Instant finishedAt) {

  static RebuildProgress idle(int generation) {
    return new RebuildProgress(
        ProjectionConsumer.PROJECTION,
        "IDLE",
        generation,
        0,
        0,
        0,
        0,
        0,
        0,
        null,
        null,
        null,
        null);
  }

  boolean running() {
    return "RUNNING".equals(state);
  }
}
