package org.partnershiptracker.query.trust.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * The trailing window, the weight of each practice in the composite index, and the horizon over
 * which L1 judges started projects. Defaults: 90 days, every behavioural practice weight 1,
 * perceived trust weight 0 (shown beside the index), 12 months.
 */
public record TrustSettings(int windowDays, Map<Practice, Double> weights, int l1HorizonMonths) {
  public TrustSettings {
    if (windowDays < 7) {
      throw new IllegalArgumentException("the trust window must be at least 7 days");
    }
    if (l1HorizonMonths < 1) {
      throw new IllegalArgumentException("the L1 horizon must be at least 1 month");
    }
    weights = Map.copyOf(weights);
  }

  public TrustSettings(int windowDays, Map<Practice, Double> weights) {
    this(windowDays, weights, 12);
  }

  public static TrustSettings defaults() {
    Map<Practice, Double> weights = new EnumMap<>(Practice.class);
    for (Practice practice : Practice.values()) {
      weights.put(practice, practice == Practice.PERCEIVED_TRUST ? 0.0 : 1.0);
    }
    return new TrustSettings(90, weights);
  }

  public double weight(Practice practice) {
    return weights.getOrDefault(practice, 0.0);
  }
}
