package org.partnershiptracker.command.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.partnershiptracker.command.CommandServiceApplication;
import org.partnershiptracker.infra.security.TokenMint;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command-service started in the test JVM by an IT that needs its own broker, or stops and
 * starts it: trusting the test JVM's token issuer, on a free port, with its embedded PostgreSQL in
 * {@code postgresDir}, and the test's own {@code settings} ({@code --name=value}).
 */
final class CommandServiceInJvm {
  private CommandServiceInJvm() {}

  static ConfigurableApplicationContext start(Path postgresDir, String... settings) {
    List<String> arguments = new ArrayList<>();
    arguments.add(TokenMint.shared().issuerArgument());
    arguments.add("--server.port=0");
    arguments.add("--tracker.embedded-postgres.data-dir=" + postgresDir);
    arguments.addAll(List.of(settings));
    return new SpringApplicationBuilder(CommandServiceApplication.class)
        .run(arguments.toArray(String[]::new));
  }

  /** The port the started service listens on. */
  static int port(ConfigurableApplicationContext app) {
    return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
  }
}
