package org.partnershiptracker.query.projection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** How the projection reads the events topic ({@code tracker.projection.*}). */
@ConfigurationProperties("tracker.projection")
public record ProjectionProperties(
    @DefaultValue("localhost:9092") String bootstrapServers,
    @DefaultValue("partnership.events") String topic,
    /* Instances with the same group share the topic's partitions. */
    @DefaultValue("query-service-read-models") String group,
    @DefaultValue("500ms") Duration pollTimeout,
    @DefaultValue("2000") int maxPollRecords,
    /* Records gathered from consecutive polls into one batch of writes while the consumer is behind. */
    @DefaultValue("20000") int batchRecords,
    /* How soon the group gives a silent instance's partitions to the others. */
    @DefaultValue("10s") Duration sessionTimeout,
    /* Longest pause between retries of a batch that failed (MongoDB down): it is never skipped. */
    @DefaultValue("30s") Duration maxRetryBackoff,
    /* A rebuild that reads nothing for this long, before it has read to the end, fails. */
    @DefaultValue("2m") Duration rebuildStallTimeout,
    /* How long a rebuild may take to catch up with the live projection once it has read to the end. */
    @DefaultValue("10m") Duration rebuildCatchUpTimeout,
    /* How often rows of the portfolio that received events are recomputed. */
    @DefaultValue("2s") Duration portfolioRefresh) {}
