package org.partnershiptracker.query.report;

import org.partnershiptracker.query.interaction.Granularity;
import org.partnershiptracker.query.interaction.InteractionFrequency;
import org.partnershiptracker.query.interaction.InteractionFrequencyCalculator;
import org.partnershiptracker.query.milestone.MilestoneCalculator;
import org.partnershiptracker.query.milestone.MilestoneReport;
import org.partnershiptracker.query.partnership.PartnershipFacts;
import org.partnershiptracker.query.timeline.RecordedEvent;
import org.partnershiptracker.query.trust.TrustBuildingCalculator;
import org.partnershiptracker.query.trust.TrustBuildingProfile;

import java.time.LocalDate;
import java.util.List;

/** The three read models of one partnership as of a day; interactions cover the trust window. */
public record PartnershipReport(
    String partnershipId,
    String name,
    LocalDate asOf,
    TrustBuildingProfile trust,
    InteractionFrequency interactions,
    MilestoneReport milestones) {

  public static PartnershipReport of(List<RecordedEvent> events, LocalDate asOf, TrustBuildingCalculator trustCalculator) {
    TrustBuildingProfile trust = trustCalculator.calculate(events, asOf, null);
    return new PartnershipReport(
        trust.partnershipId(),
        PartnershipFacts.of(events, asOf).name(),
        asOf,
        trust,
        InteractionFrequencyCalculator.calculate(events, trust.windowStart().plusDays(1), asOf, Granularity.WEEK),
        MilestoneCalculator.calculate(events, asOf, null));
  }
}
