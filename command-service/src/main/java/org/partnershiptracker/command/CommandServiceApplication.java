package org.partnershiptracker.command;

import org.axonframework.updates.configuration.CommandLineUsagePropertyProvider;
import org.axonframework.updates.configuration.EnvironmentVariableUsagePropertyProvider;
import org.partnershiptracker.web.ProblemErrorReports;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The write side: takes commands over HTTP, keeps the rules in aggregates, stores the events. */
@SpringBootApplication
@Import(ProblemErrorReports.class) // Tomcat's own error pages as problem+json
@ConfigurationPropertiesScan // every setting is a @ConfigurationProperties record
@EnableScheduling // embedded database watch, retention of idempotency keys
public class CommandServiceApplication {
  public static void main(String[] args) {
    // No anonymous usage reports to AxonIQ from partners' infrastructure: Axon's own keys (a
    // misspelt one left the checker on, trying get.axoniq.io every few seconds). An operator's own
    // -D or environment variable still decides.
    if (System.getProperty(CommandLineUsagePropertyProvider.DISABLED_KEY) == null
        && System.getenv(EnvironmentVariableUsagePropertyProvider.DISABLED_KEY) == null) {
      System.setProperty(CommandLineUsagePropertyProvider.DISABLED_KEY, "true");
    }
    SpringApplication.run(CommandServiceApplication.class, args);
  }
}
