package org.partnershiptracker.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** The domain gauges per partnership ({@code tracker.metrics.*}). */
@ConfigurationProperties("tracker.metrics")
public record MetricsProperties(
    /* How often the gauges are read again from the portfolio rows. */
    @DefaultValue("60s") Duration refresh,
    /* At most this many partnerships get series, so tag cardinality stays bounded. */
    @DefaultValue("100") int maxPartnerships) {}
