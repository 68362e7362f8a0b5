package org.partnershiptracker.query.trust.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * The trailing window and the weight of each practice in the composite index. Defaults: 90 days,
 * every behavioural practice weight 1, perceived trust weight 0 (shown beside the index).
 */
public record TrustSettings(int windowDays, Map<Practice, Double> weights) {
  public TrustSettings {
    if (windowDays < 7) {
      throw new IllegalArgumentException("the trust window must be at least 7 days");
    }
    weights = Map.copyOf(weights);
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
