package org.partnershiptracker.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded MongoDB-wire server, started when {@code spring.data.mongodb.uri} is blank ({@code
 * tracker.embedded-mongo.*}).
 *
 * @param dataDir where its H2 file is kept; required when the server is started
 * @param port 0 picks a free port
 */
@ConfigurationProperties("tracker.embedded-mongo")
public record EmbeddedMongoProperties(String dataDir, @DefaultValue("0") int port) {}
