package org.partnershiptracker.query.config;

import java.time.Clock;
import org.partnershiptracker.query.trust.model.TrustBuildingCalculator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TrustProperties.class, MetricsProperties.class})
public class QueryConfiguration {
  /** "Today" for queries without asOf; a bean so tests can fix it. */
  @Bean
  public Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  public TrustBuildingCalculator trustBuildingCalculator(TrustProperties trust) {
    return new TrustBuildingCalculator(trust.settings());
  }
}
