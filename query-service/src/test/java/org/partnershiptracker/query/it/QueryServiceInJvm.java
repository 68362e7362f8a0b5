package org.partnershiptracker.query.it;

import java.util.ArrayList;
import java.util.List;
import org.partnershiptracker.infra.security.TokenMint;
import org.partnershiptracker.query.QueryServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The query-service started in the test JVM by an IT: trusting the test JVM's token issuer, on a
 * free port, with the test's own {@code settings} ({@code --name=value}).
 */
final class QueryServiceInJvm {
  private QueryServiceInJvm() {}

  static ConfigurableApplicationContext start(String... settings) {
    List<String> arguments = new ArrayList<>();
    arguments.add(TokenMint.shared().issuerArgument());
    arguments.add("--server.port=0");
    arguments.addAll(List.of(settings));
    return new SpringApplicationBuilder(QueryServiceApplication.class)
        .run(arguments.toArray(String[]::new));
  }

  /** The started service's base URL, {@code http://localhost:<port>}. */
  static String url(ConfigurableApplicationContext app) {
    return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
  }
}
