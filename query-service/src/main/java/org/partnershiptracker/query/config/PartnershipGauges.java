package org.partnershiptracker.query.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.bson.Document;
import org.partnershiptracker.query.interaction.Granularity;
import org.partnershiptracker.query.interaction.InteractionFrequency;
import org.partnershiptracker.query.interaction.InteractionFrequencyCalculator;
import org.partnershiptracker.query.milestone.MilestoneCalculator;
import org.partnershiptracker.query.milestone.MilestoneStatus;
import org.partnershiptracker.query.timeline.RecordedEvent;
import org.partnershiptracker.query.timeline.TimelineStore;
import org.partnershiptracker.query.trust.TrustBuildingCalculator;
import org.partnershiptracker.query.trust.TrustBuildingProfile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Domain gauges per partnership for dashboards and alerts: trust index, days since the last
 * interaction, overdue milestones. One time series per partnership and gauge, for at most
 * {@code tracker.metrics.max-partnerships} partnerships, so tag cardinality stays bounded.
 */
@Component
public class PartnershipGauges {
  private final TimelineStore timeline;
  private final TrustBuildingCalculator trust;
  private final Clock clock;
  private final int maxPartnerships;
  private final MultiGauge trustIndex;
  private final MultiGauge daysSinceInteraction;
  private final MultiGauge overdueMilestones;

  public PartnershipGauges(TimelineStore timeline, TrustBuildingCalculator trust, Clock clock, MeterRegistry metrics,
      @Value("${tracker.metrics.max-partnerships:100}") int maxPartnerships) {
    this.timeline = timeline;
    this.trust = trust;
    this.clock = clock;
    this.maxPartnerships = maxPartnerships;
    this.trustIndex = MultiGauge.builder("tracker.partnership.trust.index").description("Trust-building index 0-100 today").register(metrics);
    this.daysSinceInteraction = MultiGauge.builder("tracker.partnership.days.since.last.interaction")
        .description("Days since the partnership's last interaction").register(metrics);
    this.overdueMilestones = MultiGauge.builder("tracker.partnership.overdue.milestones")
        .description("Open milestones past their due date").register(metrics);
  }

  @Scheduled(initialDelayString = "${tracker.metrics.refresh:60s}", fixedDelayString = "${tracker.metrics.refresh:60s}")
  public void refresh() {
    LocalDate today = LocalDate.now(clock);
    List<MultiGauge.Row<?>> index = new ArrayList<>();
    List<MultiGauge.Row<?>> days = new ArrayList<>();
    List<MultiGauge.Row<?>> overdue = new ArrayList<>();
    for (Document summary : timeline.summaries().stream().limit(maxPartnerships).toList()) {
      String id = summary.getString("_id");
      List<RecordedEvent> events = timeline.eventsOf(id);
      Tags tags = Tags.of("partnership", id);
      TrustBuildingProfile profile = trust.calculate(events, today, null);
      if (profile.index() != null) {
        index.add(MultiGauge.Row.of(tags, profile.index()));
      }
      InteractionFrequency interactions = InteractionFrequencyCalculator.calculate(events, today.minusDays(89), today, Granularity.MONTH);
      if (interactions.daysSinceLastInteraction() != null) {
        days.add(MultiGauge.Row.of(tags, interactions.daysSinceLastInteraction()));
      }
      overdue.add(MultiGauge.Row.of(tags, MilestoneCalculator.calculate(events, today, null).totals().get(MilestoneStatus.OVERDUE)));
    }
    trustIndex.register(index, true);
    daysSinceInteraction.register(days, true);
    overdueMilestones.register(overdue, true);
  }
}
