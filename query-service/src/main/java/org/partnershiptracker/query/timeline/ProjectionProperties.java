package org.partnershiptracker.query.timeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** Where the projections read from ({@code tracker.projection.*}). */
@ConfigurationProperties("tracker.projection")
public record ProjectionProperties(
    @DefaultValue("localhost:9092") String bootstrapServers,
    @DefaultValue("partnership.events") String topic,
    @DefaultValue("500ms") Duration pollTimeout,
    @DefaultValue("500") int maxPollRecords) {}
