package org.partnershiptracker.query.trust.model;

import java.time.LocalDate;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;
import org.partnershiptracker.query.partnership.model.Timeline;

/**
 * The trust profile a timeline gets with the default settings, as the partnership stood on a day.
 */
final class TrustProfiles {
  private static final TrustBuildingCalculator DEFAULTS =
      new TrustBuildingCalculator(TrustSettings.defaults());

  private TrustProfiles() {}

  /** The profile of the whole partnership (no organisation's lens) on {@code asOf}. */
  static TrustBuildingProfile asOf(Timeline timeline, LocalDate asOf) {
    return DEFAULTS.calculate(PartnershipFacts.of(timeline.events(), asOf), asOf, null);
  }
}
