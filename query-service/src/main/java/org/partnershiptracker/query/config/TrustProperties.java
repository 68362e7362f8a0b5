package org.partnershiptracker.query.config;

import java.util.EnumMap;
import java.util.Map;
import org.partnershiptracker.query.trust.model.Practice;
import org.partnershiptracker.query.trust.model.TrustSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tracker.trust.window-days}, {@code tracker.trust.weights.<PRACTICE>} and {@code
 * tracker.trust.l1-horizon-months}: what is not set keeps the default of {@link
 * TrustSettings#defaults()}.
 */
@ConfigurationProperties("tracker.trust")
public record TrustProperties(
    Integer windowDays, Map<Practice, Double> weights, Integer l1HorizonMonths) {
  public TrustSettings settings() {
    TrustSettings defaults = TrustSettings.defaults();
    Map<Practice, Double> merged = new EnumMap<>(defaults.weights());
    if (weights != null) {
      weights.forEach(
          (practice, weight) -> {
            if (weight < 0) {
              throw new IllegalStateException(
                  "tracker.trust.weights." + practice + " must not be negative");
            }
            merged.put(practice, weight);
          });
    }
    return new TrustSettings(
        windowDays != null ? windowDays : defaults.windowDays(),
        merged,
        l1HorizonMonths != null ? l1HorizonMonths : defaults.l1HorizonMonths());
  }
}
