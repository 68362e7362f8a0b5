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
 */
@ConfigurationProperties("tracker.embedded-postgres")
public record EmbeddedPostgresProperties(
    @DefaultValue("./data/command-postgres") Path dataDir, @DefaultValue("0") int port) {}
