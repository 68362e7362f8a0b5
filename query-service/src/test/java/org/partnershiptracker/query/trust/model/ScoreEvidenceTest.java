package org.partnershiptracker.query.trust.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.partnershiptracker.query.partnership.model.Timeline.FORMED;
import static org.partnershiptracker.query.partnership.model.Timeline.NORTH;
import static org.partnershiptracker.query.partnership.model.Timeline.SHIRE;
import static org.partnershiptracker.query.partnership.model.Timeline.SOUTH;
import static org.partnershiptracker.query.partnership.model.Timeline.UNI;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.events.partnership.PartnerLeft;
import org.partnershiptracker.events.partnership.PulseSurveyAnswered;
import org.partnershiptracker.events.partnership.QuickWinDelivered;
import org.partnershiptracker.events.partnership.RoleDesignated;
import org.partnershiptracker.events.partnership.RoleReassigned;
import org.partnershiptracker.events.partnership.RoleVacated;
import org.partnershiptracker.events.project.DataSharingAgreementDrafted;
import org.partnershiptracker.events.project.DataSharingAgreementRevised;
import org.partnershiptracker.events.project.DataSharingAgreementSigned;
import org.partnershiptracker.events.project.MilestoneAchieved;
import org.partnershiptracker.events.project.MilestonePlanned;
import org.partnershiptracker.events.project.MilestoneRescheduled;
import org.partnershiptracker.events.project.ProjectProposed;
import org.partnershiptracker.events.project.ProjectStarted;
import org.partnershiptracker.events.value.AttendeeLevel;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.events.value.MilestoneHorizon;
import org.partnershiptracker.events.value.MilestoneId;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PersonId;
import org.partnershiptracker.events.value.ProjectId;
import org.partnershiptracker.events.value.QuickWinId;
import org.partnershiptracker.events.value.RoleChangeReason;
import org.partnershiptracker.events.value.RoleId;
import org.partnershiptracker.events.value.RoleType;
import org.partnershiptracker.events.value.Sector;
import org.partnershiptracker.query.partnership.model.EventRef;
import org.partnershiptracker.query.partnership.model.Timeline;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile.PracticeScore;

/**
 * Every score names the recorded events it was computed from, found by the same code that counts
 * them: an analyst who doubts a figure can open each event in the history and see who recorded it.
 */
class ScoreEvidenceTest {
  private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

  private static PracticeScore score(List<PracticeScore> scores, Practice practice) {
    return scores.stream().filter(s -> s.practice() == practice).findFirst().orElseThrow();
  }

  private static List<String> ids(PracticeScore score) {
    return score.events().stream().map(EventRef::eventId).toList();
  }

  private static RoleDesignated designated(
      String role, RoleType type, OrganisationId org, LocalDate on) {
    return new RoleDesignated(SHIRE, RoleId.of(role), type, org, PersonId.of("p-" + role), on);
  }

  @Test
  void dataSharingFirstNamesTheJudgedProjectsAgreementsAndStartsWithWhoRecordedThem() {
    ProjectId fresh = ProjectId.of("fresh");
    ProjectId old = ProjectId.of("old");
    Timeline timeline =
        Timeline.twoCouncilsAndAUniversity()
            .add(new ProjectProposed(SHIRE, old, "Old", "p", List.of(SOUTH), FORMED))
            .add(new ProjectStarted(SHIRE, old, FORMED.plusDays(7), false))
            .add(new ProjectProposed(SHIRE, fresh, "Fresh", "p", List.of(NORTH), FORMED));
    String drafted = timeline.nextEventId();
    timeline.recordedBy(
        UNI, new DataSharingAgreementDrafted(SHIRE, fresh, 1, UNI, FORMED.plusMonths(12)));
    String revised = timeline.nextEventId();
    timeline.recordedBy(
        NORTH, new DataSharingAgreementRevised(SHIRE, fresh, 2, NORTH, FORMED.plusMonths(13)));
    String signed = timeline.nextEventId();
    timeline.recordedBy(
        NORTH, new DataSharingAgreementSigned(SHIRE, fresh, 2, NORTH, FORMED.plusMonths(13)));
    String started = timeline.nextEventId();
    timeline.add(new ProjectStarted(SHIRE, fresh, FORMED.plusMonths(14), true));

    PracticeScore l1 =
        score(
            TrustProfiles.asOf(timeline, FORMED.plusMonths(16)).scores(),
            Practice.L1_DATA_SHARING_FIRST);

    assertThat(l1.evidence()).containsEntry("projectsStarted", 1);
    assertThat(l1.events())
        .as(
            "the fresh project's agreement and start; the old project, started 16 months ago, is"
                + " not judged")
        .extracting(
            EventRef::eventId,
            EventRef::type,
            EventRef::organisationIds,
            EventRef::recordedByOrganisation)
        .containsExactly(
            tuple(drafted, "DataSharingAgreementDrafted", List.of("uni"), "uni"),
            tuple(
                revised, "DataSharingAgreementRevised", List.of("north-council"), "north-council"),
            tuple(signed, "DataSharingAgreementSigned", List.of("north-council"), "north-council"),
            tuple(started, "ProjectStarted", List.of("north-council"), null));
  }

  @Test
  void roleClarityNamesTheKeyRolesDesignatedReassignedAndVacatedInTheWindowAndTheDepartures() {
    LocalDate inWindow = AS_OF.minusDays(20);
    Timeline timeline =
        Timeline.twoCouncilsAndAUniversity()
            .add(designated("n-bs", RoleType.BOUNDARY_SPANNER, NORTH, FORMED))
            .add(designated("n-champion", RoleType.CHAMPION, NORTH, FORMED));
    String vacated = timeline.nextEventId();
    timeline.recordedBy(
        NORTH,
        new RoleVacated(
            SHIRE, RoleId.of("n-bs"), PersonId.of("p-n-bs"), RoleChangeReason.DEPARTURE, inWindow));
    String designatedAgain = timeline.nextEventId();
    timeline.add(designated("n-bs", RoleType.BOUNDARY_SPANNER, NORTH, inWindow.plusDays(1)));
    timeline.add(
        new RoleReassigned(
            SHIRE,
            RoleId.of("n-champion"),
            PersonId.of("p-n-champion"),
            PersonId.of("p-x"),
            RoleChangeReason.WORKLOAD,
            inWindow));
    String left = timeline.nextEventId();
    timeline.recordedBy(
        SOUTH,
        new PartnerLeft(
            SHIRE, SOUTH, "South County Council", Sector.LOCAL_AUTHORITY, inWindow, "budget"));

    PracticeScore l2 =
        score(TrustProfiles.asOf(timeline, AS_OF).scores(), Practice.L2_ROLE_CLARITY);

    assertThat(l2.evidence()).containsEntry("keyRolesChangedHandsInWindow", 1L);
    assertThat(ids(l2))
        .as(
            "the boundary spanner vacated and designated again, and South leaving; not the"
                + " designation before the window, nor the champion's change, which costs nothing")
        .containsExactly(vacated, left, designatedAgain);
    assertThat(l2.events())
        .extracting(EventRef::type, EventRef::organisationIds)
        .containsExactly(
            tuple("RoleVacated", List.of("north-council")),
            tuple("PartnerLeft", List.of("south-council")),
            tuple("RoleDesignated", List.of("north-council")));
  }

  @Test
  void earlyWinsNameTheQuickWinsAndTheEventsOfTheMilestonesDueInTheWindow() {
    ProjectId project = ProjectId.of("north-p");
    MilestoneId due = MilestoneId.of("due");
    MilestoneId later = MilestoneId.of("later");
    Timeline timeline =
        Timeline.twoCouncilsAndAUniversity()
            .add(new ProjectProposed(SHIRE, project, "North", "p", List.of(NORTH), FORMED))
            .add(new ProjectStarted(SHIRE, project, FORMED.plusDays(10), true));
    String planned = timeline.nextEventId();
    timeline.add(
        new MilestonePlanned(
            SHIRE,
            project,
            due,
            "Extract",
            MilestoneHorizon.SHORT_1_2_MONTHS,
            AS_OF.minusDays(30),
            FORMED.plusDays(10)));
    timeline.add(
        new MilestonePlanned(
            SHIRE,
            project,
            later,
            "Pilot",
            MilestoneHorizon.LONG,
            AS_OF.plusDays(90),
            FORMED.plusDays(10)));
    String rescheduled = timeline.nextEventId();
    timeline.add(
        new MilestoneRescheduled(
            SHIRE,
            project,
            due,
            AS_OF.minusDays(30),
            AS_OF.minusDays(10),
            AS_OF.minusDays(40),
            "late data"));
    String achieved = timeline.nextEventId();
    timeline.recordedBy(
        NORTH,
        new MilestoneAchieved(SHIRE, project, due, AS_OF.minusDays(10), AS_OF.minusDays(12)));
    String quickWin = timeline.nextEventId();
    timeline.add(
        new QuickWinDelivered(
            SHIRE, QuickWinId.of("q1"), null, "Dashboard", AS_OF.minusDays(50), NORTH, null));
    timeline.add(
        new QuickWinDelivered(
            SHIRE, QuickWinId.of("q0"), null, "Old map", AS_OF.minusDays(200), NORTH, null));

    PracticeScore i2 = score(TrustProfiles.asOf(timeline, AS_OF).scores(), Practice.I2_EARLY_WINS);

    assertThat(i2.evidence()).containsEntry("quickWins", 1L).containsEntry("milestonesDue", 1);
    assertThat(ids(i2))
        .as(
            "in the order they happened: the milestone planned, the quick win, the milestone"
                + " rescheduled then achieved; not the milestone due later nor the old quick win")
        .containsExactly(planned, quickWin, rescheduled, achieved);
    assertThat(i2.events())
        .allSatisfy(e -> assertThat(e.organisationIds()).containsExactly("north-council"));
  }

  @Test
  void interactionScoresNameTheMeetingsEachCounted() {
    Timeline timeline = Timeline.twoCouncilsAndAUniversity();
    String showcase = timeline.nextEventId();
    timeline.meeting(MeetingType.SHOWCASE, AS_OF.minusDays(20), NORTH, AttendeeLevel.ANALYST);
    String steering = timeline.nextEventId();
    timeline.meeting(MeetingType.STEERING, AS_OF.minusDays(10), SOUTH, AttendeeLevel.SENIOR_LEADER);
    String social = timeline.nextEventId();
    timeline.meeting(MeetingType.SOCIAL, AS_OF.minusDays(5), SOUTH, AttendeeLevel.FRONTLINE);
    String training = timeline.nextEventId();
    timeline.meeting(MeetingType.TRAINING, AS_OF.minusDays(4), NORTH, AttendeeLevel.DATA_OWNER);
    String citizens = timeline.nextEventId();
    timeline.meeting(
        MeetingType.CITIZEN_ENGAGEMENT, AS_OF.minusDays(3), NORTH, AttendeeLevel.CITIZEN);
    timeline.meeting(MeetingType.SHOWCASE, AS_OF.minusDays(120), NORTH, AttendeeLevel.ANALYST);

    List<PracticeScore> scores = TrustProfiles.asOf(timeline, AS_OF).scores();

    assertThat(ids(score(scores, Practice.L3_BOTTOM_UP_ENGAGEMENT)))
        .as("meetings council analysts, frontline staff or middle managers attended")
        .containsExactly(showcase, social);
    assertThat(ids(score(scores, Practice.L4_SHOWCASING))).containsExactly(showcase);
    assertThat(ids(score(scores, Practice.L5_REGULAR_CONTACT)))
        .as("every interaction of the window: each week with one has contact")
        .containsExactly(showcase, steering, social, training, citizens);
    assertThat(ids(score(scores, Practice.I1_DATA_OWNERS))).containsExactly(training);
    assertThat(ids(score(scores, Practice.I3_EDUCATION_AND_PROTOCOLS))).containsExactly(training);
    assertThat(ids(score(scores, Practice.I4_CITIZEN_PARTICIPATION))).containsExactly(citizens);
    assertThat(ids(score(scores, Practice.SOCIAL_COHESION))).containsExactly(social);
    assertThat(score(scores, Practice.L4_SHOWCASING).events().get(0).organisationIds())
        .as("the host and every attendee organisation")
        .containsExactly("north-council", "uni");
    for (Practice practice :
        List.of(
            Practice.I1_DATA_OWNERS,
            Practice.I3_EDUCATION_AND_PROTOCOLS,
            Practice.I4_CITIZEN_PARTICIPATION)) {
      PracticeScore s = score(scores, practice);
      assertThat(s.events()).hasSize(((Number) s.evidence().get("interactions")).intValue());
    }
  }

  @Test
  void perceivedTrustNamesTheAnswersAndAPartnerSeesThoseItGaveAndReceived() {
    Timeline timeline = Timeline.twoCouncilsAndAUniversity();
    String southGave = timeline.nextEventId();
    timeline.recordedBy(SOUTH, new PulseSurveyAnswered(SHIRE, SOUTH, UNI, 5, AS_OF.minusDays(3)));
    String uniGave = timeline.nextEventId();
    timeline.recordedBy(UNI, new PulseSurveyAnswered(SHIRE, UNI, NORTH, 4, AS_OF.minusDays(2)));
    timeline.add(new PulseSurveyAnswered(SHIRE, NORTH, UNI, 4, AS_OF.minusDays(200)));

    TrustBuildingProfile trust = TrustProfiles.asOf(timeline, AS_OF);

    assertThat(score(trust.scores(), Practice.PERCEIVED_TRUST).events())
        .extracting(EventRef::eventId, EventRef::organisationIds, EventRef::recordedByOrganisation)
        .containsExactly(
            tuple(southGave, List.of("south-council", "uni"), "south-council"),
            tuple(uniGave, List.of("uni", "north-council"), "uni"));
    PracticeScore south =
        score(
            trust.organisations().stream()
                .filter(o -> o.organisationId().equals("south-council"))
                .findFirst()
                .orElseThrow()
                .scores(),
            Practice.PERCEIVED_TRUST);
    assertThat(ids(south)).as("South's own answer; no one rated South").containsExactly(southGave);
  }

  @Test
  void aTrendKeepsTheFiguresWithoutTheEvents() {
    Timeline timeline =
        Timeline.twoCouncilsAndAUniversity()
            .meeting(MeetingType.SHOWCASE, AS_OF.minusDays(20), NORTH, AttendeeLevel.ANALYST);
    TrustBuildingProfile trust = TrustProfiles.asOf(timeline, AS_OF);

    TrustFigures figures = TrustFigures.of(trust);

    assertThat(figures.index()).isEqualTo(trust.index());
    for (TrustBuildingProfile.PracticeScore score : trust.scores()) {
      assertThat(figures.score(score.practice())).isEqualTo(score.score());
    }
    for (TrustBuildingProfile.OrganisationProfile partner : trust.organisations()) {
      assertThat(figures.partnerIndex(partner.organisationId())).isEqualTo(partner.index());
    }
    assertThat(figures.partnerIndex("not-a-partner")).isNull();
    assertThat(score(trust.scores(), Practice.L4_SHOWCASING).events()).hasSize(1);
  }
}
