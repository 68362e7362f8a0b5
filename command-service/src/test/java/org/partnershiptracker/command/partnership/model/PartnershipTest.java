package org.partnershiptracker.command.partnership.model;

import static org.partnershiptracker.command.rules.Refusals.byType;
import static org.partnershiptracker.command.rules.Refusals.refused;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.AddPartner;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.ClosePartnership;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.DesignateRole;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.FormPartnership;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.ReassignRole;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.RecordMeeting;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.RecordPulseSurvey;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.RecordQuickWin;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.RemovePartner;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.VacateRole;
import org.partnershiptracker.command.rules.Rule;
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

/**
 * The Partnership aggregate as given / when / then specifications: each command's happy path and
 * every rule it enforces.
 */
class PartnershipTest {
  private static final PartnershipId SHIRE = PartnershipId.of("shire");
  private static final PartnershipId ELSEWHERE = PartnershipId.of("elsewhere");

  private static final OrganisationId NORTH = OrganisationId.of("north-council");
  private static final OrganisationId UNI = OrganisationId.of("uni");

  /** Never a partner of the shire. */
  private static final OrganisationId POLICE = OrganisationId.of("police");

  private static final Map<OrganisationId, String> NAMES =
      Map.of(NORTH, "North Council", UNI, "University of the Shire", POLICE, "Shire Police");
  private static final Map<OrganisationId, Sector> SECTORS =
      Map.of(NORTH, Sector.LOCAL_AUTHORITY, UNI, Sector.UNIVERSITY, POLICE, Sector.POLICE);

  private static final LocalDate FORMED = LocalDate.of(2025, 1, 6);
  private static final LocalDate BEFORE_FORMATION = FORMED.minusDays(1);
  private static final LocalDate LATER = FORMED.plusMonths(1);

  private static final RoleId NORTH_SPANNER = RoleId.of("north-spanner");
  private static final RoleId NORTH_CONTACT = RoleId.of("north-contact");
  private static final RoleId NORTH_SPONSOR = RoleId.of("north-sponsor");
  private static final RoleId UNI_LEAD = RoleId.of("uni-lead");
  private static final PersonId ANNA = PersonId.of("person-anna");
  private static final PersonId BEN = PersonId.of("person-ben");
  private static final PersonId CY = PersonId.of("person-cy");

  private static final ProjectId OWN_PROJECT = ProjectId.of("care-demand");
  private static final ProjectId OTHER_PARTNERSHIPS_PROJECT = ProjectId.of("elsewhere-project");
  private static final ProjectId PROJECT_BELONGS_TO_PARTNERSHIP = ProjectId.of("no-such-project");

  private static final MeetingId WORK_DAY = MeetingId.of("work-day-1");
  private static final QuickWinId DASHBOARD = QuickWinId.of("dashboard");

  /** Stands in for the project directory: which partnership each known project belongs to. */
  static final class InMemoryProjectDirectory implements ProjectDirectory {
    private final Map<ProjectId, PartnershipId> owners = new HashMap<>();

    InMemoryProjectDirectory with(ProjectId project, PartnershipId owner) {
      owners.put(project, owner);
      return this;
    }

    @Override
    public Optional<PartnershipId> partnershipOf(ProjectId projectId) {
      return Optional.ofNullable(owners.get(projectId));
    }

    @Override
    public List<ProjectId> projectsOf(PartnershipId partnershipId) {
      List<ProjectId> projects = new ArrayList<>();
      for (Map.Entry<ProjectId, PartnershipId> owner : owners.entrySet()) {
        if (owner.getValue().equals(partnershipId)) {
          projects.add(owner.getKey());
        }
      }
      return projects;
    }
  }

  private FixtureConfiguration<Partnership> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Partnership.class);
    fixture.registerInjectableResource(
        new InMemoryProjectDirectory()
            .with(OWN_PROJECT, SHIRE)
            .with(OTHER_PARTNERSHIPS_PROJECT, ELSEWHERE));
  }

  // ---------------------------------------------------------------- FormPartnership

  @Test
  void aPartnershipIsFormedAroundASharedVision() {
    fixture
        .givenNoPriorActivity()
        .when(
            new FormPartnership(
                SHIRE, "Shire data partnership", "Better services from shared data", FORMED))
        .expectEvents(formed());
  }

  // ---------------------------------------------------------------- AddPartner

  @Test
  void anOrganisationJoinsAsAPartner() {
    fixture
        .given(formed())
        .when(new AddPartner(SHIRE, NORTH, NAMES.get(NORTH), Sector.LOCAL_AUTHORITY, LATER))
        .expectEvents(joined(NORTH, LATER));
  }

  @Test
  void anOrganisationIsAPartnerOnceAtATime() {
    refused(
        givenNorthAndUni()
            .when(new AddPartner(SHIRE, NORTH, NAMES.get(NORTH), Sector.LOCAL_AUTHORITY, LATER)),
        Rule.ORGANISATION_JOINS_ONCE);
  }

  @Test
  void aPartnerThatLeftMayJoinAgain() {
    givenNorthAndUni()
        .andGiven(left(NORTH))
        .when(new AddPartner(SHIRE, NORTH, NAMES.get(NORTH), Sector.LOCAL_AUTHORITY, LATER))
        .expectEvents(joined(NORTH, LATER));
  }

  // ---------------------------------------------------------------- RemovePartner

  @Test
  void aPartnerWithoutRolesLeaves() {
    givenNorthAndUni()
        .when(new RemovePartner(SHIRE, UNI, LATER, "funding ended"))
        .expectEvents(
            new PartnerLeft(SHIRE, UNI, NAMES.get(UNI), Sector.UNIVERSITY, LATER, "funding ended"));
  }

  @Test
  void aLeavingPartnersHeldRolesAreVacatedBeforeItLeaves() {
    givenNorthAndUni()
        .andGiven(
            designated(NORTH_SPANNER, RoleType.BOUNDARY_SPANNER, NORTH, ANNA),
            designated(NORTH_CONTACT, RoleType.POINT_OF_CONTACT, NORTH, BEN),
            designated(NORTH_SPONSOR, RoleType.PROJECT_SPONSOR, NORTH, CY),
            vacated(NORTH_SPONSOR, CY),
            designated(UNI_LEAD, RoleType.ACADEMIC_LEAD, UNI, CY))
        .when(new RemovePartner(SHIRE, NORTH, LATER, "restructure"))
        .expectEvents(
            new RoleVacated(SHIRE, NORTH_CONTACT, BEN, RoleChangeReason.PARTNER_LEFT, LATER),
            new RoleVacated(SHIRE, NORTH_SPANNER, ANNA, RoleChangeReason.PARTNER_LEFT, LATER),
            new PartnerLeft(
                SHIRE, NORTH, NAMES.get(NORTH), Sector.LOCAL_AUTHORITY, LATER, "restructure"));
  }

  @Test
  void aLeavingPartnersReassignedRoleIsVacatedFromItsCurrentHolder() {
    givenSpannerReassignedFromAnnaToBen()
        .when(new RemovePartner(SHIRE, NORTH, LATER, null))
        .expectEvents(
            new RoleVacated(SHIRE, NORTH_SPANNER, BEN, RoleChangeReason.PARTNER_LEFT, LATER),
            new PartnerLeft(SHIRE, NORTH, NAMES.get(NORTH), Sector.LOCAL_AUTHORITY, LATER, null));
  }

  @Test
  void onlyAPartnerLeaves() {
    refused(
        givenNorthAndUni().when(new RemovePartner(SHIRE, POLICE, LATER, null)),
        Rule.ONLY_PARTNERS_TAKE_PART);
  }

  @Test
  void aPartnerThatLeftNoLongerTakesPart() {
    refused(
        givenNorthAndUni()
            .andGiven(left(UNI))
            .when(new RecordPulseSurvey(SHIRE, UNI, NORTH, 4, LATER)),
        Rule.ONLY_PARTNERS_TAKE_PART);
  }

  // ---------------------------------------------------------------- DesignateRole

  @Test
  void aPartnersPersonIsDesignatedToARole() {
    givenNorthAndUni()
        .when(
            new DesignateRole(SHIRE, NORTH_SPANNER, RoleType.BOUNDARY_SPANNER, NORTH, ANNA, LATER))
        .expectEvents(
            new RoleDesignated(
                SHIRE, NORTH_SPANNER, RoleType.BOUNDARY_SPANNER, NORTH, ANNA, LATER));
  }

  @Test
  void onlyPartnersHoldRoles() {
    refused(
        givenNorthAndUni()
            .when(
                new DesignateRole(
                    SHIRE,
                    RoleId.of("police-contact"),
                    RoleType.POINT_OF_CONTACT,
                    POLICE,
                    ANNA,
                    LATER)),
        Rule.ONLY_PARTNERS_TAKE_PART);
  }

  @Test
  void aHeldRoleIsNotDesignatedAgain() {
    refused(
        givenSpannerHeldByAnna()
            .when(
                new DesignateRole(
                    SHIRE, NORTH_SPANNER, RoleType.BOUNDARY_SPANNER, NORTH, BEN, LATER)),
        Rule.ROLE_DESIGNATION_MATCHES);
  }

  @Test
  void aVacantRoleIsDesignatedAgainWithItsTypeAndOrganisation() {
    givenSpannerHeldByAnna()
        .andGiven(vacated(NORTH_SPANNER, ANNA))
        .when(new DesignateRole(SHIRE, NORTH_SPANNER, RoleType.BOUNDARY_SPANNER, NORTH, BEN, LATER))
        .expectEvents(
            new RoleDesignated(SHIRE, NORTH_SPANNER, RoleType.BOUNDARY_SPANNER, NORTH, BEN, LATER));
  }

  @Test
  void aVacantRoleKeepsItsType() {
    refused(
        givenSpannerHeldByAnna()
            .andGiven(vacated(NORTH_SPANNER, ANNA))
            .when(new DesignateRole(SHIRE, NORTH_SPANNER, RoleType.CHAMPION, NORTH, BEN, LATER)),
        Rule.ROLE_DESIGNATION_MATCHES);
  }

  @Test
  void aVacantRoleKeepsItsOrganisation() {
    refused(
        givenSpannerHeldByAnna()
            .andGiven(vacated(NORTH_SPANNER, ANNA))
            .when(
                new DesignateRole(
                    SHIRE, NORTH_SPANNER, RoleType.BOUNDARY_SPANNER, UNI, BEN, LATER)),
        Rule.ROLE_DESIGNATION_MATCHES);
  }

  // ---------------------------------------------------------------- ReassignRole

  /** The spanner role passed from one person to another, {@link #LATER}. */
  private static ReassignRole reassignSpanner(PersonId from, PersonId to, RoleChangeReason reason) {
    return new ReassignRole(SHIRE, NORTH_SPANNER, from, to, reason, LATER);
  }

  /** Passing the spanner role from one person to another records just that. */
  private static void spannerPassesFromTo(
      TestExecutor<Partnership> given, PersonId from, PersonId to) {
    given
        .when(reassignSpanner(from, to, RoleChangeReason.RESTRUCTURE))
        .expectEvents(
            new RoleReassigned(
                SHIRE, NORTH_SPANNER, from, to, RoleChangeReason.RESTRUCTURE, LATER));
  }

  @Test
  void aHeldRoleIsReassignedFromItsHolder() {
    spannerPassesFromTo(givenSpannerHeldByAnna(), ANNA, BEN);
  }

  @Test
  void aRoleIsReassignedOnlyFromItsCurrentHolder() {
    refused(
        givenSpannerHeldByAnna().when(reassignSpanner(BEN, CY, RoleChangeReason.WORKLOAD)),
        Rule.ROLE_REASSIGNED_ONLY_IF_HELD);
  }

  @Test
  void aRoleIsNotReassignedToItsCurrentHolder() {
    refused(
        givenSpannerHeldByAnna().when(reassignSpanner(ANNA, ANNA, RoleChangeReason.RESTRUCTURE)),
        Rule.ROLE_REASSIGNED_TO_ANOTHER_PERSON);
  }

  @Test
  void aReassignedRoleIsNotReassignedToItsNewHolderAgain() {
    refused(
        givenSpannerReassignedFromAnnaToBen()
            .when(reassignSpanner(BEN, BEN, RoleChangeReason.RESTRUCTURE)),
        Rule.ROLE_REASSIGNED_TO_ANOTHER_PERSON);
  }

  @Test
  void aRoleIsReassignedBackToAnEarlierHolder() {
    spannerPassesFromTo(givenSpannerReassignedFromAnnaToBen(), BEN, ANNA);
  }

  @Test
  void aReassignmentFromSomeoneElseToTheHolderIsRefusedForTheWrongHolder() {
    refused(
        givenSpannerHeldByAnna().when(reassignSpanner(BEN, ANNA, RoleChangeReason.WORKLOAD)),
        Rule.ROLE_REASSIGNED_ONLY_IF_HELD);
  }

  @Test
  void aVacantRoleIsNotReassigned() {
    refused(
        givenSpannerHeldByAnna()
            .andGiven(vacated(NORTH_SPANNER, ANNA))
            .when(reassignSpanner(ANNA, BEN, RoleChangeReason.RESTRUCTURE)),
        Rule.ROLE_REASSIGNED_ONLY_IF_HELD);
  }

  @Test
  void aRoleNeverDesignatedIsNotReassigned() {
    refused(
        givenNorthAndUni().when(reassignSpanner(ANNA, BEN, RoleChangeReason.RESTRUCTURE)),
        Rule.ROLE_REASSIGNED_ONLY_IF_HELD);
  }

  // ---------------------------------------------------------------- VacateRole

  @Test
  void aHeldRoleFallsVacant() {
    givenSpannerHeldByAnna()
        .when(new VacateRole(SHIRE, NORTH_SPANNER, RoleChangeReason.DEPARTURE, LATER))
        .expectEvents(
            new RoleVacated(SHIRE, NORTH_SPANNER, ANNA, RoleChangeReason.DEPARTURE, LATER));
  }

  @Test
  void aVacantRoleDoesNotFallVacantAgain() {
    refused(
        givenSpannerHeldByAnna()
            .andGiven(vacated(NORTH_SPANNER, ANNA))
            .when(new VacateRole(SHIRE, NORTH_SPANNER, RoleChangeReason.DEPARTURE, LATER)),
        Rule.ROLE_REASSIGNED_ONLY_IF_HELD);
  }

  @Test
  void aRoleNeverDesignatedDoesNotFallVacant() {
    refused(
        givenNorthAndUni()
            .when(new VacateRole(SHIRE, NORTH_SPANNER, RoleChangeReason.DEPARTURE, LATER)),
        Rule.ROLE_REASSIGNED_ONLY_IF_HELD);
  }

  // ---------------------------------------------------------------- RecordMeeting

  @Test
  void partnersMeetAboutTheirOwnProject() {
    RecordMeeting command = workDay(NORTH, UNI, OWN_PROJECT);
    givenNorthAndUni().when(command).expectEvents(held(command));
  }

  @Test
  void partnersMeetWithoutAProject() {
    RecordMeeting command = workDay(NORTH, UNI, null);
    givenNorthAndUni().when(command).expectEvents(held(command));
  }

  @Test
  void onlyPartnersHostMeetings() {
    refused(givenNorthAndUni().when(workDay(POLICE, UNI, null)), Rule.ONLY_PARTNERS_TAKE_PART);
  }

  @Test
  void onlyPartnersAttendMeetings() {
    refused(givenNorthAndUni().when(workDay(NORTH, POLICE, null)), Rule.ONLY_PARTNERS_TAKE_PART);
  }

  @Test
  void aMeetingIsRecordedOnce() {
    RecordMeeting command = workDay(NORTH, UNI, null);
    refused(givenNorthAndUni().andGiven(held(command)).when(command), Rule.ID_ALREADY_USED);
  }

  @Test
  void aMeetingDoesNotReferToAnotherPartnershipsProject() {
    refused(
        givenNorthAndUni().when(workDay(NORTH, UNI, OTHER_PARTNERSHIPS_PROJECT)),
        Rule.PROJECT_BELONGS_TO_PARTNERSHIP);
  }

  @Test
  void aMeetingDoesNotReferToAnUnknownProject() {
    refused(
        givenNorthAndUni().when(workDay(NORTH, UNI, PROJECT_BELONGS_TO_PARTNERSHIP)),
        Rule.PROJECT_BELONGS_TO_PARTNERSHIP);
  }

  // ---------------------------------------------------------------- RecordQuickWin

  @Test
  void aQuickWinIsDeliveredToAPartner() {
    givenNorthAndUni()
        .when(quickWinFor(NORTH, OWN_PROJECT))
        .expectEvents(quickWinDelivered(NORTH, OWN_PROJECT));
  }

  @Test
  void onlyPartnersBenefitFromQuickWins() {
    refused(givenNorthAndUni().when(quickWinFor(POLICE, null)), Rule.ONLY_PARTNERS_TAKE_PART);
  }

  @Test
  void aQuickWinIsRecordedOnce() {
    refused(
        givenNorthAndUni().andGiven(quickWinDelivered(NORTH, null)).when(quickWinFor(UNI, null)),
        Rule.ID_ALREADY_USED);
  }

  @Test
  void aQuickWinDoesNotReferToAnotherPartnershipsProject() {
    refused(
        givenNorthAndUni().when(quickWinFor(NORTH, OTHER_PARTNERSHIPS_PROJECT)),
        Rule.PROJECT_BELONGS_TO_PARTNERSHIP);
  }

  // ---------------------------------------------------------------- RecordPulseSurvey

  @Test
  void aPartnerRatesItsTrustInAnother() {
    givenNorthAndUni()
        .when(new RecordPulseSurvey(SHIRE, NORTH, UNI, 4, LATER))
        .expectEvents(new PulseSurveyAnswered(SHIRE, NORTH, UNI, 4, LATER));
  }

  @Test
  void onlyPartnersAnswerPulseSurveys() {
    refused(
        givenNorthAndUni().when(new RecordPulseSurvey(SHIRE, POLICE, UNI, 3, LATER)),
        Rule.ONLY_PARTNERS_TAKE_PART);
  }

  @Test
  void pulseSurveysRateOnlyPartners() {
    refused(
        givenNorthAndUni().when(new RecordPulseSurvey(SHIRE, NORTH, POLICE, 3, LATER)),
        Rule.ONLY_PARTNERS_TAKE_PART);
  }

  @Test
  void aPartnerDoesNotRateItself() {
    refused(
        givenNorthAndUni().when(new RecordPulseSurvey(SHIRE, NORTH, NORTH, 5, LATER)),
        Rule.SURVEY_ABOUT_ANOTHER_PARTNER);
  }

  // ---------------------------------------------------------------- ClosePartnership

  @Test
  void aPartnershipCloses() {
    givenNorthAndUni()
        .when(new ClosePartnership(SHIRE, LATER, "programme ended"))
        .expectEvents(new PartnershipClosed(SHIRE, LATER, "programme ended"));
  }

  // ---------------------------------------------------------------- every command

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommandLater")
  void aClosedPartnershipRefusesEverything(Object command) {
    refused(
        givenSpannerHeldByAnna()
            .andGiven(new PartnershipClosed(SHIRE, LATER, "programme ended"))
            .when(command),
        Rule.CLOSED_PARTNERSHIP_ACCEPTS_NOTHING);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommandBeforeFormation")
  void activityDatedBeforeTheFormationIsRefused(Object command) {
    refused(givenSpannerHeldByAnna().when(command), Rule.ACTIVITY_AFTER_FORMATION);
  }

  static Stream<Named<Object>> everyCommandLater() {
    return everyCommandOn(LATER);
  }

  static Stream<Named<Object>> everyCommandBeforeFormation() {
    return everyCommandOn(BEFORE_FORMATION);
  }

  /**
   * One command of each kind, each accepted that day by the partnership of {@link
   * #givenSpannerHeldByAnna}.
   */
  private static Stream<Named<Object>> everyCommandOn(LocalDate day) {
    return byType(
        new AddPartner(SHIRE, POLICE, NAMES.get(POLICE), Sector.POLICE, day),
        new RemovePartner(SHIRE, UNI, day, null),
        new DesignateRole(SHIRE, UNI_LEAD, RoleType.ACADEMIC_LEAD, UNI, BEN, day),
        new ReassignRole(SHIRE, NORTH_SPANNER, ANNA, BEN, RoleChangeReason.RESTRUCTURE, day),
        new VacateRole(SHIRE, NORTH_SPANNER, RoleChangeReason.DEPARTURE, day),
        new RecordMeeting(
            SHIRE,
            WORK_DAY,
            MeetingType.STEERING,
            day,
            60,
            NORTH,
            List.of(new Attendance(UNI, AttendeeLevel.ACADEMIC, 1)),
            OWN_PROJECT),
        new RecordQuickWin(SHIRE, DASHBOARD, OWN_PROJECT, "Demand dashboard", day, NORTH, null),
        new RecordPulseSurvey(SHIRE, NORTH, UNI, 4, day),
        new ClosePartnership(SHIRE, day, null));
  }

  // ---------------------------------------------------------------- givens

  /** Formed with two partners: North Council and the university. */
  private TestExecutor<Partnership> givenNorthAndUni() {
    return fixture.given(formed(), joined(NORTH, FORMED), joined(UNI, FORMED));
  }

  private TestExecutor<Partnership> givenSpannerHeldByAnna() {
    return givenNorthAndUni()
        .andGiven(designated(NORTH_SPANNER, RoleType.BOUNDARY_SPANNER, NORTH, ANNA));
  }

  /** Anna's spanner role passed to Ben the day after formation. */
  private TestExecutor<Partnership> givenSpannerReassignedFromAnnaToBen() {
    return givenSpannerHeldByAnna()
        .andGiven(
            new RoleReassigned(
                SHIRE, NORTH_SPANNER, ANNA, BEN, RoleChangeReason.WORKLOAD, FORMED.plusDays(1)));
  }

  // ---------------------------------------------------------------- events

  private static PartnershipFormed formed() {
    return new PartnershipFormed(
        SHIRE, "Shire data partnership", "Better services from shared data", FORMED);
  }

  private static PartnerJoined joined(OrganisationId organisation, LocalDate on) {
    return new PartnerJoined(
        SHIRE, organisation, NAMES.get(organisation), SECTORS.get(organisation), on);
  }

  private static PartnerLeft left(OrganisationId organisation) {
    return new PartnerLeft(
        SHIRE,
        organisation,
        NAMES.get(organisation),
        SECTORS.get(organisation),
        FORMED.plusDays(1),
        null);
  }

  private static RoleDesignated designated(
      RoleId role, RoleType type, OrganisationId organisation, PersonId person) {
    return new RoleDesignated(SHIRE, role, type, organisation, person, FORMED);
  }

  private static RoleVacated vacated(RoleId role, PersonId holder) {
    return new RoleVacated(SHIRE, role, holder, RoleChangeReason.DEPARTURE, FORMED.plusDays(1));
  }

  private static MeetingHeld held(RecordMeeting command) {
    return new MeetingHeld(
        SHIRE,
        command.meetingId(),
        command.type(),
        command.heldOn(),
        command.durationMinutes(),
        command.hostOrganisationId(),
        command.attendees(),
        command.projectId());
  }

  private static QuickWinDelivered quickWinDelivered(
      OrganisationId beneficiary, ProjectId project) {
    return new QuickWinDelivered(
        SHIRE, DASHBOARD, project, "Demand dashboard", LATER, beneficiary, new BigDecimal("1200"));
  }

  // ---------------------------------------------------------------- commands

  private static RecordMeeting workDay(
      OrganisationId host, OrganisationId guest, ProjectId project) {
    return new RecordMeeting(
        SHIRE,
        WORK_DAY,
        MeetingType.ON_SITE_WORK_DAY,
        LATER,
        240,
        host,
        List.of(
            new Attendance(host, AttendeeLevel.ANALYST, 2),
            new Attendance(guest, AttendeeLevel.RESEARCHER, 3)),
        project);
  }

  private static RecordQuickWin quickWinFor(OrganisationId beneficiary, ProjectId project) {
    return new RecordQuickWin(
        SHIRE, DASHBOARD, project, "Demand dashboard", LATER, beneficiary, new BigDecimal("1200"));
  }
}
