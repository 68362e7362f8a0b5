package org.partnershiptracker.query.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.events.ProjectEvent;
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
import org.partnershiptracker.events.value.Attendance;
import org.partnershiptracker.events.value.AttendeeLevel;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.events.value.MilestoneHorizon;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.RoleType;
import org.partnershiptracker.events.value.Sector;
import org.partnershiptracker.query.partnership.model.RecordedEvent;

/**
 * The generated histories obey the command side's rules. The rules are restated here, from
 * Partnership and Project in command-service, independently of the generator's own model.
 */
class PartnershipHistoriesTest {
  private static final LocalDate FORMED = LocalDate.of(2022, 1, 3);
  private static final LocalDate UNTIL = LocalDate.of(2024, 12, 20);

  @Provide
  Arbitrary<List<RecordedEvent>> histories() {
    return PartnershipHistories.histories();
  }

  @Property(tries = 200)
  void historiesAreValid(@ForAll("histories") List<RecordedEvent> history) {
    Facts facts = Referee.check(history);

    Statistics.label("reuses milestone ids across projects").collect(facts.reusedMilestoneIds);
    Statistics.label("closed").collect(facts.closed);
    Statistics.label("size")
        .collect(history.size() < 10 ? "<10" : history.size() < 100 ? "10-99" : "100+");
    Statistics.label("two months without meetings").collect(facts.longestMeetingGap >= 60);
    Statistics.label("reuses milestone ids across projects")
        .coverage(coverage -> coverage.check(true).percentage(p -> p >= 20));
    Statistics.label("closed").coverage(coverage -> coverage.check(true).count(c -> c >= 1));
    Statistics.label("two months without meetings")
        .coverage(coverage -> coverage.check(true).count(c -> c >= 1));
  }

  /** One long history has every figure the read models compute. */
  @Example
  void aLongHistoryCoversEveryFigure() {
    List<RecordedEvent> history =
        PartnershipHistories.generate(new Random(7), "rich", 3_000, FORMED, UNTIL);
    Facts facts = Referee.check(history);

    assertThat(facts.meetingTypes).containsExactlyInAnyOrder(MeetingType.values());
    assertThat(facts.levels).containsExactlyInAnyOrder(AttendeeLevel.values());
    assertThat(facts.roleTypes).containsExactlyInAnyOrder(RoleType.values());
    assertThat(facts.horizons).containsExactlyInAnyOrder(MilestoneHorizon.values());
    assertThat(facts.startedSigned).containsExactlyInAnyOrder(true, false);
    assertThat(facts.reusedMilestoneIds).isTrue();
    assertThat(facts.count)
        .containsKeys(
            "RoleReassigned",
            "RoleVacated",
            "PartnerLeft",
            "QuickWinDelivered",
            "PulseSurveyAnswered",
            "DataSharingAgreementRevised",
            "DataSharingAgreementSigned",
            "DataSharingAgreementExpired",
            "MilestoneRescheduled",
            "MilestoneMissed",
            "ProjectCompleted",
            "ProjectAbandoned");
    assertThat(facts.achievedOnTime).isPositive();
    assertThat(facts.achievedLate).isPositive();
    assertThat(facts.rejoins).isPositive();
    assertThat(facts.redesignations).isPositive();
    assertThat(facts.coWrittenAgreements).isPositive();
    assertThat(facts.meetingsWithProject).isPositive();
    assertThat(facts.sameDayMeetings).isPositive();
    assertThat(facts.sectors).contains(Sector.LOCAL_AUTHORITY, Sector.UNIVERSITY);
    double meetings = facts.count.get("MeetingHeld") / (double) history.size();
    assertThat(meetings).isBetween(0.55, 0.75);
    double backfilled = facts.backfilled / (double) history.size();
    assertThat(backfilled).isBetween(0.05, 0.15);
  }

  /** About 5% of histories close, with the PartnershipClosed last. */
  @Example
  void someHistoriesCloseAtTheirEnd() {
    int closed = 0;
    for (int seed = 0; seed < 200; seed++) {
      List<RecordedEvent> history =
          PartnershipHistories.generate(new Random(seed), "c" + seed, 60, FORMED, UNTIL);
      if (Referee.check(history).closed) {
        closed++;
        assertThat(history.get(history.size() - 1).event()).isInstanceOf(PartnershipClosed.class);
      }
    }
    assertThat(closed).isBetween(2, 25);
  }

  @Example
  void tenThousandEventsQuickly() {
    long start = System.nanoTime();
    List<RecordedEvent> history =
        PartnershipHistories.generate(new Random(1), "big", 10_000, FORMED, UNTIL);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("generate(10_000) took %d ms for %d events%n", millis, history.size());

    assertThat(history).hasSizeGreaterThanOrEqualTo(10_000);
    Referee.check(history);
  }

  @Example
  void positionsCanStartAnywhere() {
    List<RecordedEvent> history =
        PartnershipHistories.generate(new Random(3), "later", 50, FORMED, UNTIL, 1_001);
    assertThat(history.get(0).position()).isEqualTo(1_001);
    assertThat(history.get(0).eventId()).isEqualTo("later-e1001");
  }

  /** What a checked history contained, for coverage assertions. */
  static final class Facts {
    final Map<String, Integer> count = new HashMap<>();
    final Set<MeetingType> meetingTypes = EnumSet.noneOf(MeetingType.class);
    final Set<AttendeeLevel> levels = EnumSet.noneOf(AttendeeLevel.class);
    final Set<RoleType> roleTypes = EnumSet.noneOf(RoleType.class);
    final Set<MilestoneHorizon> horizons = EnumSet.noneOf(MilestoneHorizon.class);
    final Set<Sector> sectors = EnumSet.noneOf(Sector.class);
    final Set<Boolean> startedSigned = new HashSet<>();
    boolean reusedMilestoneIds;
    boolean closed;
    int achievedOnTime;
    int achievedLate;
    int rejoins;
    int redesignations;
    int coWrittenAgreements;
    int meetingsWithProject;
    int sameDayMeetings;
    int backfilled;
    long longestMeetingGap;
  }

  /**
   * Replays a history against the aggregates' rules; fails on the first event they would refuse.
   */
  static final class Referee {
    private record Role(RoleType type, String organisation, String holder) {}

    private static final class Project {
      Set<String> providers;
      Set<String> editors = new HashSet<>();
      int version;
      boolean expired;
      Set<String> signed = new HashSet<>();
      String status = "PROPOSED";
      Map<String, LocalDate> dueOn = new HashMap<>();
      Set<String> closedMilestones = new HashSet<>();
    }

    static Facts check(List<RecordedEvent> history) {
      Facts facts = new Facts();
      Map<String, Sector> partners = new HashMap<>();
      Set<String> everJoined = new HashSet<>();
      Map<String, Role> roles = new HashMap<>();
      Set<String> meetingIds = new HashSet<>();
      Set<String> quickWinIds = new HashSet<>();
      Map<String, Project> projects = new HashMap<>();
      Map<String, Long> sequences = new HashMap<>();
      Map<String, Set<String>> projectsByMilestone = new HashMap<>();
      Set<String> eventIds = new HashSet<>();
      Set<LocalDate> meetingDays = new HashSet<>();
      LocalDate formedOn = null;
      LocalDate latest = null;
      String partnershipId = null;
      long lastPosition = 0;
      Instant lastRecorded = null;

      for (int i = 0; i < history.size(); i++) {
        RecordedEvent recorded = history.get(i);
        PartnershipEvent event = recorded.event();
        String at = "event " + i + " " + event;
        assertThat(facts.closed).as("nothing follows PartnershipClosed: %s", at).isFalse();
        assertThat(event instanceof PartnershipFormed)
            .as("PartnershipFormed first, once: %s", at)
            .isEqualTo(i == 0);
        if (i == 0) {
          partnershipId = event.partnershipId().value();
          formedOn = ((PartnershipFormed) event).formedOn();
          assertThat(recorded.position()).as("first position").isPositive();
        }
        assertThat(event.partnershipId().value()).as(at).isEqualTo(partnershipId);
        assertThat(recorded.position())
            .as("position increases: %s", at)
            .isGreaterThan(lastPosition);
        lastPosition = recorded.position();
        assertThat(eventIds.add(recorded.eventId())).as("unique event id: %s", at).isTrue();
        if (lastRecorded != null) {
          assertThat(recorded.recordedAt())
              .as("recordedAt increases: %s", at)
              .isAfter(lastRecorded);
        }
        lastRecorded = recorded.recordedAt();
        String aggregate = event instanceof ProjectEvent p ? p.projectId().value() : partnershipId;
        assertThat(recorded.aggregateId()).as(at).isEqualTo(aggregate);
        long expected = sequences.merge(aggregate, 0L, (a, b) -> a + 1);
        assertThat(recorded.sequenceNumber())
            .as("sequence per aggregate: %s", at)
            .isEqualTo(expected);
        LocalDate day = event.occurredOn();
        assertThat(day).as("not before formation: %s", at).isAfterOrEqualTo(formedOn);
        if (latest != null && day.isBefore(latest)) {
          facts.backfilled++;
        }
        latest = latest == null || day.isAfter(latest) ? day : latest;
        facts.count.merge(event.getClass().getSimpleName(), 1, Integer::sum);

        if (event instanceof PartnershipFormed) {
          // checked above: first, once
        } else if (event instanceof PartnerJoined e) {
          String org = e.organisationId().value();
          assertThat(partners).as("joins once at a time: %s", at).doesNotContainKey(org);
          if (!everJoined.add(org)) {
            facts.rejoins++;
          }
          partners.put(org, e.sector());
          facts.sectors.add(e.sector());
        } else if (event instanceof PartnerLeft e) {
          String org = e.organisationId().value();
          assertThat(partners).as("only a partner leaves: %s", at).containsEntry(org, e.sector());
          assertThat(roles.values())
              .as("roles vacated before leaving: %s", at)
              .noneMatch(r -> r.organisation().equals(org) && r.holder() != null);
          partners.remove(org);
        } else if (event instanceof RoleDesignated e) {
          requirePartners(partners, at, e.organisationId());
          Role existing = roles.get(e.roleId().value());
          if (existing != null) {
            assertThat(existing)
                .as(
                    "only a vacant role of the same type and organisation is designated again: %s",
                    at)
                .isEqualTo(new Role(e.roleType(), e.organisationId().value(), null));
            facts.redesignations++;
          }
          roles.put(
              e.roleId().value(),
              new Role(e.roleType(), e.organisationId().value(), e.personId().value()));
          facts.roleTypes.add(e.roleType());
        } else if (event instanceof RoleReassigned e) {
          Role role = roles.get(e.roleId().value());
          assertThat(role).as("reassigned only if designated: %s", at).isNotNull();
          assertThat(role.holder())
              .as("reassigned from its current holder: %s", at)
              .isEqualTo(e.fromPersonId().value());
          roles.put(
              e.roleId().value(),
              new Role(role.type(), role.organisation(), e.toPersonId().value()));
        } else if (event instanceof RoleVacated e) {
          Role role = roles.get(e.roleId().value());
          assertThat(role).as("vacated only if designated: %s", at).isNotNull();
          assertThat(role.holder())
              .as("vacated by its holder: %s", at)
              .isEqualTo(e.personId().value());
          roles.put(e.roleId().value(), new Role(role.type(), role.organisation(), null));
        } else if (event instanceof MeetingHeld e) {
          requirePartners(partners, at, e.hostOrganisationId());
          e.attendees().forEach(a -> requirePartners(partners, at, a.organisationId()));
          assertThat(meetingIds.add(e.meetingId().value()))
              .as("meeting id unused: %s", at)
              .isTrue();
          assertThat(e.attendees())
              .as(at)
              .hasSizeBetween(1, 4)
              .allMatch(a -> a.count() >= 1 && a.count() <= 5);
          if (e.projectId() != null) {
            assertThat(projects).as("own project: %s", at).containsKey(e.projectId().value());
            facts.meetingsWithProject++;
          }
          facts.meetingTypes.add(e.type());
          e.attendees().stream().map(Attendance::level).forEach(facts.levels::add);
          if (!meetingDays.add(e.heldOn())) {
            facts.sameDayMeetings++;
          }
        } else if (event instanceof QuickWinDelivered e) {
          requirePartners(partners, at, e.beneficiaryOrganisationId());
          assertThat(quickWinIds.add(e.quickWinId().value()))
              .as("quick win id unused: %s", at)
              .isTrue();
          if (e.projectId() != null) {
            assertThat(projects).as("own project: %s", at).containsKey(e.projectId().value());
          }
        } else if (event instanceof PulseSurveyAnswered e) {
          requirePartners(partners, at, e.respondentOrganisationId(), e.aboutOrganisationId());
          assertThat(e.respondentOrganisationId())
              .as("rates another partner: %s", at)
              .isNotEqualTo(e.aboutOrganisationId());
        } else if (event instanceof PartnershipClosed) {
          facts.closed = true;
        } else if (event instanceof ProjectProposed e) {
          e.dataProviderOrganisationIds().forEach(o -> requirePartners(partners, at, o));
          assertThat(projects)
              .as("project id unused: %s", at)
              .doesNotContainKey(e.projectId().value());
          Project project = new Project();
          project.providers =
              new HashSet<>(
                  e.dataProviderOrganisationIds().stream().map(OrganisationId::value).toList());
          assertThat(project.providers)
              .as("distinct providers: %s", at)
              .hasSize(e.dataProviderOrganisationIds().size());
          projects.put(e.projectId().value(), project);
        } else if (event instanceof ProjectEvent e) {
          Project project = projects.get(e.projectId().value());
          assertThat(project).as("proposed first: %s", at).isNotNull();
          assertThat(project.status).as("project open: %s", at).isIn("PROPOSED", "STARTED");
          checkProjectEvent(e, project, partners, facts, at);
          if (e instanceof MilestonePlanned m) {
            projectsByMilestone
                .computeIfAbsent(m.milestoneId().value(), id -> new HashSet<>())
                .add(m.projectId().value());
          }
        } else {
          throw new AssertionError("unexpected event: " + at);
        }
      }
      LocalDate previousDay = null;
      for (LocalDate meetingDay : new java.util.TreeSet<>(meetingDays)) {
        if (previousDay != null) {
          facts.longestMeetingGap =
              Math.max(
                  facts.longestMeetingGap,
                  java.time.temporal.ChronoUnit.DAYS.between(previousDay, meetingDay));
        }
        previousDay = meetingDay;
      }
      facts.reusedMilestoneIds = projectsByMilestone.values().stream().anyMatch(p -> p.size() > 1);
      facts.coWrittenAgreements =
          (int) projects.values().stream().filter(p -> p.editors.size() >= 2).count();
      return facts;
    }

    private static void checkProjectEvent(
        ProjectEvent event, Project project, Map<String, Sector> partners, Facts facts, String at) {
      if (event instanceof DataSharingAgreementDrafted e) {
        requirePartners(partners, at, e.byOrganisationId());
        assertThat(project.version).as("drafted once: %s", at).isZero();
        assertThat(e.version()).as(at).isEqualTo(1);
        project.version = 1;
        project.editors.add(e.byOrganisationId().value());
      } else if (event instanceof DataSharingAgreementRevised e) {
        requirePartners(partners, at, e.byOrganisationId());
        assertThat(project.version).as("drafted first: %s", at).isPositive();
        assertThat(e.version()).as(at).isEqualTo(project.version + 1);
        project.version = e.version();
        project.expired = false;
        project.signed.clear();
        project.editors.add(e.byOrganisationId().value());
      } else if (event instanceof DataSharingAgreementSigned e) {
        String signer = e.byOrganisationId().value();
        requirePartners(partners, at, e.byOrganisationId());
        assertThat(project.version).as("drafted first: %s", at).isPositive().isEqualTo(e.version());
        assertThat(project.expired).as("not expired: %s", at).isFalse();
        assertThat(project.providers).as("signed by a provider: %s", at).contains(signer);
        assertThat(project.signed.add(signer)).as("signed once per version: %s", at).isTrue();
      } else if (event instanceof DataSharingAgreementExpired e) {
        assertThat(project.version).as("drafted first: %s", at).isPositive().isEqualTo(e.version());
        assertThat(project.expired).as("expires once: %s", at).isFalse();
        project.expired = true;
        project.signed.clear();
      } else if (event instanceof ProjectStarted e) {
        assertThat(project.status).as("starts once: %s", at).isEqualTo("PROPOSED");
        boolean signed =
            project.version > 0
                && !project.expired
                && project.signed.containsAll(project.providers);
        assertThat(e.dsaSignedByAllProviders()).as("signature flag: %s", at).isEqualTo(signed);
        project.status = "STARTED";
        facts.startedSigned.add(signed);
      } else if (event instanceof MilestonePlanned e) {
        assertThat(project.dueOn)
            .as("milestone id unused in its project: %s", at)
            .doesNotContainKey(e.milestoneId().value());
        project.dueOn.put(e.milestoneId().value(), e.dueOn());
        facts.horizons.add(e.horizon());
      } else if (event instanceof MilestoneRescheduled e) {
        requireOpenMilestone(project, e.milestoneId().value(), at);
        assertThat(e.previousDueOn()).as(at).isEqualTo(project.dueOn.get(e.milestoneId().value()));
        project.dueOn.put(e.milestoneId().value(), e.newDueOn());
      } else if (event instanceof MilestoneAchieved e) {
        assertThat(project.status).as("achieved after start: %s", at).isEqualTo("STARTED");
        requireOpenMilestone(project, e.milestoneId().value(), at);
        assertThat(e.dueOn()).as(at).isEqualTo(project.dueOn.get(e.milestoneId().value()));
        project.closedMilestones.add(e.milestoneId().value());
        if (!e.achievedOn().isAfter(e.dueOn())) { // counted independently of the read side
          facts.achievedOnTime++;
        } else {
          facts.achievedLate++;
        }
      } else if (event instanceof MilestoneMissed e) {
        assertThat(project.status).as("missed after start: %s", at).isEqualTo("STARTED");
        requireOpenMilestone(project, e.milestoneId().value(), at);
        assertThat(e.dueOn()).as(at).isEqualTo(project.dueOn.get(e.milestoneId().value()));
        project.closedMilestones.add(e.milestoneId().value());
      } else if (event instanceof ProjectCompleted) {
        assertThat(project.status).as("completed after start: %s", at).isEqualTo("STARTED");
        project.status = "COMPLETED";
      } else if (event instanceof ProjectAbandoned) {
        project.status = "ABANDONED";
      } else {
        throw new AssertionError("unexpected project event: " + at);
      }
    }

    private static void requireOpenMilestone(Project project, String milestoneId, String at) {
      assertThat(project.dueOn).as("planned first: %s", at).containsKey(milestoneId);
      assertThat(project.closedMilestones)
          .as("achieved or missed at most once: %s", at)
          .doesNotContain(milestoneId);
    }

    private static void requirePartners(
        Map<String, Sector> partners, String at, OrganisationId... organisations) {
      List<String> outsiders = new ArrayList<>();
      for (OrganisationId organisation : organisations) {
        if (!partners.containsKey(organisation.value())) {
          outsiders.add(organisation.value());
        }
      }
      assertThat(outsiders).as("only current partners take part: %s", at).isEmpty();
    }
  }
}
