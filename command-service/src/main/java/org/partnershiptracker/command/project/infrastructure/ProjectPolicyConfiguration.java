package org.partnershiptracker.command.project.infrastructure;

import org.partnershiptracker.command.project.model.DsaBeforeStartPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProjectPolicyConfiguration {

  /** Injected into the Project aggregate's start handler. */
  @Bean
  DsaBeforeStartPolicy dsaBeforeStartPolicy(PolicyProperties policy) {
    return policy.dsaBeforeStart();
  }
}
