package org.partnershiptracker.command.project;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.Locale;

@Configuration(proxyBeanMethods = false)
class ProjectPolicyConfiguration {

  /** Injected into the Project aggregate's start handler. */
  @Bean
  DsaBeforeStartPolicy dsaBeforeStartPolicy(
      @Value("${tracker.policy.dsa-before-start:enforce}") String configured) {
    try {
      return DsaBeforeStartPolicy.valueOf(configured.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "tracker.policy.dsa-before-start must be one of "
              + Arrays.toString(DsaBeforeStartPolicy.values()).toLowerCase(Locale.ROOT)
              + ", not '" + configured + "'");
    }
  }
}
