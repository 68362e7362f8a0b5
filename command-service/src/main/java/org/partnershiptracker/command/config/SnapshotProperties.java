package org.partnershiptracker.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Aggregate snapshots ({@code tracker.snapshots.*}).
 *
 * @param everyEvents a snapshot after this many events of one aggregate
 */
@ConfigurationProperties("tracker.snapshots")
public record SnapshotProperties(@DefaultValue("250") int everyEvents) {}
