package org.partnershiptracker.command.partnership;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.command.partnership.PartnershipCommands.AddPartner;
import org.partnershiptracker.command.partnership.PartnershipCommands.ClosePartnership;
import org.partnershiptracker.command.partnership.PartnershipCommands.DesignateRole;
import org.partnershiptracker.command.partnership.PartnershipCommands.FormPartnership;
import org.partnershiptracker.command.partnership.PartnershipCommands.ReassignRole;
import org.partnershiptracker.command.partnership.PartnershipCommands.RecordMeeting;
import org.partnershiptracker.command.partnership.PartnershipCommands.RecordPulseSurvey;
import org.partnershiptracker.command.partnership.PartnershipCommands.RecordQuickWin;
import org.partnershiptracker.command.partnership.PartnershipCommands.RemovePartner;
import org.partnershiptracker.command.partnership.PartnershipCommands.VacateRole;
import org.partnershiptracker.command.rules.Rule;
import org.partnershiptracker.command.rules.RuleViolation;

import static org.partnershiptracker.command.rules.Refusals.refusedFor;
import org.partnershiptracker.events.partnership.MeetingHeld;
import org.partnershiptracker.events.partnership.PartnerJoined;
import org.partnershiptracker.events.partnership.PartnerLeft;
import org.partnershiptracker.events.partnership.PartnershipClosed;
import org.partnershiptracker.events.partnership.PartnershipFormed;
import org.partnershiptracker.events.partnership.PulseSurveyAnswered;
import org.partnershiptracker.events.partnership.QuickWinDelivered;
import org.partnershiptracker.events.partnership.RoleDesignated;
import org.partnershiptracker.events.partnership.RoleReassigned;
import org.partnershiptracker.events.partnership.RoleVacated;
import org.partnershiptracker.events.value.Attendance;
import org.partnershiptracker.events.value.AttendeeLevel;
import org.partnershiptracker.events.value.MeetingId;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.PersonId;
import org.partnershiptracker.events.value.ProjectId;
import org.partnershiptracker.events.value.QuickWinId;
import org.partnershiptracker.events.value.RoleChangeReason;
import org.partnershiptracker.events.value.RoleId;
import org.partnershiptracker.events.value.RoleType;
import org.partnershiptracker.events.value.Sector;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a partnership, as given / when / then specifications. */
class PartnershipRulesTest {
  static final PartnershipId SHIRE = PartnershipId.of("shire");
  static final OrganisationId NORTH = OrganisationId.of("north-council");
  static final OrganisationId UNI = OrganisationId.of("uni");
  static final OrganisationId POLICE = OrganisationId.of("police");
  static final LocalDate FORMED = LocalDate.of(2025, 1, 6);
  static final LocalDate LATER = FORMED.plusMonths(1);
  static final RoleId SPANNER = RoleId.of("north-spanner");
  static final PersonId ANNA = PersonId.of("person-anna");
  static final PersonId BEN = PersonId.of("person-ben");
  static final ProjectId OWN_PROJECT = ProjectId.of("care-demand");
  static final ProjectId OTHER_PROJECT = ProjectId.of("elsewhere");

  private FixtureConfiguration<Partnership> fixture;

  /** Knows one project of this partnership and one of another. */
  static final class KnownProjects implements ProjectDirectory {
    private final Map<ProjectId, PartnershipId> owners =
        Map.of(OWN_PROJECT, SHIRE, OTHER_PROJECT, PartnershipId.of("elsewhere"));

    @Override
    public Optional<PartnershipId> partnershipOf(ProjectId projectId) {
      return Optional.ofNullable(owners.get(projectId));
    }

    @Override
    public List<ProjectId> projectsOf(PartnershipId partnershipId) {
      return owners.entrySet().stream().filter(e -> e.getValue().equals(partnershipId)).map(Map.Entry::getKey).toList();
    }
  }

  @BeforeEach
  void fixture() {
    fixture = new AggregateTestFixture<>(Partnership.class);
    fixture.registerInjectableResource(new KnownProjects());
  }

  static PartnershipFormed formed() {
    return new PartnershipFormed(SHIRE, "Shire data partnership", "Better services from shared data", FORMED);
  }

  static PartnerJoined joined(OrganisationId organisation, Sector sector) {
    return new PartnerJoined(SHIRE, organisation, organisation.value(), sector, FORMED);
  }

  private Object[] councilAndUniversity() {
    return new Object[] {formed(), joined(NORTH, Sector.LOCAL_AUTHORITY), joined(UNI, Sector.UNIVERSITY)};
  }

  private Object[] withSpannerHeldByAnna() {
    return new Object[] {
      formed(), joined(NORTH, Sector.LOCAL_AUTHORITY), joined(UNI, Sector.UNIVERSITY),
      new RoleDesignated(SHIRE, SPANNER, RoleType.BOUNDARY_SPANNER, NORTH, ANNA, FORMED)
    };
  }

  private static RecordMeeting meeting(String id, OrganisationId host, OrganisationId guest, LocalDate on, ProjectId project) {
    return new RecordMeeting(
        SHIRE, MeetingId.of(id), MeetingType.ON_SITE_WORK_DAY, on, 240, host,
        List.of(new Attendance(guest, AttendeeLevel.ANALYST, 3)), project);
  }

  private static MeetingHeld held(RecordMeeting command) {
    return new MeetingHeld(
        SHIRE, command.meetingId(), command.type(), command.heldOn(), command.durationMinutes(),
        command.hostOrganisationId(), command.attendees(), command.projectId());
  }

  @Test
  void aPartnershipIsFormedAroundASharedVision() {
    fixture.givenNoPriorActivity()
        .when(new FormPartnership(SHIRE, "Shire data partnership", "Better services from shared data", FORMED))
        .expectEvents(formed());
  }

  @Test
  void anOrganisationJoinsAsAPartner() {
    fixture.given(formed())
        .when(new AddPartner(SHIRE, NORTH, "north-council", Sector.LOCAL_AUTHORITY, FORMED))
        .expectEvents(joined(NORTH, Sector.LOCAL_AUTHORITY));
  }

  @Test
  void anOrganisationCannotJoinTwice() {
    refusedFor(
        fixture.given(formed(), joined(NORTH, Sector.LOCAL_AUTHORITY))
            .when(new AddPartner(SHIRE, NORTH, "North", Sector.LOCAL_AUTHORITY, LATER)),
        Rule.ALREADY_A_PARTNER);
  }

  @Test
  void nothingIsDatedBeforeThePartnershipWasFormed() {
    refusedFor(
        fixture.given(formed()).when(new AddPartner(SHIRE, NORTH, "North", Sector.LOCAL_AUTHORITY, FORMED.minusDays(1))),
        Rule.NOT_BEFORE_FORMATION);
  }

  @Test
  void aLeavingPartnersRolesFallVacantBeforeItLeaves() {
    fixture.given(withSpannerHeldByAnna())
        .when(new RemovePartner(SHIRE, NORTH, LATER, "restructure"))
        .expectEvents(
            new RoleVacated(SHIRE, SPANNER, ANNA, RoleChangeReason.PARTNER_LEFT, LATER),
            new PartnerLeft(SHIRE, NORTH, "north-council", Sector.LOCAL_AUTHORITY, LATER, "restructure"));
  }

  @Test
  void onlyAPartnerCanLeave() {
    refusedFor(
        fixture.given(councilAndUniversity()).when(new RemovePartner(SHIRE, POLICE, LATER, null)),
        Rule.ONLY_PARTNERS_TAKE_PART);
  }

  @Test
  void aPartnersPersonIsDesignatedToARole() {
    fixture.given(councilAndUniversity())
        .when(new DesignateRole(SHIRE, SPANNER, RoleType.BOUNDARY_SPANNER, NORTH, ANNA, FORMED))
        .expectEvents(new RoleDesignated(SHIRE, SPANNER, RoleType.BOUNDARY_SPANNER, NORTH, ANNA, FORMED));
  }

  @Test
  void onlyPartnersHoldRoles() {
    refusedFor(
        fixture.given(councilAndUniversity())
            .when(new DesignateRole(SHIRE, RoleId.of("r"), RoleType.POINT_OF_CONTACT, POLICE, ANNA, FORMED)),
        Rule.ONLY_PARTNERS_TAKE_PART);
  }

  @Test
  void aHeldRoleIsNotDesignatedAgain() {
    refusedFor(
        fixture.given(withSpannerHeldByAnna())
            .when(new DesignateRole(SHIRE, SPANNER, RoleType.BOUNDARY_SPANNER, NORTH, BEN, LATER)),
        Rule.ROLE_DESIGNATION_MATCHES);
  }

  @Test
  void aVacantRoleIsDesignatedAgainWithTheSameTypeAndOrganisation() {
    fixture.given(withSpannerHeldByAnna())
        .andGiven(new RoleVacated(SHIRE, SPANNER, ANNA, RoleChangeReason.DEPARTURE, LATER))
        .when(new DesignateRole(SHIRE, SPANNER, RoleType.BOUNDARY_SPANNER, NORTH, BEN, LATER))
        .expectEvents(new RoleDesignated(SHIRE, SPANNER, RoleType.BOUNDARY_SPANNER, NORTH, BEN, LATER));
  }

  @Test
  void aHeldRoleIsReassignedFromItsHolder() {
    fixture.given(withSpannerHeldByAnna())
        .when(new ReassignRole(SHIRE, SPANNER, ANNA, BEN, RoleChangeReason.RESTRUCTURE, LATER))
        .expectEvents(new RoleReassigned(SHIRE, SPANNER, ANNA, BEN, RoleChangeReason.RESTRUCTURE, LATER));
  }

  @Test
  void aRoleIsReassignedOnlyFromItsCurrentHolder() {
    refusedFor(
        fixture.given(withSpannerHeldByAnna())
            .when(new ReassignRole(SHIRE, SPANNER, BEN, PersonId.of("person-cy"), RoleChangeReason.WORKLOAD, LATER)),
        Rule.ROLE_REASSIGNED_ONLY_IF_HELD);
  }

  @Test
  void aVacantOrUnknownRoleIsNotReassigned() {
    refusedFor(
        fixture.given(councilAndUniversity())
            .when(new ReassignRole(SHIRE, SPANNER, ANNA, BEN, RoleChangeReason.RESTRUCTURE, LATER)),
        Rule.ROLE_REASSIGNED_ONLY_IF_HELD);
  }

  @Test
  void aHeldRoleFallsVacant() {
    fixture.given(withSpannerHeldByAnna())
        .when(new VacateRole(SHIRE, SPANNER, RoleChangeReason.DEPARTURE, LATER))
        .expectEvents(new RoleVacated(SHIRE, SPANNER, ANNA, RoleChangeReason.DEPARTURE, LATER));
  }

  @Test
  void aVacantRoleCannotFallVacantAgain() {
    refusedFor(
        fixture.given(withSpannerHeldByAnna())
            .andGiven(new RoleVacated(SHIRE, SPANNER, ANNA, RoleChangeReason.DEPARTURE, LATER))
            .when(new VacateRole(SHIRE, SPANNER, RoleChangeReason.DEPARTURE, LATER)),
        Rule.ROLE_REASSIGNED_ONLY_IF_HELD);
  }

  @Test
  void partnersMeetAboutTheirOwnProject() {
    RecordMeeting command = meeting("m-1", NORTH, UNI, LATER, OWN_PROJECT);
    fixture.given(councilAndUniversity()).when(command).expectEvents(held(command));
  }

  @Test
  void onlyPartnersTakePartInInteractions() {
    refusedFor(
        fixture.given(councilAndUniversity()).when(meeting("m-1", NORTH, POLICE, LATER, null)),
        Rule.ONLY_PARTNERS_TAKE_PART);
  }

  @Test
  void aMeetingIdIsRecordedOnce() {
    RecordMeeting command = meeting("m-1", NORTH, UNI, LATER, null);
    refusedFor(
        fixture.given(councilAndUniversity()).andGiven(held(command)).when(command),
        Rule.ID_ALREADY_USED);
  }

  @Test
  void aMeetingCannotReferToAnotherPartnershipsProject() {
    refusedFor(
        fixture.given(councilAndUniversity()).when(meeting("m-1", NORTH, UNI, LATER, OTHER_PROJECT)),
        Rule.UNKNOWN_PROJECT);
  }

  @Test
  void aQuickWinIsDeliveredToAPartner() {
    fixture.given(councilAndUniversity())
        .when(new RecordQuickWin(SHIRE, QuickWinId.of("qw-1"), OWN_PROJECT, "Dashboard", LATER, NORTH, BigDecimal.TEN))
        .expectEvents(new QuickWinDelivered(SHIRE, QuickWinId.of("qw-1"), OWN_PROJECT, "Dashboard", LATER, NORTH, BigDecimal.TEN));
  }

  @Test
  void onlyPartnersBenefitFromQuickWins() {
    refusedFor(
        fixture.given(councilAndUniversity())
            .when(new RecordQuickWin(SHIRE, QuickWinId.of("qw-1"), null, "Dashboard", LATER, POLICE, null)),
        Rule.ONLY_PARTNERS_TAKE_PART);
  }

  @Test
  void aQuickWinIdIsRecordedOnce() {
    refusedFor(
        fixture.given(councilAndUniversity())
            .andGiven(new QuickWinDelivered(SHIRE, QuickWinId.of("qw-1"), null, "Dashboard", LATER, NORTH, null))
            .when(new RecordQuickWin(SHIRE, QuickWinId.of("qw-1"), null, "Again", LATER, NORTH, null)),
        Rule.ID_ALREADY_USED);
  }

  @Test
  void aQuickWinCannotReferToAnotherPartnershipsProject() {
    refusedFor(
        fixture.given(councilAndUniversity())
            .when(new RecordQuickWin(SHIRE, QuickWinId.of("qw-1"), OTHER_PROJECT, "Dashboard", LATER, NORTH, null)),
        Rule.UNKNOWN_PROJECT);
  }

  @Test
  void aPartnerRatesItsTrustInAnother() {
    fixture.given(councilAndUniversity())
        .when(new RecordPulseSurvey(SHIRE, NORTH, UNI, 4, LATER))
        .expectEvents(new PulseSurveyAnswered(SHIRE, NORTH, UNI, 4, LATER));
  }

  @Test
  void aPartnerDoesNotRateItself() {
    refusedFor(
        fixture.given(councilAndUniversity()).when(new RecordPulseSurvey(SHIRE, NORTH, NORTH, 5, LATER)),
        Rule.DIFFERENT_ORGANISATIONS);
  }

  @Test
  void onlyPartnersAnswerPulseSurveys() {
    refusedFor(
        fixture.given(councilAndUniversity()).when(new RecordPulseSurvey(SHIRE, POLICE, UNI, 3, LATER)),
        Rule.ONLY_PARTNERS_TAKE_PART);
  }

  @Test
  void aPartnershipCloses() {
    fixture.given(councilAndUniversity())
        .when(new ClosePartnership(SHIRE, LATER, "programme ended"))
        .expectEvents(new PartnershipClosed(SHIRE, LATER, "programme ended"));
  }

  @Test
  void aClosedPartnershipAcceptsNoMeeting() {
    refusedFor(closed().when(meeting("m-9", NORTH, UNI, LATER, null)), Rule.PARTNERSHIP_CLOSED);
  }

  @Test
  void aClosedPartnershipAcceptsNoNewPartner() {
    refusedFor(closed().when(new AddPartner(SHIRE, POLICE, "Police", Sector.POLICE, LATER)), Rule.PARTNERSHIP_CLOSED);
  }

  @Test
  void aClosedPartnershipClosesOnce() {
    refusedFor(closed().when(new ClosePartnership(SHIRE, LATER, null)), Rule.PARTNERSHIP_CLOSED);
  }

  private org.axonframework.test.aggregate.TestExecutor<Partnership> closed() {
    return fixture.given(councilAndUniversity()).andGiven(new PartnershipClosed(SHIRE, LATER, null));
  }
}
