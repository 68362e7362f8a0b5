package org.partnershiptracker.query.testdata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
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
import org.partnershiptracker.events.value.MeetingId;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.events.value.MilestoneHorizon;
import org.partnershiptracker.events.value.MilestoneId;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.PersonId;
import org.partnershiptracker.events.value.ProjectId;
import org.partnershiptracker.events.value.QuickWinId;
import org.partnershiptracker.events.value.RoleChangeReason;
import org.partnershiptracker.events.value.RoleId;
import org.partnershiptracker.events.value.RoleType;
import org.partnershiptracker.events.value.Sector;
import org.partnershiptracker.query.partnership.model.RecordedEvent;

/**
 * One partnership's history, built command by command against a model of the command side's state
 * (Partnership and Project aggregates), so that every event is one the aggregates would have
 * accepted, in store order. Single use: create, {@link #run()}, discard.
 */
final class HistoryGenerator {
  /**
   * Share (in %) of meetings, surveys and quick wins recorded late, dated before earlier events.
   */
  private static final int BACKFILL_PERCENT = 13;

  /** How far back a late record reaches. */
  private static final int BACKFILL_DAYS = 120;

  private static final int MAX_CURRENT_PARTNERS = 7;
  private static final int MAX_ROLES = 20;

  private static final Sector[] OTHER_PUBLIC = {
    Sector.HEALTH, Sector.POLICE, Sector.CENTRAL_GOVERNMENT, Sector.THIRD_SECTOR
  };
  private static final String[] AREAS = {
    "hospital discharge delays", "school absence", "fuel poverty", "homelessness risk",
    "road safety hotspots", "youth violence", "air quality and asthma", "adult social care demand",
    "missed GP appointments", "repeat domestic abuse calls", "food insecurity",
        "loneliness in later life"
  };
  private static final String[] QUICK_WINS = {
    "Shared dashboard", "Cleaned address lookup", "Ward-level map", "Data dictionary",
    "Referral pathway chart", "Monthly briefing", "Linked extract", "Demand forecast"
  };
  private static final String[] MILESTONE_TITLES = {
    "Extract agreed",
    "First analysis shared",
    "Pilot evaluated",
    "Findings presented",
    "Service change embedded"
  };
  private static final RoleChangeReason[] VOLUNTARY_REASONS = {
    RoleChangeReason.RESTRUCTURE,
    RoleChangeReason.DEPARTURE,
    RoleChangeReason.WORKLOAD,
    RoleChangeReason.OTHER
  };
  private static final int[] DURATIONS = {15, 30, 30, 45, 60, 60, 60, 90, 90, 120, 120, 180, 240};

  private final Random random;
  private final PartnershipId partnershipId;
  private final String projectIdBase;
  private final LocalDate formedOn;
  private final int target;
  private final int[] schedule;
  private final boolean closesAtEnd;
  private final List<RecordedEvent> out;

  private long position;
  private long recordedSecond;
  private long partnershipSequence;
  private LocalDate today;

  private final List<Org> current = new ArrayList<>();
  private final List<Org> former = new ArrayList<>();
  private final Set<String> usedOrganisationIds = new HashSet<>();
  private final List<Role> roles = new ArrayList<>();
  private final List<Project> projects = new ArrayList<>();
  private final List<Project> open = new ArrayList<>();
  private final Deck<MeetingType> meetingTypes;
  private final Deck<AttendeeLevel> levels;
  private int people;
  private int meetings;
  private int quickWins;

  HistoryGenerator(
      Random random,
      String partnershipId,
      int events,
      LocalDate formedOn,
      LocalDate until,
      long firstPosition) {
    if (events < 0) {
      throw new IllegalArgumentException("events must not be negative");
    }
    if (until.isBefore(formedOn)) {
      throw new IllegalArgumentException("until must not precede formedOn");
    }
    this.random = random;
    this.partnershipId = PartnershipId.of(partnershipId);
    // Project ids are aggregate ids, unique across partnerships, and at most 64 characters.
    this.projectIdBase =
        partnershipId.length() <= 54
            ? partnershipId
            : "ps" + Integer.toHexString(partnershipId.hashCode());
    this.formedOn = formedOn;
    this.target = events;
    this.schedule =
        schedule(random, Math.max(events, 1), (int) ChronoUnit.DAYS.between(formedOn, until));
    this.closesAtEnd = random.nextInt(100) < 5;
    this.out = new ArrayList<>(events + 16);
    this.position = firstPosition - 1;
    this.recordedSecond = formedOn.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    this.meetingTypes = new Deck<>(MeetingType.values(), random);
    this.levels = new Deck<>(AttendeeLevel.values(), random);
  }

  List<RecordedEvent> run() {
    if (target == 0) {
      return out;
    }
    tick();
    emit(
        new PartnershipFormed(
            partnershipId,
            "Partnership " + partnershipId.value(),
            random.nextInt(3) == 0 ? null : "Use shared data to improve local services",
            formedOn));
    for (Org founder : founders()) {
      if (full()) {
        return out;
      }
      tick();
      join(founder);
    }
    RoleType[] types = RoleType.values();
    shuffle(types);
    for (RoleType type : types) {
      if (full()) {
        return out;
      }
      tick();
      designateNewRole(type);
    }
    while (!full()) {
      tick();
      if (closesAtEnd && out.size() >= target - 1) {
        emit(
            new PartnershipClosed(
                partnershipId, today, random.nextBoolean() ? null : "Funding ended"));
        break;
      }
      step();
    }
    return out;
  }

  // ---------------------------------------------------------------- dates and recording

  /**
   * Sorted day offsets, one per event: uniform over the span minus 0..2 long gaps (months in which
   * nothing happens), with some events pulled onto the previous event's day.
   */
  private static int[] schedule(Random random, int events, int spanDays) {
    int[] gapStart = new int[0];
    int[] gapLength = new int[0];
    int gaps = 0;
    if (spanDays >= 200 && random.nextInt(100) < 40) {
      int count = 1 + random.nextInt(2);
      gapLength = new int[count];
      for (int i = 0; i < count; i++) {
        gapLength[i] = Math.min(45 + random.nextInt(120), spanDays / 6);
        gaps += gapLength[i];
      }
    }
    int effective = spanDays - gaps;
    if (gapLength.length > 0) {
      gapStart = new int[gapLength.length];
      for (int i = 0; i < gapStart.length; i++) {
        gapStart[i] = 1 + random.nextInt(Math.max(1, effective - 1));
      }
      Arrays.sort(gapStart);
    }
    int[] days = new int[events];
    for (int i = 0; i < events; i++) {
      days[i] = random.nextInt(effective + 1);
    }
    Arrays.sort(days);
    days[0] = 0;
    for (int i = 1; i < events; i++) {
      if (random.nextInt(100) < 15) {
        days[i] = days[i - 1];
      }
    }
    for (int i = 0; i < events; i++) {
      int shift = 0;
      for (int g = 0; g < gapStart.length && days[i] >= gapStart[g]; g++) {
        shift += gapLength[g];
      }
      days[i] += shift;
    }
    return days;
  }

  /** The clock: the day of the next in-order event. */
  private void tick() {
    today = formedOn.plusDays(schedule[Math.min(out.size(), schedule.length - 1)]);
  }

  private boolean full() {
    return out.size() >= target;
  }

  /**
   * Today, or for a share of records a day up to {@link #BACKFILL_DAYS} earlier but not before
   * {@code floor}.
   */
  private LocalDate maybeBackfilled(LocalDate floor) {
    if (random.nextInt(100) < BACKFILL_PERCENT) {
      return someDayBefore(today, floor);
    }
    return today;
  }

  /** A day in [max(floor, day - BACKFILL_DAYS), day), or {@code day} when that range is empty. */
  private LocalDate someDayBefore(LocalDate day, LocalDate floor) {
    LocalDate low = later(floor, day.minusDays(BACKFILL_DAYS));
    long room = ChronoUnit.DAYS.between(low, day);
    return room <= 0 ? day : low.plusDays(random.nextInt((int) room));
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private void emit(PartnershipEvent event) {
    record(partnershipId.value(), partnershipSequence++, event);
  }

  private void emit(Project project, ProjectEvent event) {
    record(project.id.value(), project.sequence++, event);
  }

  /**
   * Sequence numbers start at 0 per aggregate, as Axon's do; recordedAt is strictly increasing, in
   * office hours of the clock's day when it can be.
   */
  private void record(String aggregateId, long sequence, PartnershipEvent event) {
    position++;
    long candidate = today.toEpochDay() * 86_400 + 8 * 3600 + random.nextInt(10 * 3600);
    recordedSecond =
        candidate > recordedSecond ? candidate : recordedSecond + 1 + random.nextInt(90);
    out.add(
        new RecordedEvent(
            partnershipId.value() + "-e" + position,
            aggregateId,
            sequence,
            position,
            Instant.ofEpochSecond(recordedSecond),
            event,
            recorder()));
  }

  /**
   * The organisation that recorded an event: one of the current partners, or, for one event in
   * five, none (as before envelopes said). Derived from the position, so the random stream, and
   * with it every history, stays as it was.
   */
  private String recorder() {
    if (current.isEmpty() || position % 5 == 0) {
      return null;
    }
    return current.get((int) (position % current.size())).id.value();
  }

  // ---------------------------------------------------------------- partners

  static final class Org {
    final OrganisationId id;
    final String name;
    final Sector sector;
    final List<PersonId> people = new ArrayList<>();
    LocalDate joinedOn;

    Org(OrganisationId id, String name, Sector sector) {
      this.id = id;
      this.name = name;
      this.sector = sector;
    }
  }

  /** 2..6 founders: one public-sector body, usually a university, sometimes a private firm. */
  private List<Org> founders() {
    int count = 2 + random.nextInt(5);
    List<Org> founders = new ArrayList<>();
    founders.add(
        newOrg(
            random.nextInt(100) < 65
                ? Sector.LOCAL_AUTHORITY
                : OTHER_PUBLIC[random.nextInt(OTHER_PUBLIC.length)]));
    if (random.nextInt(100) < 85) {
      founders.add(newOrg(Sector.UNIVERSITY));
    }
    if (founders.size() < count && random.nextInt(100) < 25) {
      founders.add(newOrg(Sector.PRIVATE));
    }
    Sector[] sectors = Sector.values();
    while (founders.size() < count) {
      founders.add(newOrg(sectors[random.nextInt(sectors.length)]));
    }
    shuffle(founders);
    return founders;
  }

  /**
   * Organisation ids come from a small pool per sector, so that organisations recur across
   * partnerships.
   */
  private Org newOrg(Sector sector) {
    String prefix =
        switch (sector) {
          case LOCAL_AUTHORITY -> "la";
          case UNIVERSITY -> "uni";
          case HEALTH -> "nhs";
          case POLICE -> "police";
          case THIRD_SECTOR -> "vcs";
          case PRIVATE -> "ltd";
          case CENTRAL_GOVERNMENT -> "gov";
        };
    String noun =
        switch (sector) {
          case LOCAL_AUTHORITY -> "County Council";
          case UNIVERSITY -> "University";
          case HEALTH -> "NHS Trust";
          case POLICE -> "Police";
          case THIRD_SECTOR -> "Community Trust";
          case PRIVATE -> "Analytics Ltd";
          case CENTRAL_GOVERNMENT -> "Government Office";
        };
    String id;
    int number;
    do {
      number = 1 + random.nextInt(40);
      id = prefix + "-" + number;
    } while (!usedOrganisationIds.add(id));
    return new Org(OrganisationId.of(id), noun + " " + number, sector);
  }

  private void join(Org org) {
    org.joinedOn = today;
    current.add(org);
    former.remove(org);
    emit(new PartnerJoined(partnershipId, org.id, org.name, org.sector, today));
  }

  /**
   * As the Partnership aggregate does: vacate the leaver's held roles, in role id order, then
   * PartnerLeft.
   */
  private void leave(Org org) {
    roles.stream()
        .filter(role -> role.org == org && role.holder != null)
        .sorted((a, b) -> a.id.value().compareTo(b.id.value()))
        .forEach(
            role -> {
              emit(
                  new RoleVacated(
                      partnershipId, role.id, role.holder, RoleChangeReason.PARTNER_LEFT, today));
              role.holder = null;
            });
    current.remove(org);
    former.add(org);
    emit(
        new PartnerLeft(
            partnershipId,
            org.id,
            org.name,
            org.sector,
            today,
            random.nextBoolean() ? null : "Capacity withdrawn"));
  }

  private void membershipChange() {
    List<Org> leavers = current.stream().filter(this::mayLeave).toList();
    int roll = random.nextInt(100);
    if (roll < 45 && current.size() > 2 && !leavers.isEmpty()) {
      leave(pick(leavers));
    } else if (roll < 85 && !former.isEmpty() && current.size() < MAX_CURRENT_PARTNERS) {
      join(pick(former));
    } else if (current.size() < MAX_CURRENT_PARTNERS) {
      Sector[] sectors = Sector.values();
      join(newOrg(sectors[random.nextInt(sectors.length)]));
    } else {
      meeting();
    }
  }

  /** Keep a public-sector partner, so that the public-sector figures (L3) always have a subject. */
  private boolean mayLeave(Org org) {
    return !org.sector.isPublicSector()
        || current.stream().filter(o -> o.sector.isPublicSector()).count() > 1;
  }

  private PersonId newPerson(Org org) {
    PersonId person = PersonId.of("p-" + ++people);
    org.people.add(person);
    return person;
  }

  /** Someone of the organisation other than {@code not}: often a colleague seen before. */
  private PersonId personOf(Org org, PersonId not) {
    if (!org.people.isEmpty() && random.nextInt(100) < 40) {
      PersonId known = pick(org.people);
      if (!known.equals(not)) {
        return known;
      }
    }
    return newPerson(org);
  }

  // ---------------------------------------------------------------- roles

  static final class Role {
    final RoleId id;
    final RoleType type;
    final Org org;
    PersonId holder;

    Role(RoleId id, RoleType type, Org org) {
      this.id = id;
      this.type = type;
      this.org = org;
    }
  }

  private void designateNewRole(RoleType type) {
    Org org =
        switch (type) {
          case ACADEMIC_LEAD -> preferring(o -> o.sector == Sector.UNIVERSITY);
          case DATA_OWNER, ANALYST_LEAD, PROJECT_SPONSOR ->
              preferring(o -> o.sector.isPublicSector());
          default -> pick(current);
        };
    Role role = new Role(RoleId.of("r-" + (roles.size() + 1)), type, org);
    roles.add(role);
    designate(role);
  }

  private Org preferring(java.util.function.Predicate<Org> preferred) {
    List<Org> matching = current.stream().filter(preferred).toList();
    return matching.isEmpty() || random.nextInt(100) < 15 ? pick(current) : pick(matching);
  }

  private void designate(Role role) {
    role.holder = personOf(role.org, null);
    emit(new RoleDesignated(partnershipId, role.id, role.type, role.org.id, role.holder, today));
  }

  private void roleChange() {
    List<Role> held = roles.stream().filter(r -> r.holder != null).toList();
    // Only a vacant role of a current partner can be designated again (the aggregate checks the
    // organisation).
    List<Role> vacant =
        roles.stream().filter(r -> r.holder == null && current.contains(r.org)).toList();
    int roll = random.nextInt(100);
    if (roll < 40 && !held.isEmpty()) {
      Role role = pick(held);
      PersonId to = personOf(role.org, role.holder);
      emit(
          new RoleReassigned(
              partnershipId, role.id, role.holder, to, pick(VOLUNTARY_REASONS), today));
      role.holder = to;
    } else if (roll < 60 && !held.isEmpty()) {
      Role role = pick(held);
      emit(new RoleVacated(partnershipId, role.id, role.holder, pick(VOLUNTARY_REASONS), today));
      role.holder = null;
    } else if (roll < 90 && !vacant.isEmpty()) {
      designate(pick(vacant));
    } else if (roles.size() < MAX_ROLES) {
      designateNewRole(pick(RoleType.values()));
    } else {
      meeting();
    }
  }

  // ---------------------------------------------------------------- interactions

  private void step() {
    int roll = random.nextInt(1000);
    // Meetings ~2/3 of all events, counting those held while projects wait.
    if (roll < 615) {
      meeting();
    } else if (roll < 665) {
      pulseSurvey();
    } else if (roll < 690) {
      quickWin();
    } else if (roll < 730) {
      roleChange();
    } else if (roll < 742) {
      membershipChange();
    } else {
      projectActivity();
    }
  }

  private void meeting() {
    MeetingType type = meetingTypes.draw();
    Org host = pick(current);
    int attendances = 1 + random.nextInt(4);
    List<Attendance> attendees = new ArrayList<>(attendances);
    LocalDate floor = host.joinedOn;
    for (int i = 0; i < attendances; i++) {
      Org org = pick(current);
      AttendeeLevel level = levels.draw();
      // One line per (organisation, level): a duplicate would merely split a count.
      if (attendees.stream()
          .noneMatch(a -> a.organisationId().equals(org.id) && a.level() == level)) {
        attendees.add(new Attendance(org.id, level, 1 + random.nextInt(5)));
        floor = later(floor, org.joinedOn);
      }
    }
    ProjectId projectId = null;
    if (!projects.isEmpty() && random.nextInt(100) < 25) {
      Project project = pick(projects);
      projectId = project.id;
      floor = later(floor, project.proposedOn);
    }
    int duration =
        switch (type) {
          case ON_SITE_WORK_DAY -> 300 + random.nextInt(241);
          case SOCIAL -> 60 + random.nextInt(121);
          default ->
              random.nextInt(50) == 0
                  ? 1 + random.nextInt(24 * 60)
                  : DURATIONS[random.nextInt(DURATIONS.length)];
        };
    // A meeting recorded late is dated after its participants (re)joined, as it would have happened
    // then.
    emit(
        new MeetingHeld(
            partnershipId,
            MeetingId.of("mt-" + ++meetings),
            type,
            maybeBackfilled(floor),
            duration,
            host.id,
            attendees,
            projectId));
  }

  private void pulseSurvey() {
    Org respondent = pick(current);
    Org about;
    do {
      about = pick(current);
    } while (about == respondent);
    emit(
        new PulseSurveyAnswered(
            partnershipId,
            respondent.id,
            about.id,
            1 + random.nextInt(5),
            maybeBackfilled(later(respondent.joinedOn, about.joinedOn))));
  }

  private void quickWin() {
    Org beneficiary = pick(current);
    LocalDate floor = beneficiary.joinedOn;
    ProjectId projectId = null;
    if (!projects.isEmpty() && random.nextBoolean()) {
      Project project = pick(projects);
      projectId = project.id;
      floor = later(floor, project.proposedOn);
    }
    BigDecimal saving =
        random.nextInt(100) < 40 ? null : BigDecimal.valueOf(random.nextInt(5_000_000), 2);
    emit(
        new QuickWinDelivered(
            partnershipId,
            QuickWinId.of("qw-" + ++quickWins),
            projectId,
            pick(QUICK_WINS) + " for " + beneficiary.name,
            maybeBackfilled(floor),
            beneficiary.id,
            saving));
  }

  // ---------------------------------------------------------------- projects

  enum Status {
    PROPOSED,
    STARTED,
    COMPLETED,
    ABANDONED
  }

  /**
   * What will become of a milestone, decided when it is planned so the mix does not depend on event
   * density.
   */
  enum Fate {
    ON_TIME,
    LATE,
    MISSED,
    LEFT_OPEN
  }

  static final class Milestone {
    final MilestoneId id;
    final LocalDate plannedOn;
    final Fate fate;
    LocalDate dueOn;

    /** The day its fate is recorded (for ON_TIME: achieved; never for LEFT_OPEN). */
    LocalDate settlesOn;

    boolean rescheduled;

    Milestone(MilestoneId id, LocalDate plannedOn, LocalDate dueOn, Fate fate) {
      this.id = id;
      this.plannedOn = plannedOn;
      this.dueOn = dueOn;
      this.fate = fate;
    }
  }

  static final class Project {
    final ProjectId id;
    final LocalDate proposedOn;
    final List<Org> providers;
    final Deck<MilestoneHorizon> horizons;
    final int maxMilestones;
    final List<Milestone> milestones = new ArrayList<>();
    final List<Milestone> openMilestones = new ArrayList<>();
    final Set<Org> signedCurrentVersion = new HashSet<>();
    long sequence;
    Status status = Status.PROPOSED;
    int dsaVersion;
    boolean dsaExpired;
    LocalDate startedOn;

    Project(ProjectId id, LocalDate proposedOn, List<Org> providers, Random random) {
      this.id = id;
      this.proposedOn = proposedOn;
      this.providers = providers;
      this.horizons = new Deck<>(MilestoneHorizon.values(), random);
      this.maxMilestones = 2 + random.nextInt(5);
    }

    boolean allSigned() {
      return dsaVersion > 0 && !dsaExpired && signedCurrentVersion.containsAll(providers);
    }
  }

  /**
   * Advances an open project; when the one picked is only waiting for its milestones' days, starts
   * another or the partners meet.
   */
  private void projectActivity() {
    if (open.isEmpty() || (open.size() < 3 && random.nextInt(100) < 12)) {
      propose();
    } else if (!advance(pick(open))) {
      // Projects take calendar time, so a busier partnership runs more of them at once.
      if (open.size() < 4 + target / 250 && random.nextInt(100) < 40) {
        propose();
      } else {
        meeting();
      }
    }
  }

  private void propose() {
    List<Org> providers = new ArrayList<>();
    providers.add(pick(current));
    if (random.nextInt(100) < 45) {
      Org second = pick(current);
      if (second != providers.get(0)) {
        providers.add(second);
      }
    }
    String area = pick(AREAS);
    Project project =
        new Project(
            ProjectId.of(projectIdBase + "-p" + (projects.size() + 1)), today, providers, random);
    projects.add(project);
    open.add(project);
    emit(
        project,
        new ProjectProposed(
            partnershipId,
            project.id,
            "Tackling " + area,
            "How can the partners' linked data help with " + area + "?",
            providers.stream().map(o -> o.id).toList(),
            today));
  }

  private static final int DRAFT = 0,
      REVISE = 1,
      SIGN = 2,
      EXPIRE = 3,
      START = 4,
      PLAN = 5,
      RESCHEDULE = 6,
      SETTLE = 7,
      COMPLETE = 8,
      ABANDON = 9,
      WAIT = 10;

  /**
   * One step of a project's life that the Project aggregate would accept now, by weight; false when
   * the project only waits for its milestones to settle.
   */
  private boolean advance(Project p) {
    int[] weights = new int[11];
    List<Org> signers =
        p.dsaVersion > 0 && !p.dsaExpired
            ? p.providers.stream()
                .filter(o -> current.contains(o) && !p.signedCurrentVersion.contains(o))
                .toList()
            : List.of();
    boolean canPlan = p.milestones.size() < p.maxMilestones;
    if (p.status == Status.PROPOSED) {
      weights[DRAFT] = p.dsaVersion == 0 ? 50 : 0;
      weights[REVISE] = p.dsaVersion == 0 ? 0 : p.dsaExpired ? 40 : p.dsaVersion < 4 ? 15 : 4;
      weights[SIGN] = signers.isEmpty() ? 0 : 40;
      weights[EXPIRE] = p.dsaVersion > 0 && !p.dsaExpired ? 3 : 0;
      // Starting unsigned is the 'warn' policy: rarer, but it must occur (L1 flags it).
      weights[START] = p.allSigned() ? 40 : p.dsaVersion > 0 ? 3 : 1;
      weights[PLAN] = canPlan ? 12 : 0;
      weights[ABANDON] = 1;
    } else {
      boolean settling = false;
      boolean pending = false;
      boolean unrescheduled = false;
      for (Milestone m : p.openMilestones) {
        settling |= m.fate != Fate.LEFT_OPEN && !m.settlesOn.isAfter(today);
        pending |= m.fate != Fate.LEFT_OPEN;
        unrescheduled |= !m.rescheduled;
      }
      weights[REVISE] = p.dsaVersion > 0 ? 1 : 0;
      weights[SIGN] = signers.isEmpty() ? 0 : 2;
      weights[EXPIRE] = p.dsaVersion > 0 && !p.dsaExpired ? 1 : 0;
      weights[PLAN] = canPlan ? 25 : 0;
      weights[RESCHEDULE] = unrescheduled ? 3 : 0;
      weights[SETTLE] = settling ? 60 : 0;
      // Completed once nothing is pending; milestones left open stay planned in the read models.
      weights[COMPLETE] = !pending && !canPlan ? 30 : 0;
      weights[ABANDON] = 1;
      weights[WAIT] = pending && !settling && !canPlan ? 60 : 0;
    }
    switch (choose(weights)) {
      case DRAFT -> {
        p.dsaVersion = 1;
        emit(p, new DataSharingAgreementDrafted(partnershipId, p.id, 1, dsaAuthor(p), today));
      }
      case REVISE -> {
        p.dsaVersion++;
        p.dsaExpired = false;
        p.signedCurrentVersion.clear();
        emit(
            p,
            new DataSharingAgreementRevised(
                partnershipId, p.id, p.dsaVersion, dsaAuthor(p), today));
      }
      case SIGN -> {
        Org signer = pick(signers);
        p.signedCurrentVersion.add(signer);
        emit(
            p, new DataSharingAgreementSigned(partnershipId, p.id, p.dsaVersion, signer.id, today));
      }
      case EXPIRE -> {
        p.dsaExpired = true;
        p.signedCurrentVersion.clear();
        emit(p, new DataSharingAgreementExpired(partnershipId, p.id, p.dsaVersion, today));
      }
      case START -> {
        boolean signed = p.allSigned();
        p.status = Status.STARTED;
        p.startedOn = today;
        emit(p, new ProjectStarted(partnershipId, p.id, today, signed));
      }
      case PLAN -> plan(p);
      case RESCHEDULE -> reschedule(p);
      case SETTLE -> settle(p);
      case COMPLETE ->
          close(
              p,
              Status.COMPLETED,
              new ProjectCompleted(partnershipId, p.id, today, "Findings adopted by the partners"));
      case ABANDON ->
          close(
              p,
              Status.ABANDONED,
              new ProjectAbandoned(partnershipId, p.id, today, "Data could not be shared in time"));
      case WAIT -> {
        return false;
      }
      default -> throw new IllegalStateException();
    }
    return true;
  }

  /**
   * Drafts and revisions come from providers or any other partner, so some agreements are
   * co-written.
   */
  private OrganisationId dsaAuthor(Project p) {
    List<Org> providers = p.providers.stream().filter(current::contains).toList();
    return (providers.isEmpty() || random.nextInt(100) < 45 ? pick(current) : pick(providers)).id;
  }

  private void plan(Project p) {
    MilestoneHorizon horizon = p.horizons.draw();
    int days =
        switch (horizon) {
          case QUICK_WIN_3_WEEKS -> 7 + random.nextInt(15);
          case SHORT_1_2_MONTHS -> 30 + random.nextInt(31);
          case MEDIUM_6_MONTHS -> 150 + random.nextInt(60);
          case LONG -> 250 + random.nextInt(300);
        };
    int roll = random.nextInt(100);
    Fate fate =
        roll < 55 ? Fate.ON_TIME : roll < 80 ? Fate.LATE : roll < 92 ? Fate.MISSED : Fate.LEFT_OPEN;
    // Ids restart at m1 in every project: milestone ids are unique per project only.
    Milestone m =
        new Milestone(
            MilestoneId.of("m" + (p.milestones.size() + 1)), today, today.plusDays(days), fate);
    m.settlesOn = settlingDay(m);
    p.milestones.add(m);
    p.openMilestones.add(m);
    emit(
        p,
        new MilestonePlanned(
            partnershipId, p.id, m.id, pick(MILESTONE_TITLES), horizon, m.dueOn, today));
  }

  /**
   * On time: by the due day; late: up to two months after it; missed: declared up to a month after
   * it.
   */
  private LocalDate settlingDay(Milestone m) {
    return switch (m.fate) {
      case ON_TIME -> {
        long room = ChronoUnit.DAYS.between(today, m.dueOn);
        yield room <= 0 ? m.dueOn : today.plusDays(1 + random.nextInt((int) room));
      }
      case LATE -> m.dueOn.plusDays(1 + random.nextInt(60));
      case MISSED -> m.dueOn.plusDays(1 + random.nextInt(30));
      case LEFT_OPEN -> null;
    };
  }

  private void reschedule(Project p) {
    Milestone m = pick(p.openMilestones.stream().filter(o -> !o.rescheduled).toList());
    LocalDate previous = m.dueOn;
    LocalDate next =
        random.nextInt(100) < 15
            ? previous.minusDays(1 + random.nextInt(14))
            : previous.plusDays(7 + random.nextInt(84));
    if (next.isBefore(today)) {
      next = previous.plusDays(7 + random.nextInt(28));
    }
    m.dueOn = next;
    m.rescheduled = true;
    if (m.fate != Fate.LEFT_OPEN) {
      m.settlesOn = settlingDay(m);
    }
    emit(
        p,
        new MilestoneRescheduled(
            partnershipId,
            p.id,
            m.id,
            previous,
            next,
            today,
            random.nextBoolean() ? null : "Data arrived late"));
  }

  /**
   * Records the fate of a milestone whose day has come. When the history is sparse, that day may be
   * well past: the achievement is then recorded late, dated on its settling day (never before the
   * milestone was planned or the project started), so on-time achievements stay on time.
   */
  private void settle(Project p) {
    Milestone m =
        pick(
            p.openMilestones.stream()
                .filter(o -> o.fate != Fate.LEFT_OPEN && !o.settlesOn.isAfter(today))
                .toList());
    p.openMilestones.remove(m);
    if (m.fate == Fate.MISSED) {
      emit(
          p,
          new MilestoneMissed(
              partnershipId,
              p.id,
              m.id,
              m.dueOn,
              today,
              random.nextBoolean() ? null : "Analyst left"));
      return;
    }
    LocalDate achievedOn = today;
    if (m.fate == Fate.ON_TIME && today.isAfter(m.dueOn)) {
      LocalDate day = later(m.settlesOn, later(m.plannedOn, p.startedOn));
      achievedOn = day.isAfter(today) ? today : day;
    }
    emit(p, new MilestoneAchieved(partnershipId, p.id, m.id, m.dueOn, achievedOn));
  }

  private void close(Project p, Status status, ProjectEvent event) {
    p.status = status;
    open.remove(p);
    emit(p, event);
  }

  // ---------------------------------------------------------------- randomness

  private int choose(int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int roll = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return i;
      }
    }
    throw new IllegalStateException();
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  private <T> T pick(T[] items) {
    return items[random.nextInt(items.length)];
  }

  private <T> void shuffle(List<T> items) {
    for (int i = items.size() - 1; i > 0; i--) {
      items.set(i, items.set(random.nextInt(i + 1), items.get(i)));
    }
  }

  private <T> void shuffle(T[] items) {
    for (int i = items.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
  }

  /**
   * Draws every value once per round, in a fresh random order each round: every value shows up
   * early.
   */
  static final class Deck<T> {
    private final T[] cards;
    private final Random random;
    private int next;

    Deck(T[] cards, Random random) {
      this.cards = cards.clone();
      this.random = random;
    }

    T draw() {
      if (next == 0) {
        for (int i = cards.length - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          T t = cards[i];
          cards[i] = cards[j];
          cards[j] = t;
        }
      }
      T card = cards[next];
      next = (next + 1) % cards.length;
      return card;
    }
  }
}
