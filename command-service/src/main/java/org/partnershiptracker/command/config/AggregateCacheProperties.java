package org.partnershiptracker.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Loaded aggregates kept in memory ({@code tracker.aggregate-cache.*}).
 *
 * @param maxAggregates partnerships and projects kept at most; the least recently used go first
 */
@ConfigurationProperties("tracker.aggregate-cache")
public record AggregateCacheProperties(@DefaultValue("10000") long maxAggregates) {
  public AggregateCacheProperties {
    if (maxAggregates < 0) {
      throw new IllegalArgumentException(
          "tracker.aggregate-cache.max-aggregates must be 0 or more, was " + maxAggregates);
    }
  }
}
