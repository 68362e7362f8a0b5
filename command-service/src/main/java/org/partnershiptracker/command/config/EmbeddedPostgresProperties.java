package org.partnershiptracker.command.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL started when no {@code spring.datasource.url} is set ({@code
 * tracker.embedded-postgres.*}).
 *
 * @param dataDir where its data lives; kept across restarts
 * @param port its port; 0 picks a free one
 * @param poolSize connections the service keeps to it at most
 */
@ConfigurationProperties("tracker.embedded-postgres")
public record EmbeddedPostgresProperties(
    @DefaultValue("./data/command-postgres") Path dataDir,
    @DefaultValue("0") int port,
    @DefaultValue("10") int poolSize) {
  public EmbeddedPostgresProperties {
    if (poolSize < 1) {
      throw new IllegalArgumentException(
          "tracker.embedded-postgres.pool-size must be 1 or more, was " + poolSize);
    }
  }
}
