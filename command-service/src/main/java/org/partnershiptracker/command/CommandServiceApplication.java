package org.partnershiptracker.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The write side: takes commands over HTTP, keeps the rules in aggregates, stores the events. */
@SpringBootApplication
@ConfigurationPropertiesScan // every setting is a @ConfigurationProperties record
@EnableScheduling // embedded database watch, retention of idempotency keys
public class CommandServiceApplication {
  public static void main(String[] args) {
    // No anonymous usage reports to AxonIQ from partners' infrastructure.
    System.setProperty("axoniq.update-check.disabled", "true");
    SpringApplication.run(CommandServiceApplication.class, args);
  }
}
