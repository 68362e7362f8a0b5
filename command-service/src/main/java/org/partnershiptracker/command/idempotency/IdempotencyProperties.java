package org.partnershiptracker.command.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Idempotency keys ({@code tracker.idempotency.*}).
 *
 * @param lease how long a claimed key stays in progress before another request may take it over (a
 *     crashed request's key is free again after this)
 * @param retention how long a key's answer is kept
 */
@ConfigurationProperties("tracker.idempotency")
public record IdempotencyProperties(
    @DefaultValue("30s") Duration lease, @DefaultValue("7d") Duration retention) {}
