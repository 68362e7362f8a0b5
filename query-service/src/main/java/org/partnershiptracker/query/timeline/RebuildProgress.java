package org.partnershiptracker.query.timeline;

import java.time.Instant;

/** How far a rebuild has come; {@code state} is IDLE, RUNNING or COMPLETED. */
public record RebuildProgress(
    String projection,
    String state,
    int generation,
    long eventsDone,
    long eventsTotal,
    double eventsPerSecond,
    Instant startedAt,
    Instant finishedAt) {

  static RebuildProgress idle(int generation) {
    return new RebuildProgress(ProjectionRunner.PROJECTION, "IDLE", generation, 0, 0, 0, null, null);
  }
}
