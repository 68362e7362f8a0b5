package org.partnershiptracker.query.trust.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnershiptracker.query.partnership.model.Timeline.NORTH;
import static org.partnershiptracker.query.partnership.model.Timeline.SHIRE;
import static org.partnershiptracker.query.partnership.model.Timeline.SOUTH;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.events.partnership.PartnerLeft;
import org.partnershiptracker.events.partnership.PulseSurveyAnswered;
import org.partnershiptracker.events.partnership.QuickWinDelivered;
import org.partnershiptracker.events.partnership.RoleDesignated;
import org.partnershiptracker.events.partnership.RoleReassigned;
import org.partnershiptracker.events.partnership.RoleVacated;
import org.partnershiptracker.events.project.ProjectProposed;
import org.partnershiptracker.events.project.ProjectStarted;
import org.partnershiptracker.events.value.AttendeeLevel;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.events.value.PersonId;
import org.partnershiptracker.events.value.ProjectId;
import org.partnershiptracker.events.value.QuickWinId;
import org.partnershiptracker.events.value.RoleChangeReason;
import org.partnershiptracker.events.value.RoleId;
import org.partnershiptracker.events.value.RoleType;
import org.partnershiptracker.events.value.Sector;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;
import org.partnershiptracker.query.partnership.model.Timeline;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile.OrganisationProfile;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile.PracticeScore;

class TrustBuildingCalculatorTest {
  private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
  private final TrustBuildingCalculator calculator =
      new TrustBuildingCalculator(TrustSettings.defaults());

  /**
   * North hosts a weekly on-site day with its analysts, has both roles, got quick wins and a
   * showcase; South was met twice by its leaders only and its project started without a DSA.
   */
  private Timeline twoCouncils() {
    Timeline timeline =
        Timeline.twoCouncilsAndAUniversity()
            .add(role("n-bs", RoleType.BOUNDARY_SPANNER, NORTH, "p-n1"))
            .add(role("n-poc", RoleType.POINT_OF_CONTACT, NORTH, "p-n2"))
            .add(role("s-bs", RoleType.BOUNDARY_SPANNER, SOUTH, "p-s1"))
            .add(
                new RoleReassigned(
                    SHIRE,
                    RoleId.of("s-bs"),
                    PersonId.of("p-s1"),
                    PersonId.of("p-s2"),
                    RoleChangeReason.RESTRUCTURE,
                    AS_OF.minusDays(30)))
            .add(
                new ProjectProposed(
                    SHIRE,
                    ProjectId.of("north-p"),
                    "North project",
                    "p",
                    List.of(NORTH),
                    LocalDate.of(2025, 1, 20)))
            .add(
                new ProjectStarted(SHIRE, ProjectId.of("north-p"), LocalDate.of(2025, 2, 10), true))
            .add(
                new ProjectProposed(
                    SHIRE,
                    ProjectId.of("south-p"),
                    "South project",
                    "p",
                    List.of(SOUTH),
                    LocalDate.of(2025, 1, 20)))
            .add(
                new ProjectStarted(
                    SHIRE, ProjectId.of("south-p"), LocalDate.of(2025, 2, 10), false));
    for (int week = 0; week < 13; week++) {
      timeline.meeting(
          MeetingType.ON_SITE_WORK_DAY,
          AS_OF.minusDays(2 + 7L * week),
          NORTH,
          AttendeeLevel.ANALYST);
    }
    timeline
        .meeting(MeetingType.SHOWCASE, AS_OF.minusDays(20), NORTH, AttendeeLevel.ANALYST)
        .meeting(MeetingType.SOCIAL, AS_OF.minusDays(40), NORTH, AttendeeLevel.ANALYST)
        .meeting(MeetingType.STEERING, AS_OF.minusDays(60), SOUTH, AttendeeLevel.SENIOR_LEADER)
        .meeting(MeetingType.STEERING, AS_OF.minusDays(10), SOUTH, AttendeeLevel.SENIOR_LEADER)
        .add(
            new QuickWinDelivered(
                SHIRE, QuickWinId.of("q1"), null, "Dashboard", AS_OF.minusDays(50), NORTH, null))
        .add(
            new QuickWinDelivered(
                SHIRE, QuickWinId.of("q2"), null, "Model", AS_OF.minusDays(5), NORTH, null))
        .add(new PulseSurveyAnswered(SHIRE, NORTH, Timeline.UNI, 5, AS_OF.minusDays(3)))
        .add(new PulseSurveyAnswered(SHIRE, SOUTH, Timeline.UNI, 2, AS_OF.minusDays(3)));
    return timeline;
  }

  private static RoleDesignated role(
      String id,
      RoleType type,
      org.partnershiptracker.events.value.OrganisationId org,
      String person) {
    return new RoleDesignated(
        SHIRE, RoleId.of(id), type, org, PersonId.of(person), Timeline.FORMED);
  }

  private static double score(List<PracticeScore> scores, Practice practice) {
    return scores.stream().filter(s -> s.practice() == practice).findFirst().orElseThrow().score();
  }

  private static OrganisationProfile profile(TrustBuildingProfile trust, String organisationId) {
    return trust.organisations().stream()
        .filter(o -> o.organisationId().equals(organisationId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void eachPracticeIsScoredFromWhatThePartnersDidInTheWindow() {
    TrustBuildingProfile trust = TrustProfiles.asOf(twoCouncils(), AS_OF);

    assertThat(score(trust.scores(), Practice.L1_DATA_SHARING_FIRST))
        .as("1 of 2 started projects signed first")
        .isEqualTo(0.5);
    assertThat(score(trust.scores(), Practice.L2_ROLE_CLARITY))
        .as("1 of 3 partners fully covered, less 0.1 for one reassignment")
        .isEqualTo(0.233);
    assertThat(score(trust.scores(), Practice.L3_BOTTOM_UP_ENGAGEMENT))
        .as("North's analysts came, South sent leaders only")
        .isEqualTo(0.5);
    assertThat(score(trust.scores(), Practice.L4_SHOWCASING))
        .as("1 showcase against 2 active projects")
        .isEqualTo(0.5);
    assertThat(score(trust.scores(), Practice.L5_REGULAR_CONTACT))
        .as(
            "contact in 13 of the window's 14 ISO weeks (asOf's week has just begun); 13 on-site"
                + " days of 6.4 expected")
        .isEqualTo(0.929);
    assertThat(score(trust.scores(), Practice.I2_EARLY_WINS))
        .as("2 quick wins, one per 45 days expected")
        .isEqualTo(1.0);
    assertThat(score(trust.scores(), Practice.SOCIAL_COHESION))
        .as("1 social against 1.5 expected")
        .isEqualTo(0.667);
    assertThat(score(trust.scores(), Practice.PERCEIVED_TRUST))
        .as("mean 3.5 of 5")
        .isEqualTo(0.625);
    // (0.5 + 0.233 + 0.5 + 0.5 + 0.929 + 1 + 0.667) / 7
    assertThat(trust.index()).isEqualTo(61.8);
    assertThat(trust.band()).isEqualTo(TrustBuildingProfile.Band.DEVELOPING);
    assertThat(trust.recommendations())
        .as("half-way is not yet good: 0.5 gets advice too")
        .extracting(TrustBuildingProfile.Recommendation::practice)
        .containsExactly(
            Practice.L1_DATA_SHARING_FIRST,
            Practice.L2_ROLE_CLARITY,
            Practice.L3_BOTTOM_UP_ENGAGEMENT,
            Practice.L4_SHOWCASING,
            Practice.I1_DATA_OWNERS,
            Practice.I3_EDUCATION_AND_PROTOCOLS,
            Practice.I4_CITIZEN_PARTICIPATION);
    assertThat(trust.recommendations().get(1).text()).contains("boundary spanner").endsWith("(L2)");
  }

  /** L2 with North fully covered: 1.0 less 0.1 for each change of hands of a key role. */
  private double roleClarityAfter(PartnershipEvent... changes) {
    Timeline timeline =
        Timeline.twoCouncilsAndAUniversity()
            .add(role("n-bs", RoleType.BOUNDARY_SPANNER, NORTH, "p-n1"))
            .add(role("n-poc", RoleType.POINT_OF_CONTACT, NORTH, "p-n2"))
            .add(role("n-champion", RoleType.CHAMPION, NORTH, "p-n3"))
            .add(role("s-bs", RoleType.BOUNDARY_SPANNER, SOUTH, "p-s1"))
            .add(role("s-poc", RoleType.POINT_OF_CONTACT, SOUTH, "p-s2"))
            .add(role("u-bs", RoleType.BOUNDARY_SPANNER, Timeline.UNI, "p-u1"))
            .add(role("u-poc", RoleType.POINT_OF_CONTACT, Timeline.UNI, "p-u2"));
    for (PartnershipEvent change : changes) {
      timeline.add(change);
    }
    return score(TrustProfiles.asOf(timeline, AS_OF).scores(), Practice.L2_ROLE_CLARITY);
  }

  @Test
  void aRoleVacatedAndDesignatedAgainChangesHandsJustAsAReassignmentDoes() {
    LocalDate day = AS_OF.minusDays(20);
    double reassigned =
        roleClarityAfter(
            new RoleReassigned(
                SHIRE,
                RoleId.of("n-bs"),
                PersonId.of("p-n1"),
                PersonId.of("p-n9"),
                RoleChangeReason.RESTRUCTURE,
                day));
    double vacatedAndDesignatedAgain =
        roleClarityAfter(
            new RoleVacated(
                SHIRE, RoleId.of("n-bs"), PersonId.of("p-n1"), RoleChangeReason.RESTRUCTURE, day),
            new RoleDesignated(
                SHIRE,
                RoleId.of("n-bs"),
                RoleType.BOUNDARY_SPANNER,
                NORTH,
                PersonId.of("p-n9"),
                day.plusDays(1)));

    assertThat(reassigned).isEqualTo(0.9);
    assertThat(vacatedAndDesignatedAgain)
        .as("a boundary spanner who leaves and is replaced is as disruptive as a reassignment")
        .isEqualTo(0.9);
  }

  @Test
  void onlyBoundarySpannersAndPointsOfContactChangingHandsCostRoleClarity() {
    double championChanged =
        roleClarityAfter(
            new RoleReassigned(
                SHIRE,
                RoleId.of("n-champion"),
                PersonId.of("p-n3"),
                PersonId.of("p-n8"),
                RoleChangeReason.RESTRUCTURE,
                AS_OF.minusDays(20)));

    assertThat(championChanged)
        .as("L2 is about the people partners know to call: a new champion costs nothing")
        .isEqualTo(1.0);
  }

  @Test
  void aPartnerThatLeftInTheWindowStillCountsForRoleClarity() {
    LocalDate left = AS_OF.minusDays(15);
    double southLeft =
        roleClarityAfter(
            new RoleVacated(
                SHIRE, RoleId.of("s-bs"), PersonId.of("p-s1"), RoleChangeReason.PARTNER_LEFT, left),
            new RoleVacated(
                SHIRE,
                RoleId.of("s-poc"),
                PersonId.of("p-s2"),
                RoleChangeReason.PARTNER_LEFT,
                left),
            new PartnerLeft(
                SHIRE, SOUTH, "South County Council", Sector.LOCAL_AUTHORITY, left, "budget"));

    assertThat(southLeft)
        .as("2 of the 3 partners of the window are covered: leaving does not tidy the score")
        .isEqualTo(0.667);
  }

  @Test
  void dataSharingFirstJudgesOnlyProjectsStartedInTheLastTwelveMonths() {
    Timeline timeline =
        Timeline.twoCouncilsAndAUniversity()
            .add(
                new ProjectProposed(
                    SHIRE, ProjectId.of("old"), "Old", "p", List.of(NORTH), Timeline.FORMED))
            .add(new ProjectStarted(SHIRE, ProjectId.of("old"), Timeline.FORMED.plusDays(7), false))
            .add(
                new ProjectProposed(
                    SHIRE, ProjectId.of("new"), "New", "p", List.of(NORTH), Timeline.FORMED))
            .add(
                new ProjectStarted(
                    SHIRE, ProjectId.of("new"), Timeline.FORMED.plusMonths(14), true));
    LocalDate asOf = Timeline.FORMED.plusMonths(16);

    PracticeScore dataSharingFirst =
        TrustProfiles.asOf(timeline, asOf).scores().stream()
            .filter(s -> s.practice() == Practice.L1_DATA_SHARING_FIRST)
            .findFirst()
            .orElseThrow();

    assertThat(dataSharingFirst.score())
        .as("the project started unsigned 16 months ago no longer counts: the practice was mended")
        .isEqualTo(1.0);
  }

  @Test
  void dataOwnersTrainingAndCitizensGetIndicatorsOfTheirOwnBesideTheIndex() {
    Timeline timeline =
        Timeline.twoCouncilsAndAUniversity()
            .meeting(
                MeetingType.DATA_OWNER_SESSION, AS_OF.minusDays(30), NORTH, AttendeeLevel.ANALYST)
            .meeting(MeetingType.TRAINING, AS_OF.minusDays(20), NORTH, AttendeeLevel.ANALYST)
            .meeting(MeetingType.STEERING, AS_OF.minusDays(10), NORTH, AttendeeLevel.CITIZEN);

    TrustBuildingProfile trust = TrustProfiles.asOf(timeline, AS_OF);

    assertThat(score(trust.scores(), Practice.I1_DATA_OWNERS))
        .as("one session with data owners in 90 days, as expected (I1)")
        .isEqualTo(1.0);
    assertThat(score(trust.scores(), Practice.I3_EDUCATION_AND_PROTOCOLS))
        .as("one training event in 90 days (I3)")
        .isEqualTo(1.0);
    assertThat(score(trust.scores(), Practice.I4_CITIZEN_PARTICIPATION))
        .as("citizens at one interaction, against one per 180 days: more than enough (I4)")
        .isEqualTo(1.0);
    assertThat(TrustSettings.defaults().weight(Practice.I1_DATA_OWNERS)).isZero();
  }

  @Test
  void aPartnerSeesTheTrustItGivesBesideTheTrustItReceives() {
    Timeline timeline =
        Timeline.twoCouncilsAndAUniversity()
            .add(new PulseSurveyAnswered(SHIRE, SOUTH, Timeline.UNI, 5, AS_OF.minusDays(3)))
            .add(new PulseSurveyAnswered(SHIRE, Timeline.UNI, SOUTH, 2, AS_OF.minusDays(3)))
            .add(new PulseSurveyAnswered(SHIRE, NORTH, SOUTH, 1, AS_OF.minusDays(2)));

    TrustBuildingProfile trust = TrustProfiles.asOf(timeline, AS_OF);
    PracticeScore south =
        profile(trust, SOUTH.value()).scores().stream()
            .filter(s -> s.practice() == Practice.PERCEIVED_TRUST)
            .findFirst()
            .orElseThrow();

    assertThat(south.evidence())
        .as("South trusts the university fully, but is hardly trusted itself")
        .containsEntry("trustGiven", 5.0)
        .containsEntry("trustReceived", 1.5);
    assertThat(south.score()).as("the score is the trust it receives").isEqualTo(0.125);
  }

  @Test
  void theTwoCouncilsEndWithDifferentProfilesAndTheReportSaysWhy() {
    TrustBuildingProfile trust = TrustProfiles.asOf(twoCouncils(), AS_OF);
    OrganisationProfile north = profile(trust, "north-council");
    OrganisationProfile south = profile(trust, "south-council");

    assertThat(score(north.scores(), Practice.L5_REGULAR_CONTACT)).isEqualTo(0.929);
    assertThat(score(south.scores(), Practice.L5_REGULAR_CONTACT))
        .as("2 of 14 weeks, no on-site day")
        .isEqualTo(0.0);
    assertThat(score(south.scores(), Practice.L3_BOTTOM_UP_ENGAGEMENT)).isEqualTo(0.0);
    assertThat(score(south.scores(), Practice.L1_DATA_SHARING_FIRST)).isEqualTo(0.0);
    assertThat(north.band()).isEqualTo(TrustBuildingProfile.Band.STRONG);
    assertThat(south.band()).isEqualTo(TrustBuildingProfile.Band.AT_RISK);
    assertThat(south.recommendations())
        .extracting(TrustBuildingProfile.Recommendation::text)
        .anySatisfy(
            text ->
                assertThat(text)
                    .contains("no on-site work day recorded")
                    .contains("regular on-site work days")
                    .endsWith("(L5)"))
        .anySatisfy(text -> assertThat(text).contains("middle managers").endsWith("(L3)"));
  }

  @Test
  void aPracticeWithNothingToJudgeIsLeftOutOfTheIndexAndSaysSo() {
    TrustBuildingProfile trust = TrustProfiles.asOf(Timeline.twoCouncilsAndAUniversity(), AS_OF);
    PracticeScore dataSharing =
        trust.scores().stream()
            .filter(s -> s.practice() == Practice.L1_DATA_SHARING_FIRST)
            .findFirst()
            .orElseThrow();
    assertThat(dataSharing.score()).isNull();
    assertThat(dataSharing.explanation()).isEqualTo("No project started in the last 12 months.");
    assertThat(trust.index()).isEqualTo(0.0);
    assertThat(trust.band()).isEqualTo(TrustBuildingProfile.Band.AT_RISK);
  }

  @Test
  void asOfAnEarlierDayOnlyTheEventsUpToThatDayCount() {
    TrustBuildingProfile early = TrustProfiles.asOf(twoCouncils(), LocalDate.of(2025, 1, 31));
    assertThat(score(early.scores(), Practice.L5_REGULAR_CONTACT)).isEqualTo(0.0);
    assertThat(
            early.scores().stream()
                .filter(s -> s.practice() == Practice.L1_DATA_SHARING_FIRST)
                .findFirst()
                .orElseThrow()
                .score())
        .isNull();
  }

  @Test
  void theWindowNamesItsFirstCountedDayAndTheReportCountsTheSameWeeksAsL5() {
    var facts = PartnershipFacts.of(twoCouncils().events(), AS_OF);
    TrustBuildingProfile trust = calculator.calculate(facts, AS_OF, null);
    assertThat(trust.windowStart())
        .as("90 days ending on asOf start 89 days before it")
        .isEqualTo(AS_OF.minusDays(89));

    var interactions =
        org.partnershiptracker.query.interaction.model.InteractionFrequencyCalculator.calculate(
            facts,
            trust.windowStart(),
            AS_OF,
            org.partnershiptracker.query.interaction.model.Granularity.WEEK);
    PracticeScore l5 =
        trust.scores().stream()
            .filter(s -> s.practice() == Practice.L5_REGULAR_CONTACT)
            .findFirst()
            .orElseThrow();
    int weeks = ((Number) l5.evidence().get("weeks")).intValue();
    int withContact = ((Number) l5.evidence().get("weeksWithContact")).intValue();
    assertThat(interactions.periods()).hasSize(weeks);
    assertThat(interactions.weeksWithoutContact()).isEqualTo(weeks - withContact);
  }
}
