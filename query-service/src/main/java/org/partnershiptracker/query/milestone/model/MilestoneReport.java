package org.partnershiptracker.query.milestone.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.partnershiptracker.events.value.MilestoneHorizon;

/** Milestones kept or missed and quick wins delivered, as of a day (I2: start small). */
public record MilestoneReport(
    String partnershipId,
    LocalDate asOf,
    Map<MilestoneStatus, Integer> totals,
    Double onTimeRate,
    List<MilestoneLine> milestones,
    List<ProjectMilestones> projects,
    int quickWins,
    List<QuickWin> quickWinList,
    LocalDate firstQuickWinOn,
    Long daysFromFormationToFirstQuickWin,
    List<MilestoneLine> upcoming) {

  public record MilestoneLine(
      String projectId,
      String projectTitle,
      String milestoneId,
      String title,
      MilestoneHorizon horizon,
      LocalDate originalDueOn,
      LocalDate dueOn,
      MilestoneStatus status,
      LocalDate closedOn,
      Long daysLate) {}

  public record ProjectMilestones(
      String projectId, String title, Map<MilestoneStatus, Integer> totals, Double onTimeRate) {}

  public record QuickWin(
      String title,
      LocalDate deliveredOn,
      String beneficiaryOrganisationId,
      String beneficiaryName) {}
}
