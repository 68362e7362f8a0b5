package org.partnershiptracker.command.project;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.command.project.ProjectCommands.AbandonProject;
import org.partnershiptracker.command.project.ProjectCommands.AchieveMilestone;
import org.partnershiptracker.command.project.ProjectCommands.CompleteProject;
import org.partnershiptracker.command.project.ProjectCommands.DraftDataSharingAgreement;
import org.partnershiptracker.command.project.ProjectCommands.ExpireDataSharingAgreement;
import org.partnershiptracker.command.project.ProjectCommands.PlanMilestone;
import org.partnershiptracker.command.project.ProjectCommands.ProposeProject;
import org.partnershiptracker.command.project.ProjectCommands.RecordMilestoneMissed;
import org.partnershiptracker.command.project.ProjectCommands.RescheduleMilestone;
import org.partnershiptracker.command.project.ProjectCommands.ReviseDataSharingAgreement;
import org.partnershiptracker.command.project.ProjectCommands.SignDataSharingAgreement;
import org.partnershiptracker.command.project.ProjectCommands.StartProject;
import org.partnershiptracker.command.rules.NotFound;
import org.partnershiptracker.command.rules.Rule;
import org.partnershiptracker.command.rules.RuleViolation;

import static org.partnershiptracker.command.rules.Refusals.refusedFor;
import org.partnershiptracker.events.project.DataSharingAgreementDrafted;
import org.partnershiptracker.events.project.DataSharingAgreementExpired;
import org.partnershiptracker.events.project.DataSharingAgreementRevised;
import org.partnershiptracker.events.project.DataSharingAgreementSigned;
import org.partnershiptracker.events.project.MilestoneAchieved;
import org.partnershiptracker.events.project.MilestoneMissed;
import org.partnershiptracker.events.project.MilestonePlanned;
import org.partnershiptracker.events.project.MilestoneRescheduled;
import org.partnershiptracker.events.project.ProjectAbandoned;
import org.partnershiptracker.events.project.ProjectCompleted;
import org.partnershiptracker.events.project.ProjectProposed;
import org.partnershiptracker.events.project.ProjectStarted;
import org.partnershiptracker.events.value.MilestoneHorizon;
import org.partnershiptracker.events.value.MilestoneId;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a project — its data sharing agreement (L1) and milestones (I2) — as specifications. */
class ProjectRulesTest {
  static final PartnershipId SHIRE = PartnershipId.of("shire");
  static final ProjectId CARE = ProjectId.of("care-demand");
  static final OrganisationId NORTH = OrganisationId.of("north-council");
  static final OrganisationId SOUTH = OrganisationId.of("south-council");
  static final OrganisationId UNI = OrganisationId.of("uni");
  static final OrganisationId POLICE = OrganisationId.of("police");
  static final LocalDate DAY = LocalDate.of(2025, 2, 3);
  static final MilestoneId FIRST_MODEL = MilestoneId.of("first-model");

  /** Stands in for the Partnership aggregate: knows its partners and whether it is closed. */
  static final class FakePartnership implements PartnershipGate {
    boolean closed;

    @Override
    public void requireActivity(PartnershipId partnershipId, LocalDate on, Collection<OrganisationId> organisations) {
      RuleViolation.check(!closed, Rule.PARTNERSHIP_CLOSED, "closed");
      RuleViolation.check(
          Set.of(NORTH, SOUTH, UNI).containsAll(organisations), Rule.ONLY_PARTNERS_TAKE_PART, "not a partner");
    }
  }

  private final FakePartnership partnership = new FakePartnership();
  private FixtureConfiguration<Project> fixture;

  @BeforeEach
  void fixture() {
    fixture = fixtureWith(DsaBeforeStartPolicy.ENFORCE);
  }

  private FixtureConfiguration<Project> fixtureWith(DsaBeforeStartPolicy policy) {
    FixtureConfiguration<Project> configured = new AggregateTestFixture<>(Project.class);
    configured.registerInjectableResource(partnership);
    configured.registerInjectableResource(policy);
    return configured;
  }

  static ProjectProposed proposed() {
    return new ProjectProposed(SHIRE, CARE, "Adult social care demand", "Forecast demand", List.of(NORTH, SOUTH), DAY);
  }

  static DataSharingAgreementDrafted drafted() {
    return new DataSharingAgreementDrafted(SHIRE, CARE, 1, UNI, DAY);
  }

  static DataSharingAgreementSigned signed(int version, OrganisationId by) {
    return new DataSharingAgreementSigned(SHIRE, CARE, version, by, DAY);
  }

  static ProjectStarted started() {
    return new ProjectStarted(SHIRE, CARE, DAY, true);
  }

  static MilestonePlanned planned() {
    return new MilestonePlanned(SHIRE, CARE, FIRST_MODEL, "First model", MilestoneHorizon.QUICK_WIN_3_WEEKS, DAY.plusWeeks(3), DAY);
  }

  private TestExecutor<Project> signedAndStarted() {
    return fixture.given(proposed(), drafted(), signed(1, NORTH), signed(1, SOUTH), started());
  }

  @Test
  void aProjectIsProposedWithItsDataProviders() {
    fixture.givenNoPriorActivity()
        .when(new ProposeProject(SHIRE, CARE, "Adult social care demand", "Forecast demand", List.of(NORTH, SOUTH, NORTH), DAY))
        .expectEvents(proposed());
  }

  @Test
  void onlyPartnersProvideData() {
    refusedFor(
        fixture.givenNoPriorActivity().when(new ProposeProject(SHIRE, CARE, "t", "p", List.of(POLICE), DAY)),
        Rule.ONLY_PARTNERS_TAKE_PART);
  }

  @Test
  void aClosedPartnershipTakesNoNewProject() {
    partnership.closed = true;
    refusedFor(
        fixture.givenNoPriorActivity().when(new ProposeProject(SHIRE, CARE, "t", "p", List.of(NORTH), DAY)),
        Rule.PARTNERSHIP_CLOSED);
  }

  @Test
  void aPartnerDraftsTheAgreement() {
    fixture.given(proposed()).when(new DraftDataSharingAgreement(SHIRE, CARE, UNI, DAY)).expectEvents(drafted());
  }

  @Test
  void theAgreementIsDraftedOnce() {
    refusedFor(fixture.given(proposed(), drafted()).when(new DraftDataSharingAgreement(SHIRE, CARE, NORTH, DAY)), Rule.DSA_DRAFTED_FIRST);
  }

  @Test
  void onlyPartnersDraftTheAgreement() {
    refusedFor(fixture.given(proposed()).when(new DraftDataSharingAgreement(SHIRE, CARE, POLICE, DAY)), Rule.ONLY_PARTNERS_TAKE_PART);
  }

  @Test
  void anotherPartnerRevisesTheAgreementIntoANewVersion() {
    fixture.given(proposed(), drafted())
        .when(new ReviseDataSharingAgreement(SHIRE, CARE, NORTH, DAY))
        .expectEvents(new DataSharingAgreementRevised(SHIRE, CARE, 2, NORTH, DAY));
  }

  @Test
  void anUndraftedAgreementIsNotRevised() {
    refusedFor(fixture.given(proposed()).when(new ReviseDataSharingAgreement(SHIRE, CARE, NORTH, DAY)), Rule.DSA_DRAFTED_FIRST);
  }

  @Test
  void onlyPartnersReviseTheAgreement() {
    refusedFor(fixture.given(proposed(), drafted()).when(new ReviseDataSharingAgreement(SHIRE, CARE, POLICE, DAY)), Rule.ONLY_PARTNERS_TAKE_PART);
  }

  @Test
  void aDataProviderSignsTheCurrentVersion() {
    fixture.given(proposed(), drafted(), new DataSharingAgreementRevised(SHIRE, CARE, 2, NORTH, DAY))
        .when(new SignDataSharingAgreement(SHIRE, CARE, SOUTH, DAY))
        .expectEvents(signed(2, SOUTH));
  }

  @Test
  void onlyDataProvidersSign() {
    refusedFor(fixture.given(proposed(), drafted()).when(new SignDataSharingAgreement(SHIRE, CARE, UNI, DAY)), Rule.DSA_SIGNED_BY_DATA_PROVIDERS);
  }

  @Test
  void aDataProviderSignsAVersionOnce() {
    refusedFor(
        fixture.given(proposed(), drafted(), signed(1, NORTH)).when(new SignDataSharingAgreement(SHIRE, CARE, NORTH, DAY)),
        Rule.DSA_SIGNED_BY_DATA_PROVIDERS);
  }

  @Test
  void nothingIsSignedBeforeADraft() {
    refusedFor(fixture.given(proposed()).when(new SignDataSharingAgreement(SHIRE, CARE, NORTH, DAY)), Rule.DSA_DRAFTED_FIRST);
  }

  @Test
  void anExpiredAgreementIsRevisedBeforeItIsSignedAgain() {
    refusedFor(
        fixture.given(proposed(), drafted(), new DataSharingAgreementExpired(SHIRE, CARE, 1, DAY))
            .when(new SignDataSharingAgreement(SHIRE, CARE, NORTH, DAY)),
        Rule.DSA_DRAFTED_FIRST);
  }

  @Test
  void theAgreementExpires() {
    fixture.given(proposed(), drafted())
        .when(new ExpireDataSharingAgreement(SHIRE, CARE, DAY))
        .expectEvents(new DataSharingAgreementExpired(SHIRE, CARE, 1, DAY));
  }

  @Test
  void anUndraftedAgreementDoesNotExpire() {
    refusedFor(fixture.given(proposed()).when(new ExpireDataSharingAgreement(SHIRE, CARE, DAY)), Rule.DSA_DRAFTED_FIRST);
  }

  @Test
  void aProjectSignedByEveryDataProviderStarts() {
    fixture.given(proposed(), drafted(), signed(1, NORTH), signed(1, SOUTH))
        .when(new StartProject(SHIRE, CARE, DAY))
        .expectEvents(started());
  }

  @Test
  void startingAProjectWithoutASignedDsaIsRefused() {
    refusedFor(fixture.given(proposed(), drafted(), signed(1, NORTH)).when(new StartProject(SHIRE, CARE, DAY)), Rule.DSA_BEFORE_START);
  }

  @Test
  void aRevisionMakesEarlierSignaturesLapse() {
    refusedFor(
        fixture.given(proposed(), drafted(), signed(1, NORTH), signed(1, SOUTH), new DataSharingAgreementRevised(SHIRE, CARE, 2, UNI, DAY))
            .when(new StartProject(SHIRE, CARE, DAY)),
        Rule.DSA_BEFORE_START);
  }

  @Test
  void underTheWarnPolicyAnUnsignedProjectStartsFlagged() {
    fixtureWith(DsaBeforeStartPolicy.WARN)
        .given(proposed())
        .when(new StartProject(SHIRE, CARE, DAY))
        .expectEvents(new ProjectStarted(SHIRE, CARE, DAY, false));
  }

  @Test
  void aProjectStartsOnce() {
    refusedFor(signedAndStarted().when(new StartProject(SHIRE, CARE, DAY)), Rule.PROJECT_STARTS_ONCE);
  }

  @Test
  void aProjectIsOnlyFoundInItsOwnPartnership() {
    fixture.given(proposed())
        .when(new StartProject(PartnershipId.of("elsewhere"), CARE, DAY))
        .expectNoEvents()
        .expectException(NotFound.class);
  }

  @Test
  void aMilestoneIsPlanned() {
    fixture.given(proposed())
        .when(new PlanMilestone(SHIRE, CARE, FIRST_MODEL, "First model", MilestoneHorizon.QUICK_WIN_3_WEEKS, DAY.plusWeeks(3), DAY))
        .expectEvents(planned());
  }

  @Test
  void aMilestoneIdIsPlannedOnce() {
    refusedFor(
        fixture.given(proposed(), planned())
            .when(new PlanMilestone(SHIRE, CARE, FIRST_MODEL, "Again", MilestoneHorizon.LONG, DAY, DAY)),
        Rule.ID_ALREADY_USED);
  }

  @Test
  void aMilestoneIsAchievedLateAgainstTheDueDateInForce() {
    signedAndStarted().andGiven(planned())
        .when(new AchieveMilestone(SHIRE, CARE, FIRST_MODEL, DAY.plusWeeks(4)))
        .expectEvents(new MilestoneAchieved(SHIRE, CARE, FIRST_MODEL, DAY.plusWeeks(3), DAY.plusWeeks(4)));
  }

  @Test
  void aMilestoneIsAchievedOnlyAfterTheStart() {
    refusedFor(
        fixture.given(proposed(), planned()).when(new AchieveMilestone(SHIRE, CARE, FIRST_MODEL, DAY)),
        Rule.PROJECT_NOT_STARTED);
  }

  @Test
  void anUnplannedMilestoneIsNotAchieved() {
    refusedFor(signedAndStarted().when(new AchieveMilestone(SHIRE, CARE, FIRST_MODEL, DAY)), Rule.UNKNOWN_MILESTONE);
  }

  @Test
  void aMilestoneIsAchievedOrMissedAtMostOnce() {
    MilestoneAchieved achieved = new MilestoneAchieved(SHIRE, CARE, FIRST_MODEL, DAY.plusWeeks(3), DAY);
    refusedFor(
        signedAndStarted().andGiven(planned(), achieved).when(new AchieveMilestone(SHIRE, CARE, FIRST_MODEL, DAY)),
        Rule.MILESTONE_CLOSED_ONCE);
  }

  @Test
  void aMilestoneIsMissed() {
    signedAndStarted().andGiven(planned())
        .when(new RecordMilestoneMissed(SHIRE, CARE, FIRST_MODEL, DAY.plusWeeks(5), "data late"))
        .expectEvents(new MilestoneMissed(SHIRE, CARE, FIRST_MODEL, DAY.plusWeeks(3), DAY.plusWeeks(5), "data late"));
  }

  @Test
  void anAchievedMilestoneIsNotMissed() {
    MilestoneAchieved achieved = new MilestoneAchieved(SHIRE, CARE, FIRST_MODEL, DAY.plusWeeks(3), DAY);
    refusedFor(
        signedAndStarted().andGiven(planned(), achieved).when(new RecordMilestoneMissed(SHIRE, CARE, FIRST_MODEL, DAY, null)),
        Rule.MILESTONE_CLOSED_ONCE);
  }

  @Test
  void aMilestoneIsMissedOnlyAfterTheStart() {
    refusedFor(
        fixture.given(proposed(), planned()).when(new RecordMilestoneMissed(SHIRE, CARE, FIRST_MODEL, DAY, null)),
        Rule.PROJECT_NOT_STARTED);
  }

  @Test
  void anOpenMilestoneIsRescheduled() {
    fixture.given(proposed(), planned())
        .when(new RescheduleMilestone(SHIRE, CARE, FIRST_MODEL, DAY.plusWeeks(6), DAY, "data late"))
        .expectEvents(new MilestoneRescheduled(SHIRE, CARE, FIRST_MODEL, DAY.plusWeeks(3), DAY.plusWeeks(6), DAY, "data late"));
  }

  @Test
  void aMissedMilestoneIsNotRescheduled() {
    MilestoneMissed missed = new MilestoneMissed(SHIRE, CARE, FIRST_MODEL, DAY.plusWeeks(3), DAY, null);
    refusedFor(
        signedAndStarted().andGiven(planned(), missed).when(new RescheduleMilestone(SHIRE, CARE, FIRST_MODEL, DAY, DAY, null)),
        Rule.MILESTONE_CLOSED_ONCE);
  }

  @Test
  void anUnplannedMilestoneIsNotRescheduled() {
    refusedFor(
        fixture.given(proposed()).when(new RescheduleMilestone(SHIRE, CARE, FIRST_MODEL, DAY, DAY, null)),
        Rule.UNKNOWN_MILESTONE);
  }

  @Test
  void aStartedProjectCompletes() {
    signedAndStarted()
        .when(new CompleteProject(SHIRE, CARE, DAY, "model in use"))
        .expectEvents(new ProjectCompleted(SHIRE, CARE, DAY, "model in use"));
  }

  @Test
  void anUnstartedProjectDoesNotComplete() {
    refusedFor(fixture.given(proposed()).when(new CompleteProject(SHIRE, CARE, DAY, "done")), Rule.PROJECT_NOT_STARTED);
  }

  @Test
  void aProjectIsAbandoned() {
    fixture.given(proposed())
        .when(new AbandonProject(SHIRE, CARE, DAY, "no data"))
        .expectEvents(new ProjectAbandoned(SHIRE, CARE, DAY, "no data"));
  }

  @Test
  void aClosedProjectAcceptsNothing() {
    refusedFor(
        fixture.given(proposed(), new ProjectAbandoned(SHIRE, CARE, DAY, "no data"))
            .when(new PlanMilestone(SHIRE, CARE, FIRST_MODEL, "t", MilestoneHorizon.LONG, DAY, DAY)),
        Rule.PROJECT_CLOSED);
    refusedFor(
        fixture.given(proposed(), new ProjectAbandoned(SHIRE, CARE, DAY, "no data"))
            .when(new AbandonProject(SHIRE, CARE, DAY, "again")),
        Rule.PROJECT_CLOSED);
  }

  @Test
  void aClosedPartnershipsProjectAcceptsNothing() {
    partnership.closed = true;
    refusedFor(fixture.given(proposed()).when(new DraftDataSharingAgreement(SHIRE, CARE, UNI, DAY)), Rule.PARTNERSHIP_CLOSED);
  }
}
