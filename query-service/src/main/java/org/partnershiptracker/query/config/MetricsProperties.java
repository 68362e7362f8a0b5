package org.partnershiptracker.query.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The domain gauges per partnership ({@code tracker.metrics.*}).
 *
 * @param refresh how often the gauges are read again from the portfolio rows
 * @param maxPartnerships at most this many partnerships get series, so tag cardinality stays
 *     bounded
 */
@ConfigurationProperties("tracker.metrics")
public record MetricsProperties(
    @DefaultValue("60s") Duration refresh, @DefaultValue("100") int maxPartnerships) {}
