package org.partnershiptracker.query.readmodel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.ToIntBiFunction;

/**
 * How much of the heap the read caches may hold. They are weighed in decoded events, not counted in
 * entries: a ledger or a month of a busy partnership holds thousands of events, and caches counted
 * in entries held a 100,000-event store several times over (the query-service ran out of a 512 MiB
 * heap at a rebuild). Together they take about a fifth of the maximum heap, at roughly a kilobyte
 * per decoded event (events, their references and the collections around them).
 */
final class ReadCaches {
  private static final long BYTES_PER_EVENT = 1024;

  /** Decoded events all caches may hold together. */
  static final long EVENTS = Runtime.getRuntime().maxMemory() / 5 / BYTES_PER_EVENT;

  /** Months of meetings and surveys: what a window reads. */
  static final long ACTIVITY_EVENTS = EVENTS / 2;

  /** Decoded ledgers (structural events). */
  static final long LEDGER_EVENTS = EVENTS / 4;

  /** Structures folded as of a day, weighed by the ledger they were folded from. */
  static final long STRUCTURE_EVENTS = EVENTS / 4;

  /** Trend figures (a few hundred bytes each): a year's months of 2,000 partnerships. */
  static final long TREND_FIGURES = 24_000;

  private ReadCaches() {}

  /**
   * A cache bounded by the total weight of its values (never less than 1 each); least recently and
   * least frequently used values go first. Evictions run on the writing thread, so the bound holds
   * when the put returns.
   */
  static <V> Cache<String, V> weighed(long maxWeight, ToIntBiFunction<String, V> weight) {
    return Caffeine.newBuilder()
        .maximumWeight(maxWeight)
        .<String, V>weigher((key, value) -> Math.max(1, weight.applyAsInt(key, value)))
        .executor(Runnable::run)
        .build();
  }
}
