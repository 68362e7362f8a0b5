package org.partnershiptracker.query.interaction.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnershiptracker.query.partnership.model.Timeline.NORTH;
import static org.partnershiptracker.query.partnership.model.Timeline.SOUTH;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.events.value.AttendeeLevel;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;
import org.partnershiptracker.query.partnership.model.Timeline;

class InteractionFrequencyCalculatorTest {
  private static final LocalDate MON = LocalDate.of(2025, 3, 3); // a Monday, ISO week 10

  /** The frequency from {@link #MON} to {@code days} after it, as the partnership stood then. */
  private static InteractionFrequency fromMondayTo(
      int days, Timeline timeline, Granularity granularity) {
    LocalDate until = MON.plusDays(days);
    return InteractionFrequencyCalculator.calculate(
        PartnershipFacts.of(timeline.events(), until), MON, until, granularity);
  }

  @Test
  void bigGapsBetweenMeetingsShowAsLongestGapMedianAndWeeksWithoutContact() {
    var timeline =
        Timeline.twoCouncilsAndAUniversity()
            .meeting(MeetingType.CATCH_UP, MON, NORTH, AttendeeLevel.ANALYST)
            .meeting(MeetingType.ON_SITE_WORK_DAY, MON.plusDays(7), NORTH, AttendeeLevel.ANALYST)
            .meeting(MeetingType.ON_SITE_WORK_DAY, MON.plusDays(7), NORTH, AttendeeLevel.ANALYST)
            .meeting(MeetingType.SHOWCASE, MON.plusDays(14), SOUTH, AttendeeLevel.SENIOR_LEADER)
            .meeting(MeetingType.CATCH_UP, MON.plusDays(49), SOUTH, AttendeeLevel.MIDDLE_MANAGER);

    InteractionFrequency frequency = fromMondayTo(55, timeline, Granularity.WEEK);

    assertThat(frequency.totalInteractions()).isEqualTo(5);
    assertThat(frequency.onSiteDays())
        .as("two on-site meetings on one day are one on-site day")
        .isEqualTo(1);
    // distinct days: 0, 7, 14, 49 -> gaps 7, 7, 35
    assertThat(frequency.medianGapDays()).isEqualTo(7.0);
    assertThat(frequency.longestGapDays()).isEqualTo(35);
    assertThat(frequency.daysSinceLastInteraction()).isEqualTo(6);
    // weeks 10..17 (8 weeks), contact in weeks 10, 11, 12 and 17
    assertThat(frequency.periods()).hasSize(8);
    assertThat(frequency.weeksWithoutContact()).isEqualTo(4);
    assertThat(frequency.periods().get(0).label()).isEqualTo("2025-W10");
    assertThat(frequency.byType())
        .containsEntry("ON_SITE_WORK_DAY", 2)
        .containsEntry("CATCH_UP", 2);
    assertThat(frequency.byLevel()).containsEntry("RESEARCHER", 5).containsEntry("ANALYST", 6);
    assertThat(frequency.levelsEngagedByOrganisation().get("south-council"))
        .containsExactly("MIDDLE_MANAGER", "SENIOR_LEADER");
  }

  @Test
  void eachPairOfOrganisationsThatMetIsCounted() {
    var timeline =
        Timeline.twoCouncilsAndAUniversity()
            .meeting(MeetingType.ON_SITE_WORK_DAY, MON, NORTH, AttendeeLevel.ANALYST)
            .meeting(MeetingType.ON_SITE_WORK_DAY, MON.plusDays(7), NORTH, AttendeeLevel.ANALYST)
            .meeting(MeetingType.CATCH_UP, MON.plusDays(8), SOUTH, AttendeeLevel.ANALYST);

    InteractionFrequency frequency = fromMondayTo(30, timeline, Granularity.MONTH);

    assertThat(frequency.organisationPairs())
        .extracting(
            InteractionFrequency.OrganisationPair::pair,
            InteractionFrequency.OrganisationPair::interactions,
            InteractionFrequency.OrganisationPair::onSiteDays)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("north-council|uni", 2, 2),
            org.assertj.core.groups.Tuple.tuple("south-council|uni", 1, 0));
    assertThat(frequency.periods())
        .extracting(InteractionFrequency.Period::label)
        .containsExactly("2025-03", "2025-04");
  }
}
