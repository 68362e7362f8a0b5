package org.partnershiptracker.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The read models' MongoDB ({@code spring.data.mongodb.*}, the names Spring users expect; only
 * these two are read). A blank uri starts the embedded server of {@link EmbeddedMongoProperties}.
 */
@ConfigurationProperties("spring.data.mongodb")
public record MongoConnectionProperties(
    @DefaultValue("") String uri, @DefaultValue("partnership_tracker") String database) {}
