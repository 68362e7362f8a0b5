package org.partnershiptracker.command.project.infrastructure;

import org.partnershiptracker.command.project.model.DsaBeforeStartPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Policies a deployment chooses ({@code tracker.policy.*}).
 *
 * @param dsaBeforeStart whether a project without a signed data sharing agreement may start: {@code
 *     enforce} refuses it, {@code warn} records it
 */
@ConfigurationProperties("tracker.policy")
public record PolicyProperties(@DefaultValue("enforce") DsaBeforeStartPolicy dsaBeforeStart) {}
