package org.partnershiptracker.query.partnership.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
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
import org.partnershiptracker.events.value.MilestoneHorizon;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.ProjectId;
import org.partnershiptracker.events.value.RoleType;
import org.partnershiptracker.events.value.Sector;

/**
 * What was true of a partnership on a given day: its structure (partners, roles, projects,
 * milestones, quick wins), folded from its events whose business date is on or before that day, and
 * its {@link Activity} (meetings and surveys). The read models are formulas over these facts.
 *
 * <p>{@link #of(List, LocalDate)} folds every event: the reference. The materialised read models
 * fold only the structural events ({@link #fold}) and hand in their stored activity.
 */
public final class PartnershipFacts {
  public record Partner(String organisationId, String name, Sector sector) {}

  public record Role(String roleId, RoleType type, String organisationId, String holder) {}

  public record Project(
      String projectId,
      String title,
      List<String> dataProviders,
      Set<String> editors,
      LocalDate startedOn,
      boolean signedBeforeStart,
      LocalDate closedOn) {
    public boolean activeOn(LocalDate day) {
      return startedOn != null
          && !startedOn.isAfter(day)
          && (closedOn == null || closedOn.isAfter(day));
    }

    /**
     * Drafts and revisions came from two or more organisations: an inclusive, co-written DSA (L1).
     */
    public boolean coWritten() {
      return editors.size() >= 2;
    }

    /** The facts that change after a project is proposed, changed in one place. */
    Project with(
        Set<String> editors, LocalDate startedOn, boolean signedBeforeStart, LocalDate closedOn) {
      return new Project(
          projectId, title, dataProviders, editors, startedOn, signedBeforeStart, closedOn);
    }

    /** This project with one more organisation among those who drafted or revised its DSA. */
    Project withEditor(String organisationId) {
      Set<String> more = new LinkedHashSet<>(editors);
      more.add(organisationId);
      return with(Set.copyOf(more), startedOn, signedBeforeStart, closedOn);
    }

    Project closed(LocalDate on) {
      return with(editors, startedOn, signedBeforeStart, on);
    }
  }

  /**
   * A milestone. {@code dueOn} is the due date in force; {@code originalDueOn} the one it was
   * planned with, which a reschedule does not move (I2: a milestone cannot be made "on time" by
   * moving its date).
   */
  public record Milestone(
      String milestoneId,
      String projectId,
      String title,
      MilestoneHorizon horizon,
      LocalDate originalDueOn,
      LocalDate dueOn,
      LocalDate plannedOn,
      LocalDate achievedOn,
      LocalDate missedOn) {
    public LocalDate closedOn() {
      return achievedOn != null ? achievedOn : missedOn;
    }

    /**
     * Achieved on or before the date it was planned to be due: the read side's one definition of
     * "on time".
     */
    public boolean achievedOnTime() {
      return achievedOn != null && !achievedOn.isAfter(originalDueOn);
    }

    /** Achieved late, but by the date it was rescheduled to. */
    public boolean achievedLateAsRescheduled() {
      return achievedOn != null && !achievedOnTime() && !achievedOn.isAfter(dueOn);
    }

    /** The same milestone, open, due on {@code due}; or closed on a day against that due date. */
    Milestone with(LocalDate due, LocalDate achieved, LocalDate missed) {
      return new Milestone(
          milestoneId, projectId, title, horizon, originalDueOn, due, plannedOn, achieved, missed);
    }
  }

  /**
   * A role of a partner designated, reassigned or vacated. It changed hands when it was reassigned,
   * or designated again after it fell vacant (L2: both are a change of hands).
   */
  public record RoleChange(
      EventRef event, String roleId, RoleType type, String organisationId, boolean changeOfHands) {
    public LocalDate on() {
      return event.on();
    }
  }

  /** A partner that left, and when. */
  public record Departure(String organisationId, LocalDate leftOn, EventRef event) {}

  private String partnershipId;
  private String name;
  private LocalDate formedOn;
  private boolean closed;
  private final Map<String, Partner> partners = new LinkedHashMap<>();
  private final Map<String, String> organisationNames = new LinkedHashMap<>();
  private final Map<String, Role> roles = new LinkedHashMap<>();
  private final List<RoleChange> roleChanges = new ArrayList<>();
  private final List<Departure> departures = new ArrayList<>();
  private final List<Traced<QuickWinDelivered>> quickWins = new ArrayList<>();
  private final Map<String, Project> projects = new LinkedHashMap<>();

  /** Per project: its agreement's drafts, revisions, signatures and expiry, and its start (L1). */
  private final Map<String, List<EventRef>> projectEvents = new LinkedHashMap<>();

  /** Keyed by project and milestone id: milestone ids are unique per project only. */
  private final Map<String, Milestone> milestones = new LinkedHashMap<>();

  /** Per milestone (same keys): its planning, reschedules, and achievement or miss (I2). */
  private final Map<String, List<EventRef>> milestoneEvents = new LinkedHashMap<>();

  private Activity activity;
  private String lens;

  private PartnershipFacts() {}

  /** The reference: every event of the partnership, in store order, folded as of the day. */
  public static PartnershipFacts of(List<RecordedEvent> events, LocalDate asOf) {
    List<Traced<PartnershipEvent>> structural = new ArrayList<>();
    List<Traced<MeetingHeld>> meetings = new ArrayList<>();
    List<Traced<PulseSurveyAnswered>> surveys = new ArrayList<>();
    String partnershipId = null;
    for (RecordedEvent recorded : events) {
      PartnershipEvent event = recorded.event();
      partnershipId = event.partnershipId().value();
      if (event.occurredOn().isAfter(asOf)) {
        continue;
      }
      String id = recorded.eventId();
      String by = recorded.recordedByOrganisation();
      if (event instanceof MeetingHeld meeting) {
        meetings.add(Traced.of(id, by, meeting));
      } else if (event instanceof PulseSurveyAnswered survey) {
        surveys.add(Traced.of(id, by, survey));
      } else {
        structural.add(Traced.of(recorded));
      }
    }
    return fold(partnershipId, structural, asOf, new FoldedActivity(meetings, surveys));
  }

  /**
   * Whether an event is part of a partnership's activity (meetings, surveys) rather than its
   * structure.
   */
  public static boolean isActivity(PartnershipEvent event) {
    return event instanceof MeetingHeld || event instanceof PulseSurveyAnswered;
  }

  /**
   * Folds the structural events (in store order; activity events are ignored) whose business date
   * is on or before the day, beside the given activity.
   */
  public static PartnershipFacts fold(
      String partnershipId,
      List<Traced<PartnershipEvent>> structural,
      LocalDate asOf,
      Activity activity) {
    PartnershipFacts facts = new PartnershipFacts();
    facts.partnershipId = partnershipId;
    facts.activity = activity;
    for (Traced<PartnershipEvent> traced : structural) {
      PartnershipEvent event = traced.event();
      if (!isActivity(event) && !event.occurredOn().isAfter(asOf)) {
        facts.apply(event, traced.ref());
      }
    }
    return facts;
  }

  /**
   * The same structure beside another activity: a folded structure can so serve several requests.
   */
  public PartnershipFacts withActivity(Activity other) {
    PartnershipFacts copy = shell(other, lens);
    copy.partners.putAll(partners);
    copy.roles.putAll(roles);
    copy.roleChanges.addAll(roleChanges);
    copy.departures.addAll(departures);
    copy.quickWins.addAll(quickWins);
    copy.projects.putAll(projects);
    copy.projectEvents.putAll(projectEvents);
    copy.milestones.putAll(milestones);
    copy.milestoneEvents.putAll(milestoneEvents);
    return copy;
  }

  /**
   * The partnership's identity and names, beside an activity and seen from a lens: what every copy
   * shares.
   */
  private PartnershipFacts shell(Activity withActivity, String seenFrom) {
    PartnershipFacts copy = new PartnershipFacts();
    copy.partnershipId = partnershipId;
    copy.name = name;
    copy.formedOn = formedOn;
    copy.closed = closed;
    copy.lens = seenFrom;
    copy.activity = withActivity;
    copy.organisationNames.putAll(organisationNames);
    return copy;
  }

  private static String milestoneKey(String projectId, String milestoneId) {
    return projectId + "/" + milestoneId;
  }

  private void apply(PartnershipEvent event, EventRef ref) {
    if (event instanceof PartnershipFormed e) {
      name = e.name();
      formedOn = e.formedOn();
    } else if (event instanceof PartnerJoined e) {
      partners.put(
          e.organisationId().value(),
          new Partner(e.organisationId().value(), e.organisationName(), e.sector()));
      organisationNames.put(e.organisationId().value(), e.organisationName());
    } else if (event instanceof PartnerLeft e) {
      partners.remove(e.organisationId().value());
      departures.add(new Departure(e.organisationId().value(), e.leftOn(), ref));
    } else if (event instanceof RoleDesignated e) {
      // Only a vacant role is designated again: it changes hands.
      roleChanges.add(
          new RoleChange(
              ref,
              e.roleId().value(),
              e.roleType(),
              e.organisationId().value(),
              roles.containsKey(e.roleId().value())));
      roles.put(
          e.roleId().value(),
          new Role(
              e.roleId().value(), e.roleType(), e.organisationId().value(), e.personId().value()));
    } else if (event instanceof RoleReassigned e) {
      Role role = roles.get(e.roleId().value());
      if (role != null) {
        roleChanges.add(roleChange(ref, role, true));
      }
      roles.computeIfPresent(
          e.roleId().value(),
          (id, r) -> new Role(id, r.type(), r.organisationId(), e.toPersonId().value()));
    } else if (event instanceof RoleVacated e) {
      Role role = roles.get(e.roleId().value());
      if (role != null) {
        roleChanges.add(roleChange(ref, role, false));
      }
      roles.computeIfPresent(
          e.roleId().value(), (id, r) -> new Role(id, r.type(), r.organisationId(), null));
    } else if (event instanceof QuickWinDelivered e) {
      quickWins.add(new Traced<>(e, ref));
    } else if (event instanceof PartnershipClosed) {
      closed = true;
    } else {
      applyProjectEvent(event);
      traceProjectEvent(event, ref);
    }
  }

  private static RoleChange roleChange(EventRef ref, Role role, boolean changeOfHands) {
    return new RoleChange(
        ref.concerning(List.of(role.organisationId())),
        role.roleId(),
        role.type(),
        role.organisationId(),
        changeOfHands);
  }

  /**
   * Keeps a known project's agreement events and start (L1's evidence), and a known milestone's
   * events (I2's), each naming the project's data providers when it names no organisation itself.
   */
  private void traceProjectEvent(PartnershipEvent event, EventRef ref) {
    if (!(event instanceof ProjectEvent e) || !projects.containsKey(e.projectId().value())) {
      return;
    }
    Project project = projects.get(e.projectId().value());
    EventRef named = ref.concerning(project.dataProviders());
    if (event instanceof DataSharingAgreementDrafted
        || event instanceof DataSharingAgreementRevised
        || event instanceof DataSharingAgreementSigned
        || event instanceof DataSharingAgreementExpired
        || event instanceof ProjectStarted) {
      projectEvents.computeIfAbsent(project.projectId(), id -> new ArrayList<>()).add(named);
    }
    String milestoneKey = milestoneKeyOf(event);
    if (milestoneKey != null && milestones.containsKey(milestoneKey)) {
      milestoneEvents.computeIfAbsent(milestoneKey, k -> new ArrayList<>()).add(named);
    }
  }

  private static String milestoneKeyOf(PartnershipEvent event) {
    if (event instanceof MilestonePlanned e) {
      return milestoneKey(e.projectId().value(), e.milestoneId().value());
    } else if (event instanceof MilestoneRescheduled e) {
      return milestoneKey(e.projectId().value(), e.milestoneId().value());
    } else if (event instanceof MilestoneAchieved e) {
      return milestoneKey(e.projectId().value(), e.milestoneId().value());
    } else if (event instanceof MilestoneMissed e) {
      return milestoneKey(e.projectId().value(), e.milestoneId().value());
    }
    return null;
  }

  private void applyProjectEvent(PartnershipEvent event) {
    if (event instanceof ProjectProposed e) {
      projects.put(
          e.projectId().value(),
          new Project(
              e.projectId().value(),
              e.title(),
              e.dataProviderOrganisationIds().stream().map(OrganisationId::value).toList(),
              Set.of(),
              null,
              false,
              null));
    } else if (event instanceof DataSharingAgreementDrafted e) {
      changeProject(e.projectId(), p -> p.withEditor(e.byOrganisationId().value()));
    } else if (event instanceof DataSharingAgreementRevised e) {
      changeProject(e.projectId(), p -> p.withEditor(e.byOrganisationId().value()));
    } else if (event instanceof ProjectStarted e) {
      changeProject(
          e.projectId(),
          p -> p.with(p.editors(), e.startedOn(), e.dsaSignedByAllProviders(), null));
    } else if (event instanceof ProjectCompleted e) {
      changeProject(e.projectId(), p -> p.closed(e.completedOn()));
    } else if (event instanceof ProjectAbandoned e) {
      changeProject(e.projectId(), p -> p.closed(e.abandonedOn()));
    } else if (event instanceof MilestonePlanned e) {
      milestones.put(
          milestoneKey(e.projectId().value(), e.milestoneId().value()),
          new Milestone(
              e.milestoneId().value(),
              e.projectId().value(),
              e.title(),
              e.horizon(),
              e.dueOn(),
              e.dueOn(),
              e.plannedOn(),
              null,
              null));
    } else if (event instanceof MilestoneRescheduled e) {
      milestones.computeIfPresent(
          milestoneKey(e.projectId().value(), e.milestoneId().value()),
          (key, m) -> m.with(e.newDueOn(), null, null));
    } else if (event instanceof MilestoneAchieved e) {
      milestones.computeIfPresent(
          milestoneKey(e.projectId().value(), e.milestoneId().value()),
          (key, m) -> m.with(e.dueOn(), e.achievedOn(), null));
    } else if (event instanceof MilestoneMissed e) {
      milestones.computeIfPresent(
          milestoneKey(e.projectId().value(), e.milestoneId().value()),
          (key, m) -> m.with(e.dueOn(), null, e.missedOn()));
    }
    // Signatures and expiry are settled in ProjectStarted.dsaSignedByAllProviders, which L1 reads.
  }

  /** Events of a project this partnership does not know (not proposed in it) change nothing. */
  private void changeProject(ProjectId projectId, UnaryOperator<Project> change) {
    projects.computeIfPresent(projectId.value(), (id, p) -> change.apply(p));
  }

  /**
   * The same facts seen from one partner: the interactions it hosted or attended, its roles, the
   * projects it provides data to, the quick wins it benefited from and the surveys it answered or
   * was rated in. Partnership-wide formulas applied to these give that partner's profile.
   */
  public PartnershipFacts seenBy(String organisationId) {
    PartnershipFacts lens = shell(activity.seenBy(organisationId), organisationId);
    if (partners.containsKey(organisationId)) {
      lens.partners.put(organisationId, partners.get(organisationId));
    }
    Predicate<Role> ownRole = role -> role.organisationId().equals(organisationId);
    roles.values().stream().filter(ownRole).forEach(role -> lens.roles.put(role.roleId(), role));
    roleChanges.stream()
        .filter(h -> h.organisationId().equals(organisationId))
        .forEach(lens.roleChanges::add);
    departures.stream()
        .filter(d -> d.organisationId().equals(organisationId))
        .forEach(lens.departures::add);
    quickWins.stream()
        .filter(q -> q.event().beneficiaryOrganisationId().value().equals(organisationId))
        .forEach(lens.quickWins::add);
    projects.values().stream()
        .filter(p -> p.dataProviders().contains(organisationId))
        .forEach(p -> lens.projects.put(p.projectId(), p));
    projectEvents.forEach(
        (id, events) -> {
          if (lens.projects.containsKey(id)) {
            lens.projectEvents.put(id, events);
          }
        });
    milestones.forEach(
        (key, m) -> {
          if (lens.projects.containsKey(m.projectId())) {
            lens.milestones.put(key, m);
            lens.milestoneEvents.put(key, milestoneEvents.getOrDefault(key, List.of()));
          }
        });
    return lens;
  }

  public String partnershipId() {
    return partnershipId;
  }

  public String name() {
    return name;
  }

  public LocalDate formedOn() {
    return formedOn;
  }

  public boolean closed() {
    return closed;
  }

  public Map<String, Partner> partners() {
    return partners;
  }

  public Map<String, Role> roles() {
    return roles;
  }

  /**
   * Roles designated, reassigned and vacated, in order; those that changed hands (reassigned, or
   * designated again after a vacancy) say so.
   */
  public List<RoleChange> roleChanges() {
    return roleChanges;
  }

  /** Partners that left, in order (one may have joined again since). */
  public List<Departure> departures() {
    return departures;
  }

  public Activity activity() {
    return activity;
  }

  /**
   * The organisation these facts are seen from ({@link #seenBy}), or null for the whole
   * partnership.
   */
  public String lens() {
    return lens;
  }

  public List<QuickWinDelivered> quickWins() {
    return Traced.events(quickWins);
  }

  /** The quick wins with their references. */
  public List<Traced<QuickWinDelivered>> tracedQuickWins() {
    return quickWins;
  }

  /**
   * A project's agreement drafts, revisions, signatures and expiry and its start, in store order.
   */
  public List<EventRef> projectEvents(String projectId) {
    return projectEvents.getOrDefault(projectId, List.of());
  }

  /** A milestone's planning, reschedules, and achievement or miss, in store order. */
  public List<EventRef> milestoneEvents(Milestone milestone) {
    return milestoneEvents.getOrDefault(
        milestoneKey(milestone.projectId(), milestone.milestoneId()), List.of());
  }

  public Map<String, Project> projects() {
    return projects;
  }

  public Map<String, Milestone> milestones() {
    return milestones;
  }

  public String organisationName(String organisationId) {
    return organisationNames.getOrDefault(organisationId, organisationId);
  }
}
