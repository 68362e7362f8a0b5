package org.partnershiptracker.command.project.model;

import static org.partnershiptracker.command.rules.Refusals.byType;
import static org.partnershiptracker.command.rules.Refusals.refused;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnershiptracker.command.project.model.ProjectCommands.AbandonProject;
import org.partnershiptracker.command.project.model.ProjectCommands.AchieveMilestone;
import org.partnershiptracker.command.project.model.ProjectCommands.CompleteProject;
import org.partnershiptracker.command.project.model.ProjectCommands.DraftDataSharingAgreement;
import org.partnershiptracker.command.project.model.ProjectCommands.ExpireDataSharingAgreement;
import org.partnershiptracker.command.project.model.ProjectCommands.PlanMilestone;
import org.partnershiptracker.command.project.model.ProjectCommands.ProposeProject;
import org.partnershiptracker.command.project.model.ProjectCommands.RecordMilestoneMissed;
import org.partnershiptracker.command.project.model.ProjectCommands.RescheduleMilestone;
import org.partnershiptracker.command.project.model.ProjectCommands.ReviseDataSharingAgreement;
import org.partnershiptracker.command.project.model.ProjectCommands.SignDataSharingAgreement;
import org.partnershiptracker.command.project.model.ProjectCommands.StartProject;
import org.partnershiptracker.command.rules.NotFound;
import org.partnershiptracker.command.rules.Rule;
import org.partnershiptracker.command.rules.RuleViolation;
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

/**
 * The Project aggregate as given / when / then specifications: its data sharing agreement (L1), its
 * start, its milestones (I2) and its end, with every rule each command enforces.
 */
class ProjectTest {
  private static final PartnershipId SHIRE = PartnershipId.of("shire");
  private static final PartnershipId ELSEWHERE = PartnershipId.of("elsewhere");
  private static final ProjectId CARE = ProjectId.of("care-demand");

  /** The data providers of the project. */
  private static final OrganisationId NORTH = OrganisationId.of("north-council");

  private static final OrganisationId SOUTH = OrganisationId.of("south-council");

  /** A partner that provides no data: it drafts the agreement. */
  private static final OrganisationId UNI = OrganisationId.of("uni");

  /** Never a partner of the shire. */
  private static final OrganisationId POLICE = OrganisationId.of("police");

  private static final LocalDate FORMED = LocalDate.of(2025, 1, 6);
  private static final LocalDate BEFORE_FORMATION = FORMED.minusDays(1);
  private static final LocalDate DAY = LocalDate.of(2025, 2, 3);
  private static final LocalDate DUE = DAY.plusWeeks(3);

  /**
   * For the agreement's dates: steps are dated around a start on 2025-03-10, recorded in any order.
   */
  private static final LocalDate START = LocalDate.of(2025, 3, 10);

  private static final MilestoneId FIRST_MODEL = MilestoneId.of("first-model");

  /**
   * Stands in for the Partnership aggregate, and refuses as it would: a closed partnership accepts
   * nothing, nothing is dated before its formation, and only its partners take part.
   */
  static final class FakePartnership implements PartnershipGate {
    private final PartnershipId partnershipId;
    private final LocalDate formedOn;
    private final Set<OrganisationId> partners;
    private boolean open = true;

    FakePartnership(PartnershipId partnershipId, LocalDate formedOn, OrganisationId... partners) {
      this.partnershipId = partnershipId;
      this.formedOn = formedOn;
      this.partners = new HashSet<>(List.of(partners));
    }

    void close() {
      open = false;
    }

    void leave(OrganisationId partner) {
      partners.remove(partner);
    }

    @Override
    public void requireActivity(
        PartnershipId partnership, LocalDate on, Collection<OrganisationId> organisations) {
      if (!partnershipId.equals(partnership)) {
        throw new AggregateNotFoundException(partnership.value(), "no partnership " + partnership);
      }
      RuleViolation.check(
          open,
          Rule.CLOSED_PARTNERSHIP_ACCEPTS_NOTHING,
          "partnership " + partnershipId + " is closed");
      RuleViolation.check(
          !on.isBefore(formedOn),
          Rule.ACTIVITY_AFTER_FORMATION,
          "dated " + on + ", before " + formedOn);
      List<OrganisationId> outsiders = new ArrayList<>(organisations);
      outsiders.removeAll(partners);
      RuleViolation.check(
          outsiders.isEmpty(), Rule.ONLY_PARTNERS_TAKE_PART, "not partners: " + outsiders);
    }
  }

  private FakePartnership partnership;
  private FixtureConfiguration<Project> fixture;

  @BeforeEach
  void setUp() {
    partnership = new FakePartnership(SHIRE, FORMED, NORTH, SOUTH, UNI);
    fixture = fixtureUnder(DsaBeforeStartPolicy.ENFORCE);
  }

  private FixtureConfiguration<Project> fixtureUnder(DsaBeforeStartPolicy policy) {
    FixtureConfiguration<Project> configured = new AggregateTestFixture<>(Project.class);
    configured.registerInjectableResource(partnership);
    configured.registerInjectableResource(policy);
    return configured;
  }

  // ---------------------------------------------------------------- ProposeProject

  @Test
  void aProjectIsProposedWithEachDataProviderOnce() {
    fixture
        .givenNoPriorActivity()
        .when(
            new ProposeProject(
                SHIRE,
                CARE,
                "Adult social care demand",
                "Forecast demand",
                List.of(NORTH, SOUTH, NORTH),
                DAY))
        .expectEvents(proposed());
  }

  @Test
  void onlyPartnersProvideData() {
    refused(
        fixture.givenNoPriorActivity().when(proposal(List.of(NORTH, POLICE), DAY)),
        Rule.ONLY_PARTNERS_TAKE_PART);
  }

  @Test
  void aClosedPartnershipTakesNoNewProject() {
    partnership.close();
    refused(
        fixture.givenNoPriorActivity().when(proposal(List.of(NORTH), DAY)),
        Rule.CLOSED_PARTNERSHIP_ACCEPTS_NOTHING);
  }

  @Test
  void aProjectIsNotProposedBeforeThePartnershipWasFormed() {
    refused(
        fixture.givenNoPriorActivity().when(proposal(List.of(NORTH), BEFORE_FORMATION)),
        Rule.ACTIVITY_AFTER_FORMATION);
  }

  @Test
  void aProjectIsProposedOnlyInAPartnershipThatExists() {
    fixture
        .givenNoPriorActivity()
        .when(new ProposeProject(ELSEWHERE, CARE, "t", "p", List.of(NORTH), DAY))
        .expectNoEvents()
        .expectException(AggregateNotFoundException.class);
  }

  // ---------------------------------------------------------------- DraftDataSharingAgreement

  @Test
  void aPartnerDraftsTheAgreement() {
    givenProposed()
        .when(new DraftDataSharingAgreement(SHIRE, CARE, UNI, DAY))
        .expectEvents(drafted());
  }

  @Test
  void theAgreementIsDraftedOnce() {
    refused(
        givenProposed()
            .andGiven(drafted())
            .when(new DraftDataSharingAgreement(SHIRE, CARE, NORTH, DAY)),
        Rule.DSA_DRAFTED_FIRST);
  }

  @Test
  void onlyPartnersDraftTheAgreement() {
    refused(
        givenProposed().when(new DraftDataSharingAgreement(SHIRE, CARE, POLICE, DAY)),
        Rule.ONLY_PARTNERS_TAKE_PART);
  }

  // ---------------------------------------------------------------- ReviseDataSharingAgreement

  @Test
  void anotherPartnerRevisesTheAgreementIntoVersionTwo() {
    givenDrafted()
        .when(new ReviseDataSharingAgreement(SHIRE, CARE, NORTH, DAY))
        .expectEvents(revised(2, NORTH));
  }

  @Test
  void anExpiredAgreementIsRevisedIntoANewVersion() {
    givenDrafted()
        .andGiven(expired(1))
        .when(new ReviseDataSharingAgreement(SHIRE, CARE, SOUTH, DAY))
        .expectEvents(revised(2, SOUTH));
  }

  @Test
  void anAgreementNeverDraftedIsNotRevised() {
    refused(
        givenProposed().when(new ReviseDataSharingAgreement(SHIRE, CARE, NORTH, DAY)),
        Rule.DSA_DRAFTED_FIRST);
  }

  @Test
  void onlyPartnersReviseTheAgreement() {
    refused(
        givenDrafted().when(new ReviseDataSharingAgreement(SHIRE, CARE, POLICE, DAY)),
        Rule.ONLY_PARTNERS_TAKE_PART);
  }

  // ---------------------------------------------------------------- SignDataSharingAgreement

  @Test
  void dataProvidersSignTheVersionRevisedByAnotherPartner() {
    givenDrafted()
        .andGiven(revised(2, NORTH), signed(2, NORTH))
        .when(new SignDataSharingAgreement(SHIRE, CARE, SOUTH, DAY))
        .expectEvents(signed(2, SOUTH));
  }

  @Test
  void aDataProviderSignsEachNewVersionAgain() {
    givenDrafted()
        .andGiven(signed(1, NORTH), revised(2, SOUTH))
        .when(new SignDataSharingAgreement(SHIRE, CARE, NORTH, DAY))
        .expectEvents(signed(2, NORTH));
  }

  @Test
  void onlyDataProvidersSign() {
    refused(
        givenDrafted().when(new SignDataSharingAgreement(SHIRE, CARE, UNI, DAY)),
        Rule.DSA_SIGNED_BY_DATA_PROVIDERS);
  }

  @Test
  void aDataProviderSignsAVersionOnce() {
    refused(
        givenDrafted()
            .andGiven(signed(1, NORTH))
            .when(new SignDataSharingAgreement(SHIRE, CARE, NORTH, DAY)),
        Rule.DSA_SIGNED_BY_DATA_PROVIDERS);
  }

  @Test
  void anAgreementNeverDraftedIsNotSigned() {
    refused(
        givenProposed().when(new SignDataSharingAgreement(SHIRE, CARE, NORTH, DAY)),
        Rule.DSA_DRAFTED_FIRST);
  }

  @Test
  void anExpiredAgreementIsRevisedBeforeItIsSigned() {
    refused(
        givenDrafted()
            .andGiven(expired(1))
            .when(new SignDataSharingAgreement(SHIRE, CARE, NORTH, DAY)),
        Rule.DSA_DRAFTED_FIRST);
  }

  @Test
  void aDataProviderThatLeftThePartnershipDoesNotSign() {
    partnership.leave(SOUTH);
    refused(
        givenDrafted().when(new SignDataSharingAgreement(SHIRE, CARE, SOUTH, DAY)),
        Rule.ONLY_PARTNERS_TAKE_PART);
  }

  // ---------------------------------------------------------------- ExpireDataSharingAgreement

  @Test
  void theAgreementExpires() {
    givenDrafted()
        .andGiven(revised(2, NORTH))
        .when(new ExpireDataSharingAgreement(SHIRE, CARE, DAY))
        .expectEvents(expired(2));
  }

  @Test
  void anAgreementNeverDraftedDoesNotExpire() {
    refused(
        givenProposed().when(new ExpireDataSharingAgreement(SHIRE, CARE, DAY)),
        Rule.DSA_DRAFTED_FIRST);
  }

  @Test
  void anAgreementExpiresOnce() {
    refused(
        givenDrafted().andGiven(expired(1)).when(new ExpireDataSharingAgreement(SHIRE, CARE, DAY)),
        Rule.DSA_DRAFTED_FIRST);
  }

  // ---------------------------------------------------------------- StartProject

  @Test
  void aProjectSignedByEveryDataProviderStarts() {
    givenSignedByBothProviders()
        .when(new StartProject(SHIRE, CARE, DAY))
        .expectEvents(started(true));
  }

  @Test
  void aProjectStartsOnceEveryDataProviderSignedTheRevisedVersion() {
    givenDrafted()
        .andGiven(revised(2, NORTH), signed(2, NORTH), signed(2, SOUTH))
        .when(new StartProject(SHIRE, CARE, DAY))
        .expectEvents(started(true));
  }

  @Test
  void startingAProjectWithoutASignedDsaIsRefused() {
    refused(
        givenDrafted().andGiven(signed(1, NORTH)).when(new StartProject(SHIRE, CARE, DAY)),
        Rule.DSA_BEFORE_START);
  }

  @Test
  void startingAProjectWithoutADraftedDsaIsRefused() {
    refused(givenProposed().when(new StartProject(SHIRE, CARE, DAY)), Rule.DSA_BEFORE_START);
  }

  @Test
  void aRevisionClearsEarlierSignaturesSoTheStartIsRefused() {
    refused(
        givenSignedByBothProviders()
            .andGiven(revised(2, UNI))
            .when(new StartProject(SHIRE, CARE, DAY)),
        Rule.DSA_BEFORE_START);
  }

  @Test
  void anExpiredAgreementDoesNotLetTheProjectStart() {
    refused(
        givenSignedByBothProviders().andGiven(expired(1)).when(new StartProject(SHIRE, CARE, DAY)),
        Rule.DSA_BEFORE_START);
  }

  @Test
  void underTheWarnPolicyAProjectStartsFlaggedWhenARevisionClearedItsSignatures() {
    fixtureUnder(DsaBeforeStartPolicy.WARN)
        .given(proposed(), drafted(), signed(1, NORTH), signed(1, SOUTH), revised(2, UNI))
        .when(new StartProject(SHIRE, CARE, DAY))
        .expectEvents(started(false));
  }

  @Test
  void underTheWarnPolicyAFullySignedProjectStartsUnflagged() {
    fixtureUnder(DsaBeforeStartPolicy.WARN)
        .given(proposed(), drafted(), signed(1, NORTH), signed(1, SOUTH))
        .when(new StartProject(SHIRE, CARE, DAY))
        .expectEvents(started(true));
  }

  @Test
  void aProjectStartsOnce() {
    refused(givenStarted().when(new StartProject(SHIRE, CARE, DAY)), Rule.PROJECT_STARTS_ONCE);
  }

  // ---------------------------------------------------------------- StartProject: dates, not
  // recording order

  @Test
  void aSignatureDatedAfterTheStartDoesNotCountThoughRecordedBeforeIt() {
    refused(
        givenDrafted()
            .andGiven(signed(1, NORTH, START.minusDays(7)), signed(1, SOUTH, START.plusDays(2)))
            .when(new StartProject(SHIRE, CARE, START)),
        Rule.DSA_BEFORE_START);
  }

  @Test
  void underTheWarnPolicyAStartDatedBeforeASignatureIsFlagged() {
    fixtureUnder(DsaBeforeStartPolicy.WARN)
        .given(
            proposed(),
            drafted(),
            signed(1, NORTH, START.minusDays(7)),
            signed(1, SOUTH, START.plusDays(2)))
        .when(new StartProject(SHIRE, CARE, START))
        .expectEvents(started(false, START));
  }

  @Test
  void signaturesBackFilledOutOfDateOrderCountWhenDatedOnOrBeforeTheStart() {
    givenDrafted()
        .andGiven(signed(1, SOUTH, START), signed(1, NORTH, START.minusDays(20)))
        .when(new StartProject(SHIRE, CARE, START))
        .expectEvents(started(true, START));
  }

  @Test
  void aStartDatedBeforeTheAgreementWasDraftedIsRefused() {
    refused(
        fixture
            .given(
                proposed(),
                drafted(START.plusDays(1)),
                signed(1, NORTH, START.plusDays(2)),
                signed(1, SOUTH, START.plusDays(2)))
            .when(new StartProject(SHIRE, CARE, START)),
        Rule.DSA_BEFORE_START);
  }

  @Test
  void aRevisionDatedAfterTheStartDoesNotUndoSignaturesThoughRecordedBeforeIt() {
    givenSignedByBothProviders()
        .andGiven(revised(2, UNI, START.plusDays(1)))
        .when(new StartProject(SHIRE, CARE, START))
        .expectEvents(started(true, START));
  }

  @Test
  void aRevisionDatedOnTheStartDayMakesEarlierSignaturesLapse() {
    refused(
        givenSignedByBothProviders()
            .andGiven(revised(2, UNI, START))
            .when(new StartProject(SHIRE, CARE, START)),
        Rule.DSA_BEFORE_START);
  }

  @Test
  void anExpiryDatedAfterTheStartDoesNotStopItThoughRecordedBeforeIt() {
    givenSignedByBothProviders()
        .andGiven(expired(1, START.plusDays(1)))
        .when(new StartProject(SHIRE, CARE, START))
        .expectEvents(started(true, START));
  }

  @Test
  void aRevisionBackFilledBetweenTwoVersionsIsInForceFromItsDate() {
    // Version 3 is recorded last but dated before version 2: on the start date it is in force.
    givenDrafted()
        .andGiven(
            revised(2, NORTH, START.plusDays(5)),
            revised(3, SOUTH, START.minusDays(3)),
            signed(3, NORTH, START.minusDays(2)),
            signed(3, SOUTH, START))
        .when(new StartProject(SHIRE, CARE, START))
        .expectEvents(started(true, START));
  }

  @Test
  void aRevisionBackFilledBeforeTheStartMakesEarlierSignaturesLapse() {
    refused(
        givenSignedByBothProviders()
            .andGiven(revised(2, NORTH, START.plusDays(5)), revised(3, SOUTH, START.minusDays(3)))
            .when(new StartProject(SHIRE, CARE, START)),
        Rule.DSA_BEFORE_START);
  }

  // ---------------------------------------------------------------- agreement steps act on the
  // version in force on their date

  @Test
  void aBackFilledSignatureSignsTheVersionInForceOnItsDate() {
    givenDrafted()
        .andGiven(revised(2, NORTH, START))
        .when(new SignDataSharingAgreement(SHIRE, CARE, SOUTH, START.minusDays(1)))
        .expectEvents(signed(1, SOUTH, START.minusDays(1)));
  }

  @Test
  void aSignatureDatedBeforeALaterRecordedExpirySignsTheVersionThenInForce() {
    givenDrafted()
        .andGiven(expired(1, START))
        .when(new SignDataSharingAgreement(SHIRE, CARE, NORTH, START.minusDays(1)))
        .expectEvents(signed(1, NORTH, START.minusDays(1)));
  }

  @Test
  void aSignatureDatedBeforeTheDraftIsRefused() {
    refused(
        givenDrafted().when(new SignDataSharingAgreement(SHIRE, CARE, NORTH, DAY.minusDays(1))),
        Rule.DSA_DRAFTED_FIRST);
  }

  @Test
  void aRevisionDatedBeforeTheDraftIsRefused() {
    refused(
        givenDrafted().when(new ReviseDataSharingAgreement(SHIRE, CARE, NORTH, DAY.minusDays(1))),
        Rule.DSA_DRAFTED_FIRST);
  }

  @Test
  void aRevisionMayBeBackFilledBeforeVersionsRecordedEarlier() {
    givenDrafted()
        .andGiven(revised(2, NORTH, START))
        .when(new ReviseDataSharingAgreement(SHIRE, CARE, SOUTH, START.minusDays(3)))
        .expectEvents(revised(3, SOUTH, START.minusDays(3)));
  }

  @Test
  void aBackFilledExpiryExpiresTheVersionInForceOnItsDate() {
    givenDrafted()
        .andGiven(revised(2, NORTH, START))
        .when(new ExpireDataSharingAgreement(SHIRE, CARE, START.minusDays(1)))
        .expectEvents(expired(1, START.minusDays(1)));
  }

  @Test
  void anExpiryDatedBeforeTheDraftIsRefused() {
    refused(
        givenDrafted().when(new ExpireDataSharingAgreement(SHIRE, CARE, DAY.minusDays(1))),
        Rule.DSA_DRAFTED_FIRST);
  }

  @Test
  void aVersionExpiresOnceEvenWhenABackFilledExpiryIsDatedEarlier() {
    refused(
        givenDrafted()
            .andGiven(expired(1, START))
            .when(new ExpireDataSharingAgreement(SHIRE, CARE, START.minusDays(1))),
        Rule.DSA_DRAFTED_FIRST);
  }

  // ---------------------------------------------------------------- the start settles the
  // agreement up to its date

  @Test
  void underTheWarnPolicyASignatureDatedBeforeTheStartIsRefusedOnceTheStartIsRecorded() {
    refused(
        givenDrafted()
            .andGiven(signed(1, NORTH), started(false, START))
            .when(new SignDataSharingAgreement(SHIRE, CARE, SOUTH, START.minusDays(1))),
        Rule.DSA_SETTLED_AT_START);
  }

  @Test
  void aSignatureDatedOnTheStartDayIsRefusedOnceTheStartIsRecorded() {
    refused(
        givenDrafted()
            .andGiven(signed(1, NORTH), started(false, START))
            .when(new SignDataSharingAgreement(SHIRE, CARE, SOUTH, START)),
        Rule.DSA_SETTLED_AT_START);
  }

  @Test
  void aSignatureDatedAfterTheStartIsRecordedOnceStarted() {
    givenDrafted()
        .andGiven(signed(1, NORTH), started(false, START))
        .when(new SignDataSharingAgreement(SHIRE, CARE, SOUTH, START.plusDays(1)))
        .expectEvents(signed(1, SOUTH, START.plusDays(1)));
  }

  @Test
  void aPartnerThatProvidesNoDataIsRefusedAsSuchWhateverTheDate() {
    refused(
        givenSignedByBothProviders()
            .andGiven(started(true, START))
            .when(new SignDataSharingAgreement(SHIRE, CARE, UNI, START.minusDays(1))),
        Rule.DSA_SIGNED_BY_DATA_PROVIDERS);
  }

  @Test
  void aRevisionDatedBeforeTheStartIsRefusedOnceTheStartIsRecorded() {
    refused(
        givenSignedByBothProviders()
            .andGiven(started(true, START))
            .when(new ReviseDataSharingAgreement(SHIRE, CARE, UNI, START.minusDays(1))),
        Rule.DSA_SETTLED_AT_START);
  }

  @Test
  void anExpiryDatedBeforeTheStartIsRefusedOnceTheStartIsRecorded() {
    refused(
        givenSignedByBothProviders()
            .andGiven(started(true, START))
            .when(new ExpireDataSharingAgreement(SHIRE, CARE, START)),
        Rule.DSA_SETTLED_AT_START);
  }

  @Test
  void aRevisionDatedAfterTheStartIsRecordedOnceStarted() {
    givenSignedByBothProviders()
        .andGiven(started(true, START))
        .when(new ReviseDataSharingAgreement(SHIRE, CARE, UNI, START.plusDays(1)))
        .expectEvents(revised(2, UNI, START.plusDays(1)));
  }

  @Test
  void anExpiryDatedAfterTheStartIsRecordedOnceStarted() {
    givenSignedByBothProviders()
        .andGiven(started(true, START), revised(2, UNI, START.plusDays(1)))
        .when(new ExpireDataSharingAgreement(SHIRE, CARE, START.plusDays(2)))
        .expectEvents(expired(2, START.plusDays(2)));
  }

  @Test
  void underTheWarnPolicyADraftDatedBeforeTheStartIsRecordedOnceStarted() {
    // A draft alone signs nothing, so it cannot contradict the start's flag.
    givenProposed()
        .andGiven(started(false, START))
        .when(new DraftDataSharingAgreement(SHIRE, CARE, UNI, START.minusDays(1)))
        .expectEvents(drafted(START.minusDays(1)));
  }

  // ---------------------------------------------------------------- PlanMilestone

  @Test
  void aMilestoneIsPlannedBeforeTheStart() {
    givenProposed()
        .when(
            new PlanMilestone(
                SHIRE,
                CARE,
                FIRST_MODEL,
                "First model",
                MilestoneHorizon.QUICK_WIN_3_WEEKS,
                DUE,
                DAY))
        .expectEvents(planned());
  }

  @Test
  void aMilestoneIdIsPlannedOnce() {
    refused(
        givenProposed()
            .andGiven(planned())
            .when(
                new PlanMilestone(
                    SHIRE, CARE, FIRST_MODEL, "Second model", MilestoneHorizon.LONG, DUE, DAY)),
        Rule.ID_ALREADY_USED);
  }

  // ---------------------------------------------------------------- AchieveMilestone

  @Test
  void aMilestoneIsAchievedAgainstTheDueDateInForce() {
    givenStarted()
        .andGiven(planned(), rescheduled(DUE.plusWeeks(2)))
        .when(new AchieveMilestone(SHIRE, CARE, FIRST_MODEL, DUE.plusWeeks(1)))
        .expectEvents(
            new MilestoneAchieved(SHIRE, CARE, FIRST_MODEL, DUE.plusWeeks(2), DUE.plusWeeks(1)));
  }

  // ---------------------------------------------------------------- RecordMilestoneMissed

  @Test
  void aMilestoneIsMissed() {
    givenStarted()
        .andGiven(planned())
        .when(new RecordMilestoneMissed(SHIRE, CARE, FIRST_MODEL, DUE.plusDays(1), "data late"))
        .expectEvents(missed());
  }

  // ---------------------------------------------------------------- RescheduleMilestone

  @Test
  void anOpenMilestoneIsRescheduled() {
    givenProposed()
        .andGiven(planned())
        .when(new RescheduleMilestone(SHIRE, CARE, FIRST_MODEL, DUE.plusWeeks(2), DAY, "data late"))
        .expectEvents(rescheduled(DUE.plusWeeks(2)));
  }

  @Test
  void aMilestoneNeverPlannedIsNotRescheduled() {
    refused(givenProposed().when(reschedule()), Rule.MILESTONE_PLANNED_FIRST);
  }

  // ---------------------------------------------------------------- every command on a milestone

  @ParameterizedTest(name = "{0}")
  @MethodSource("achieveAndMiss")
  void aMilestoneIsNotAchievedOrMissedBeforeTheProjectStarts(Object command) {
    refused(givenProposed().andGiven(planned()).when(command), Rule.PROJECT_STARTED_FIRST);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("achieveAndMiss")
  void aMilestoneNeverPlannedIsNotAchievedOrMissed(Object command) {
    refused(givenStarted().when(command), Rule.MILESTONE_PLANNED_FIRST);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommandOnAMilestone")
  void anAchievedMilestoneTakesNoFurtherCommand(Object command) {
    refused(
        givenStarted().andGiven(planned(), achieved()).when(command),
        Rule.MILESTONE_ACHIEVED_OR_MISSED_ONCE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommandOnAMilestone")
  void aMissedMilestoneTakesNoFurtherCommand(Object command) {
    refused(
        givenStarted().andGiven(planned(), missed()).when(command),
        Rule.MILESTONE_ACHIEVED_OR_MISSED_ONCE);
  }

  /** The two commands that close a milestone. */
  static Stream<Named<Object>> achieveAndMiss() {
    return byType(achieve(), miss());
  }

  /** Every command on one milestone of the project. */
  static Stream<Named<Object>> everyCommandOnAMilestone() {
    return byType(achieve(), miss(), reschedule());
  }

  // ---------------------------------------------------------------- CompleteProject

  @Test
  void aStartedProjectCompletes() {
    givenStarted()
        .when(new CompleteProject(SHIRE, CARE, DAY, "model in use"))
        .expectEvents(new ProjectCompleted(SHIRE, CARE, DAY, "model in use"));
  }

  @Test
  void aProjectNotStartedDoesNotComplete() {
    refused(
        givenProposed().when(new CompleteProject(SHIRE, CARE, DAY, "done")),
        Rule.PROJECT_STARTED_FIRST);
  }

  // ---------------------------------------------------------------- AbandonProject

  @Test
  void aProposedProjectIsAbandoned() {
    givenProposed().when(new AbandonProject(SHIRE, CARE, DAY, "no data")).expectEvents(abandoned());
  }

  @Test
  void aStartedProjectIsAbandoned() {
    givenStarted().when(new AbandonProject(SHIRE, CARE, DAY, "no data")).expectEvents(abandoned());
  }

  // ---------------------------------------------------------------- every command on an existing
  // project

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommandUnderAnotherPartnership")
  void aProjectIsOnlyFoundInItsOwnPartnership(Object command) {
    givenSignedByBothProviders()
        .andGiven(planned())
        .when(command)
        .expectNoEvents()
        .expectException(NotFound.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommandInTheShire")
  void aCompletedProjectAcceptsNothing(Object command) {
    refused(
        givenStarted()
            .andGiven(planned(), new ProjectCompleted(SHIRE, CARE, DAY, "model in use"))
            .when(command),
        Rule.CLOSED_PROJECT_ACCEPTS_NOTHING);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommandInTheShire")
  void anAbandonedProjectAcceptsNothing(Object command) {
    refused(
        givenSignedByBothProviders().andGiven(planned(), abandoned()).when(command),
        Rule.CLOSED_PROJECT_ACCEPTS_NOTHING);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommandInTheShire")
  void aClosedPartnershipsProjectAcceptsNothing(Object command) {
    partnership.close();
    refused(
        givenSignedByBothProviders().andGiven(planned()).when(command),
        Rule.CLOSED_PARTNERSHIP_ACCEPTS_NOTHING);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommandBeforeFormation")
  void activityDatedBeforeThePartnershipWasFormedIsRefused(Object command) {
    refused(
        givenSignedByBothProviders().andGiven(planned()).when(command),
        Rule.ACTIVITY_AFTER_FORMATION);
  }

  static Stream<Named<Object>> everyCommandInTheShire() {
    return everyCommand(SHIRE, DAY);
  }

  static Stream<Named<Object>> everyCommandUnderAnotherPartnership() {
    return everyCommand(ELSEWHERE, DAY);
  }

  static Stream<Named<Object>> everyCommandBeforeFormation() {
    return everyCommand(SHIRE, BEFORE_FORMATION);
  }

  private static Stream<Named<Object>> everyCommand(PartnershipId partnershipId, LocalDate day) {
    return byType(
        new DraftDataSharingAgreement(partnershipId, CARE, UNI, day),
        new ReviseDataSharingAgreement(partnershipId, CARE, UNI, day),
        new SignDataSharingAgreement(partnershipId, CARE, NORTH, day),
        new ExpireDataSharingAgreement(partnershipId, CARE, day),
        new StartProject(partnershipId, CARE, day),
        new PlanMilestone(
            partnershipId,
            CARE,
            MilestoneId.of("second-model"),
            "Second model",
            MilestoneHorizon.LONG,
            DUE,
            day),
        new AchieveMilestone(partnershipId, CARE, FIRST_MODEL, day),
        new RecordMilestoneMissed(partnershipId, CARE, FIRST_MODEL, day, null),
        new RescheduleMilestone(partnershipId, CARE, FIRST_MODEL, DUE.plusWeeks(1), day, null),
        new CompleteProject(partnershipId, CARE, day, "model in use"),
        new AbandonProject(partnershipId, CARE, day, "no data"));
  }

  // ---------------------------------------------------------------- givens

  private TestExecutor<Project> givenProposed() {
    return fixture.given(proposed());
  }

  private TestExecutor<Project> givenDrafted() {
    return givenProposed().andGiven(drafted());
  }

  private TestExecutor<Project> givenSignedByBothProviders() {
    return givenDrafted().andGiven(signed(1, NORTH), signed(1, SOUTH));
  }

  private TestExecutor<Project> givenStarted() {
    return givenSignedByBothProviders().andGiven(started(true));
  }

  // ---------------------------------------------------------------- events

  private static ProjectProposed proposed() {
    return new ProjectProposed(
        SHIRE, CARE, "Adult social care demand", "Forecast demand", List.of(NORTH, SOUTH), DAY);
  }

  /** Version 1, drafted by the university. */
  private static DataSharingAgreementDrafted drafted() {
    return drafted(DAY);
  }

  private static DataSharingAgreementDrafted drafted(LocalDate on) {
    return new DataSharingAgreementDrafted(SHIRE, CARE, 1, UNI, on);
  }

  private static DataSharingAgreementRevised revised(int version, OrganisationId by) {
    return revised(version, by, DAY);
  }

  private static DataSharingAgreementRevised revised(int version, OrganisationId by, LocalDate on) {
    return new DataSharingAgreementRevised(SHIRE, CARE, version, by, on);
  }

  private static DataSharingAgreementSigned signed(int version, OrganisationId by) {
    return signed(version, by, DAY);
  }

  private static DataSharingAgreementSigned signed(int version, OrganisationId by, LocalDate on) {
    return new DataSharingAgreementSigned(SHIRE, CARE, version, by, on);
  }

  private static DataSharingAgreementExpired expired(int version) {
    return expired(version, DAY);
  }

  private static DataSharingAgreementExpired expired(int version, LocalDate on) {
    return new DataSharingAgreementExpired(SHIRE, CARE, version, on);
  }

  private static ProjectStarted started(boolean dsaSignedByAllProviders) {
    return started(dsaSignedByAllProviders, DAY);
  }

  private static ProjectStarted started(boolean dsaSignedByAllProviders, LocalDate on) {
    return new ProjectStarted(SHIRE, CARE, on, dsaSignedByAllProviders);
  }

  private static MilestonePlanned planned() {
    return new MilestonePlanned(
        SHIRE, CARE, FIRST_MODEL, "First model", MilestoneHorizon.QUICK_WIN_3_WEEKS, DUE, DAY);
  }

  private static MilestoneRescheduled rescheduled(LocalDate newDueOn) {
    return new MilestoneRescheduled(SHIRE, CARE, FIRST_MODEL, DUE, newDueOn, DAY, "data late");
  }

  private static MilestoneAchieved achieved() {
    return new MilestoneAchieved(SHIRE, CARE, FIRST_MODEL, DUE, DUE.minusDays(1));
  }

  private static MilestoneMissed missed() {
    return new MilestoneMissed(SHIRE, CARE, FIRST_MODEL, DUE, DUE.plusDays(1), "data late");
  }

  private static ProjectAbandoned abandoned() {
    return new ProjectAbandoned(SHIRE, CARE, DAY, "no data");
  }

  // ---------------------------------------------------------------- commands

  private static ProposeProject proposal(List<OrganisationId> dataProviders, LocalDate on) {
    return new ProposeProject(
        SHIRE, CARE, "Adult social care demand", "Forecast demand", dataProviders, on);
  }

  private static AchieveMilestone achieve() {
    return new AchieveMilestone(SHIRE, CARE, FIRST_MODEL, DUE);
  }

  private static RecordMilestoneMissed miss() {
    return new RecordMilestoneMissed(SHIRE, CARE, FIRST_MODEL, DUE.plusDays(1), null);
  }

  private static RescheduleMilestone reschedule() {
    return new RescheduleMilestone(SHIRE, CARE, FIRST_MODEL, DUE.plusWeeks(2), DAY, null);
  }
}
