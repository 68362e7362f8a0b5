package org.partnershiptracker.query.milestone.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.partnershiptracker.events.partnership.QuickWinDelivered;
import org.partnershiptracker.query.milestone.model.MilestoneReport.MilestoneLine;
import org.partnershiptracker.query.milestone.model.MilestoneReport.ProjectMilestones;
import org.partnershiptracker.query.milestone.model.MilestoneReport.QuickWin;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;
import org.partnershiptracker.query.partnership.model.PartnershipFacts.Milestone;

/** Milestone statuses, on-time rate and quick wins as of a day (I2). */
public final class MilestoneCalculator {
  private MilestoneCalculator() {}

  /** Milestones as of the day the facts were folded for. */
  public static MilestoneReport calculate(
      PartnershipFacts facts, LocalDate asOf, MilestoneStatus statusFilter) {
    List<MilestoneLine> lines =
        facts.milestones().values().stream()
            .map(m -> line(facts, m, asOf))
            .sorted(
                Comparator.comparing(MilestoneLine::dueOn)
                    .thenComparing(MilestoneLine::projectId)
                    .thenComparing(MilestoneLine::milestoneId))
            .toList();
    List<ProjectMilestones> projects =
        facts.projects().values().stream()
            .map(
                p -> {
                  List<MilestoneLine> own =
                      lines.stream().filter(l -> l.projectId().equals(p.projectId())).toList();
                  return new ProjectMilestones(
                      p.projectId(), p.title(), totals(own), onTimeRate(own));
                })
            .toList();
    List<QuickWin> quickWins =
        facts.quickWins().stream()
            .sorted(Comparator.comparing(QuickWinDelivered::deliveredOn))
            .map(
                q ->
                    new QuickWin(
                        q.title(),
                        q.deliveredOn(),
                        q.beneficiaryOrganisationId().value(),
                        facts.organisationName(q.beneficiaryOrganisationId().value())))
            .toList();
    LocalDate firstWin = quickWins.isEmpty() ? null : quickWins.get(0).deliveredOn();
    return new MilestoneReport(
        facts.partnershipId(),
        asOf,
        totals(lines),
        onTimeRate(lines),
        statusFilter == null
            ? lines
            : lines.stream().filter(l -> l.status() == statusFilter).toList(),
        projects,
        quickWins.size(),
        quickWins,
        firstWin,
        firstWin == null || facts.formedOn() == null
            ? null
            : ChronoUnit.DAYS.between(facts.formedOn(), firstWin),
        lines.stream().filter(l -> l.status() == MilestoneStatus.PLANNED_UPCOMING).toList());
  }

  static MilestoneStatus status(Milestone milestone, LocalDate asOf) {
    if (milestone.achievedOnTime()) {
      return MilestoneStatus.ACHIEVED_ON_TIME;
    }
    if (milestone.achievedLateAsRescheduled()) {
      return MilestoneStatus.ACHIEVED_LATE_RESCHEDULED;
    }
    if (milestone.achievedOn() != null) {
      return MilestoneStatus.ACHIEVED_LATE;
    }
    if (milestone.missedOn() != null) {
      return MilestoneStatus.MISSED;
    }
    return milestone.dueOn().isBefore(asOf)
        ? MilestoneStatus.OVERDUE
        : MilestoneStatus.PLANNED_UPCOMING;
  }

  /**
   * Achieved on time over the milestones that fell due (closed, or due before the day); null when
   * none has fallen due yet.
   */
  static Double onTimeRate(Collection<MilestoneLine> lines) {
    long fellDue =
        lines.stream().filter(l -> l.status() != MilestoneStatus.PLANNED_UPCOMING).count();
    if (fellDue == 0) {
      return null;
    }
    long onTime =
        lines.stream().filter(l -> l.status() == MilestoneStatus.ACHIEVED_ON_TIME).count();
    return Math.round(1000.0 * onTime / fellDue) / 1000.0;
  }

  private static MilestoneLine line(PartnershipFacts facts, Milestone m, LocalDate asOf) {
    MilestoneStatus status = status(m, asOf);
    // A closed milestone is late against the date it was planned with; an open one is overdue
    // against the date in force.
    long daysLate =
        m.closedOn() != null
            ? Math.max(0, ChronoUnit.DAYS.between(m.originalDueOn(), m.closedOn()))
            : Math.max(0, ChronoUnit.DAYS.between(m.dueOn(), asOf));
    PartnershipFacts.Project project = facts.projects().get(m.projectId());
    return new MilestoneLine(
        m.projectId(),
        project == null ? null : project.title(),
        m.milestoneId(),
        m.title(),
        m.horizon(),
        m.originalDueOn(),
        m.dueOn(),
        status,
        m.closedOn(),
        daysLate);
  }

  private static Map<MilestoneStatus, Integer> totals(List<MilestoneLine> lines) {
    Map<MilestoneStatus, Integer> totals = new EnumMap<>(MilestoneStatus.class);
    for (MilestoneStatus status : MilestoneStatus.values()) {
      totals.put(status, (int) lines.stream().filter(l -> l.status() == status).count());
    }
    return totals;
  }
}
