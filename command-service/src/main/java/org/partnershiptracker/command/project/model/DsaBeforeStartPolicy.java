package org.partnershiptracker.command.project.model;

/**
 * What to do when a project starts before every data provider signed its data sharing agreement
 * (L1). Configured with {@code tracker.policy.dsa-before-start}.
 */
public enum DsaBeforeStartPolicy {
  /** Refuse the start (the default). */
  ENFORCE,
  /** Start, and record {@code dsaSignedByAllProviders=false} so the projections flag it. */
  WARN
}
