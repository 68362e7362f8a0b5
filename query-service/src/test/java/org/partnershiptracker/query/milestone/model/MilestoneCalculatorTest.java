package org.partnershiptracker.query.milestone.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnershiptracker.query.partnership.model.Timeline.FORMED;
import static org.partnershiptracker.query.partnership.model.Timeline.NORTH;
import static org.partnershiptracker.query.partnership.model.Timeline.SHIRE;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.events.partnership.QuickWinDelivered;
import org.partnershiptracker.events.project.MilestoneAchieved;
import org.partnershiptracker.events.project.MilestoneMissed;
import org.partnershiptracker.events.project.MilestonePlanned;
import org.partnershiptracker.events.project.MilestoneRescheduled;
import org.partnershiptracker.events.project.ProjectProposed;
import org.partnershiptracker.events.value.MilestoneHorizon;
import org.partnershiptracker.events.value.MilestoneId;
import org.partnershiptracker.events.value.ProjectId;
import org.partnershiptracker.events.value.QuickWinId;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;
import org.partnershiptracker.query.partnership.model.Timeline;

class MilestoneCalculatorTest {
  private static final ProjectId CARE = ProjectId.of("care");
  private static final LocalDate START = LocalDate.of(2025, 2, 3);

  private static MilestonePlanned planned(String id, MilestoneHorizon horizon, LocalDate due) {
    return new MilestonePlanned(SHIRE, CARE, MilestoneId.of(id), id, horizon, due, START);
  }

  /** The report as the partnership stood on {@code asOf}. */
  private static MilestoneReport reportAsOf(
      Timeline timeline, LocalDate asOf, MilestoneStatus status) {
    return MilestoneCalculator.calculate(
        PartnershipFacts.of(timeline.events(), asOf), asOf, status);
  }

  private final Timeline timeline =
      Timeline.twoCouncilsAndAUniversity()
          .add(new ProjectProposed(SHIRE, CARE, "Care demand", "Forecast", List.of(NORTH), START))
          .add(planned("three-weeks", MilestoneHorizon.QUICK_WIN_3_WEEKS, START.plusWeeks(3)))
          .add(planned("two-months", MilestoneHorizon.SHORT_1_2_MONTHS, START.plusMonths(2)))
          .add(planned("six-months", MilestoneHorizon.MEDIUM_6_MONTHS, START.plusMonths(6)))
          .add(planned("pilot", MilestoneHorizon.SHORT_1_2_MONTHS, START.plusMonths(1)))
          .add(
              new MilestoneAchieved(
                  SHIRE,
                  CARE,
                  MilestoneId.of("three-weeks"),
                  START.plusWeeks(3),
                  START.plusWeeks(3)))
          .add(
              new MilestoneRescheduled(
                  SHIRE,
                  CARE,
                  MilestoneId.of("two-months"),
                  START.plusMonths(2),
                  START.plusMonths(3),
                  START.plusMonths(1),
                  "data late"))
          .add(
              new MilestoneAchieved(
                  SHIRE,
                  CARE,
                  MilestoneId.of("two-months"),
                  START.plusMonths(3),
                  START.plusMonths(3).plusDays(5)))
          .add(
              new MilestoneMissed(
                  SHIRE,
                  CARE,
                  MilestoneId.of("pilot"),
                  START.plusMonths(1),
                  START.plusMonths(1).plusDays(1),
                  "no data"))
          .add(
              new QuickWinDelivered(
                  SHIRE, QuickWinId.of("q1"), CARE, "Dashboard", FORMED.plusDays(21), NORTH, null));

  @Test
  void smallWinsAreCountedFromFormationAndMilestonesAreKeptLateOrMissed() {
    MilestoneReport report = reportAsOf(timeline, START.plusMonths(5), null);

    assertThat(report.totals())
        .containsEntry(MilestoneStatus.ACHIEVED_ON_TIME, 1)
        .containsEntry(MilestoneStatus.ACHIEVED_LATE, 1)
        .containsEntry(MilestoneStatus.MISSED, 1)
        .containsEntry(MilestoneStatus.PLANNED_UPCOMING, 1);
    assertThat(report.onTimeRate()).as("1 on time of 3 that fell due").isEqualTo(0.333);
    assertThat(report.daysFromFormationToFirstQuickWin()).isEqualTo(21);
    assertThat(report.upcoming())
        .extracting(MilestoneReport.MilestoneLine::milestoneId)
        .containsExactly("six-months");
    assertThat(report.milestones())
        .filteredOn(l -> l.milestoneId().equals("two-months"))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l.daysLate())
                    .as("late against the date it was planned with, not the one it was moved to")
                    .isEqualTo(35));
  }

  @Test
  void aMilestoneMovedAndThenMetIsLateRescheduledNotOnTime() {
    Timeline moved =
        Timeline.twoCouncilsAndAUniversity()
            .add(new ProjectProposed(SHIRE, CARE, "Care demand", "Forecast", List.of(NORTH), START))
            .add(planned("model", MilestoneHorizon.SHORT_1_2_MONTHS, START.plusMonths(1)))
            .add(
                new MilestoneRescheduled(
                    SHIRE,
                    CARE,
                    MilestoneId.of("model"),
                    START.plusMonths(1),
                    START.plusMonths(2),
                    START.plusWeeks(3),
                    "data late"))
            .add(
                new MilestoneAchieved(
                    SHIRE,
                    CARE,
                    MilestoneId.of("model"),
                    START.plusMonths(2),
                    START.plusMonths(2).minusDays(1)));

    MilestoneReport report = reportAsOf(moved, START.plusMonths(3), null);

    assertThat(report.milestones())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.status()).isEqualTo(MilestoneStatus.ACHIEVED_LATE_RESCHEDULED);
              assertThat(l.originalDueOn()).isEqualTo(START.plusMonths(1));
              assertThat(l.dueOn()).isEqualTo(START.plusMonths(2));
            });
    assertThat(report.onTimeRate())
        .as("moving a milestone's date does not make it on time: I2 cannot be gamed")
        .isEqualTo(0.0);
  }

  @Test
  void anOpenMilestonePastItsDueDateIsOverdueAsOfThatDay() {
    MilestoneReport report = reportAsOf(timeline, START.plusMonths(7), MilestoneStatus.OVERDUE);
    assertThat(report.milestones())
        .extracting(MilestoneReport.MilestoneLine::milestoneId)
        .containsExactly("six-months");
  }

  @Test
  void asOfADayBeforeTheAchievementTheMilestoneWasStillOpen() {
    MilestoneReport report = reportAsOf(timeline, START.plusWeeks(2), null);
    assertThat(report.totals())
        .containsEntry(MilestoneStatus.ACHIEVED_ON_TIME, 0)
        .containsEntry(MilestoneStatus.PLANNED_UPCOMING, 4);
    assertThat(report.onTimeRate()).isNull();
    assertThat(report.quickWins()).as("the quick win of 27 January counts").isEqualTo(1);
  }

  @Test
  void twoProjectsMayEachPlanAMilestoneOfTheSameIdWithoutMixingThem() {
    ProjectId roads = ProjectId.of("roads");
    Timeline both =
        Timeline.twoCouncilsAndAUniversity()
            .add(new ProjectProposed(SHIRE, CARE, "Care demand", "Forecast", List.of(NORTH), START))
            .add(
                new ProjectProposed(
                    SHIRE, roads, "Road repairs", "Prioritise", List.of(NORTH), START))
            .add(
                new MilestonePlanned(
                    SHIRE,
                    CARE,
                    MilestoneId.of("m1"),
                    "Care model",
                    MilestoneHorizon.SHORT_1_2_MONTHS,
                    START.plusMonths(1),
                    START))
            .add(
                new MilestonePlanned(
                    SHIRE,
                    roads,
                    MilestoneId.of("m1"),
                    "Road map",
                    MilestoneHorizon.MEDIUM_6_MONTHS,
                    START.plusMonths(6),
                    START))
            .add(
                new MilestoneAchieved(
                    SHIRE, CARE, MilestoneId.of("m1"), START.plusMonths(1), START.plusMonths(1)));

    MilestoneReport report = reportAsOf(both, START.plusMonths(2), null);

    assertThat(report.milestones())
        .extracting(
            MilestoneReport.MilestoneLine::projectId,
            MilestoneReport.MilestoneLine::title,
            MilestoneReport.MilestoneLine::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "care", "Care model", MilestoneStatus.ACHIEVED_ON_TIME),
            org.assertj.core.groups.Tuple.tuple(
                "roads", "Road map", MilestoneStatus.PLANNED_UPCOMING));
    assertThat(report.onTimeRate()).isEqualTo(1.0);
    assertThat(report.projects())
        .extracting(MilestoneReport.ProjectMilestones::onTimeRate)
        .containsExactly(1.0, null);
  }
}
