package org.partnershiptracker.command;

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
  static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

  public static void main(String[] args) {
    // No anonymous usage reports to AxonIQ from partners' infrastructure. The key is the one Axon's
    // update checker reads (CommandLineUsagePropertyProvider); an earlier misspelt key left it on,
    // trying get.axoniq.io every few seconds. An operator's own -D or
    // AXONIQ_UPDATE_CHECKER_DISABLED
    // still decides.
    if (System.getProperty(UPDATE_CHECKER_DISABLED) == null
        && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
      System.setProperty(UPDATE_CHECKER_DISABLED, "true");
    }
    SpringApplication.run(CommandServiceApplication.class, args);
  }
}
