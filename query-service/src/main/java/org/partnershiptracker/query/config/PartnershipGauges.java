package org.partnershiptracker.query.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.partnershiptracker.query.readmodel.Portfolio;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Domain gauges per partnership for dashboards and alerts: trust index, days since the last
 * interaction, overdue milestones. One time series per partnership and gauge, for at most
 * {@code tracker.metrics.max-partnerships} partnerships, so tag cardinality stays bounded.
 */
@Component
public class PartnershipGauges {
  private final Portfolio portfolio;
  private final int maxPartnerships;
  private final MultiGauge trustIndex;
  private final MultiGauge daysSinceInteraction;
  private final MultiGauge overdueMilestones;

  public PartnershipGauges(Portfolio portfolio, MeterRegistry metrics,
      @Value("${tracker.metrics.max-partnerships:100}") int maxPartnerships) {
    this.portfolio = portfolio;
    this.maxPartnerships = maxPartnerships;
    this.trustIndex = MultiGauge.builder("tracker.partnership.trust.index").description("Trust-building index 0-100 today").register(metrics);
    this.daysSinceInteraction = MultiGauge.builder("tracker.partnership.days.since.last.interaction")
        .description("Days since the partnership's last interaction").register(metrics);
    this.overdueMilestones = MultiGauge.builder("tracker.partnership.overdue.milestones")
        .description("Open milestones past their due date").register(metrics);
  }

  /** From the portfolio rows: no partnership is folded for the gauges. */
  @Scheduled(initialDelayString = "${tracker.metrics.refresh:60s}", fixedDelayString = "${tracker.metrics.refresh:60s}")
  public void refresh() {
    List<MultiGauge.Row<?>> index = new ArrayList<>();
    List<MultiGauge.Row<?>> days = new ArrayList<>();
    List<MultiGauge.Row<?>> overdue = new ArrayList<>();
    for (Portfolio.Row row : portfolio.rows().stream().limit(maxPartnerships).toList()) {
      Tags tags = Tags.of("partnership", row.partnershipId());
      if (row.trustIndex() != null) {
        index.add(MultiGauge.Row.of(tags, row.trustIndex()));
      }
      if (row.daysSinceLastInteraction() != null) {
        days.add(MultiGauge.Row.of(tags, row.daysSinceLastInteraction()));
      }
      overdue.add(MultiGauge.Row.of(tags, row.overdueMilestones()));
    }
    trustIndex.register(index, true);
    daysSinceInteraction.register(days, true);
    overdueMilestones.register(overdue, true);
  }
}
