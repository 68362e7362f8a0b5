package org.partnershiptracker.query.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import org.partnershiptracker.query.readmodel.Portfolio;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.ScheduledMethodRunnable;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * Domain gauges per partnership for dashboards and alerts: trust index, days since the last
 * interaction, overdue milestones. One time series per partnership and gauge, for at most {@code
 * tracker.metrics.max-partnerships} partnerships, so tag cardinality stays bounded.
 */
@Component
public class PartnershipGauges implements SchedulingConfigurer {
  private final Portfolio portfolio;
  private final MetricsProperties properties;
  private final MultiGauge trustIndex;
  private final MultiGauge daysSinceInteraction;
  private final MultiGauge overdueMilestones;

  public PartnershipGauges(
      Portfolio portfolio, MeterRegistry metrics, MetricsProperties properties) {
    this.portfolio = portfolio;
    this.properties = properties;
    this.trustIndex =
        MultiGauge.builder("tracker.partnership.trust.index")
            .description("Trust-building index 0-100 today")
            .register(metrics);
    this.daysSinceInteraction =
        MultiGauge.builder("tracker.partnership.days.since.last.interaction")
            .description("Days since the partnership's last interaction")
            .register(metrics);
    this.overdueMilestones =
        MultiGauge.builder("tracker.partnership.overdue.milestones")
            .description("Open milestones past their due date")
            .register(metrics);
  }

  /**
   * Every {@code tracker.metrics.refresh}, first after one period. Run as @Scheduled methods are,
   * so the task keeps its scheduled-task observation and its name in /actuator/scheduledtasks.
   */
  @Override
  public void configureTasks(ScheduledTaskRegistrar tasks) {
    ScheduledMethodRunnable refresh =
        new ScheduledMethodRunnable(
            this,
            ReflectionUtils.findMethod(PartnershipGauges.class, "refresh"),
            null,
            tasks::getObservationRegistry);
    tasks.addFixedDelayTask(
        new FixedDelayTask(refresh, properties.refresh(), properties.refresh()));
  }

  /** From the portfolio rows: no partnership is folded for the gauges. */
  public void refresh() {
    List<MultiGauge.Row<?>> index = new ArrayList<>();
    List<MultiGauge.Row<?>> days = new ArrayList<>();
    List<MultiGauge.Row<?>> overdue = new ArrayList<>();
    for (Portfolio.Row row :
        portfolio.rows().stream().limit(properties.maxPartnerships()).toList()) {
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
