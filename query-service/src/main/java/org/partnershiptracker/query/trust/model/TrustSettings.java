package org.partnershiptracker.query.trust.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * The trailing window, the weight of each practice in the composite index, and the horizon over
 * which L1 judges started projects. Defaults: 90 days, the lessons L1-L5, I2 and social cohesion
 * weight 1; perceived trust and the policy-lab insights I1, I3, I4 weight 0 (scored, advised on and
 * shown beside the index, see {@link #BESIDE_THE_INDEX}); 12 months.
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

  /**
   * Scored and advised on, but outside the index unless weighted: perceived trust is an opinion,
   * not a practice; I1, I3 and I4 come from other programmes than the lessons the index was built
   * on, and weighting them by default would lower at once every index of partnerships that never
   * recorded such interactions.
   */
  public static final java.util.Set<Practice> BESIDE_THE_INDEX =
      java.util.EnumSet.of(
          Practice.PERCEIVED_TRUST,
          Practice.I1_DATA_OWNERS,
          Practice.I3_EDUCATION_AND_PROTOCOLS,
          Practice.I4_CITIZEN_PARTICIPATION);

  public static TrustSettings defaults() {
    Map<Practice, Double> weights = new EnumMap<>(Practice.class);
    for (Practice practice : Practice.values()) {
      weights.put(practice, BESIDE_THE_INDEX.contains(practice) ? 0.0 : 1.0);
    }
    return new TrustSettings(90, weights);
  }

  public double weight(Practice practice) {
    return weights.getOrDefault(practice, 0.0);
  }
}
