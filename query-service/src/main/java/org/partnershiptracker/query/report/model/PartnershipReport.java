package org.partnershiptracker.query.report.model;

import java.time.LocalDate;
import org.partnershiptracker.query.interaction.model.Granularity;
import org.partnershiptracker.query.interaction.model.InteractionFrequency;
import org.partnershiptracker.query.interaction.model.InteractionFrequencyCalculator;
import org.partnershiptracker.query.milestone.model.MilestoneCalculator;
import org.partnershiptracker.query.milestone.model.MilestoneReport;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;
import org.partnershiptracker.query.trust.model.TrustBuildingCalculator;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile;

/** The three read models of one partnership as of a day; interactions cover the trust window. */
public record PartnershipReport(
    String partnershipId,
    String name,
    LocalDate asOf,
    TrustBuildingProfile trust,
    InteractionFrequency interactions,
    MilestoneReport milestones) {

  /** One fold as of the day serves the three models; interactions cover the trust window. */
  public static PartnershipReport of(
      PartnershipFacts facts, LocalDate asOf, TrustBuildingCalculator trustCalculator) {
    TrustBuildingProfile trust = trustCalculator.calculate(facts, asOf, null);
    return new PartnershipReport(
        facts.partnershipId(),
        facts.name(),
        asOf,
        trust,
        InteractionFrequencyCalculator.calculate(
            facts, trust.windowStart(), asOf, Granularity.WEEK),
        MilestoneCalculator.calculate(facts, asOf, null));
  }
}
