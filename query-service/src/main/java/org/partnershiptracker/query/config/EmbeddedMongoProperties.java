package org.partnershiptracker.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The embedded MongoDB-wire server, started when {@code spring.data.mongodb.uri} is blank ({@code tracker.embedded-mongo.*}). */
@ConfigurationProperties("tracker.embedded-mongo")
public record EmbeddedMongoProperties(
    /* Where its H2 file is kept; required when the server is started. */
    String dataDir,
    /* 0 picks a free port. */
    @DefaultValue("0") int port) {}
