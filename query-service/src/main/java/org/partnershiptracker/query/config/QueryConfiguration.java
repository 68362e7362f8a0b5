package org.partnershiptracker.query.config;

import org.partnershiptracker.query.trust.TrustBuildingCalculator;
import org.partnershiptracker.query.trust.TrustSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class QueryConfiguration {
  /** "Today" for queries without asOf; a bean so tests can fix it. */
  @Bean
  public Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  public TrustBuildingCalculator trustBuildingCalculator() {
    return new TrustBuildingCalculator(TrustSettings.defaults());
  }
}
