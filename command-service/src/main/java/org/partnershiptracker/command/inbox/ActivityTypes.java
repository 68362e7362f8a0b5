package org.partnershiptracker.command.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.partnershiptracker.command.partnership.web.PartnershipRequests;
import org.partnershiptracker.command.project.web.ProjectRequests;
import org.partnershiptracker.events.value.MeetingId;
import org.partnershiptracker.events.value.MilestoneId;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;
import org.partnershiptracker.events.value.QuickWinId;
import org.partnershiptracker.events.value.RoleId;

/**
 * The inbox's contract: each CloudEvent {@code type} (versioned) is one HTTP command a recorder may
 * give, its {@code data} is that endpoint's JSON body (the same request record, read and validated
 * the same way), its {@code subject} the partnership. The endpoint's other path variables are
 * CloudEvent extension attributes ({@code projectid}, {@code milestoneid}, {@code roleid}, {@code
 * organisationid}), so that {@code data} stays exactly the HTTP body. Forming a partnership, adding
 * a partner and closing one are an admin's and not in the inbox.
 */
public final class ActivityTypes {
  /** Prefix of every type. */
  public static final String PREFIX = "org.partnershiptracker.";

  public static final String PROJECT_ID = "projectid";
  public static final String MILESTONE_ID = "milestoneid";
  public static final String ROLE_ID = "roleid";
  public static final String ORGANISATION_ID = "organisationid";

  /** What a record names beside its data: the partnership, the path's other ids, new ids. */
  public interface Target {
    PartnershipId partnership();

    /** An extension attribute holding an id; an invalid record if missing or malformed. */
    <I> I attribute(String name, Function<String, I> idOf);

    /**
     * The id the data gives, or one derived from the record's source and id: the same record always
     * creates the same id.
     */
    <I> I orNew(I given, Function<String, I> idOf, String prefix);
  }

  /** The command a record asks for, and the ids its outcome names (name/id pairs). */
  public record Dispatch(Object command, Object... idPairs) {}

  /** How a request and its record's target become a command. */
  @FunctionalInterface
  public interface Translation<R> {
    Dispatch apply(R request, Target target);
  }

  /**
   * One activity: its CloudEvent type, the request record its data is read as, the HTTP endpoint it
   * mirrors (for the contract) and the extension attributes it needs.
   */
  public record ActivityType<R>(
      String type,
      Class<R> request,
      String httpPath,
      List<String> attributes,
      Translation<R> translation) {
    @SuppressWarnings("unchecked")
    public Dispatch dispatch(Object request, Target target) {
      return translation.apply((R) request, target);
    }
  }

  private static final Map<String, ActivityType<?>> TYPES = new LinkedHashMap<>();

  private static final String PARTNERSHIP = "/api/partnerships/{partnershipId}";
  private static final String PROJECT = PARTNERSHIP + "/projects/{projectId}";
  private static final String MILESTONE = PROJECT + "/milestones/{milestoneId}";

  static {
    add(
        "partner.left.v1",
        PartnershipRequests.Leave.class,
        PARTNERSHIP + "/partners/{organisationId}/departure",
        List.of(ORGANISATION_ID),
        (r, t) -> {
          OrganisationId organisation = t.attribute(ORGANISATION_ID, OrganisationId::of);
          return new Dispatch(
              r.toCommand(t.partnership(), organisation), "organisationId", organisation);
        });
    add(
        "role.designated.v1",
        PartnershipRequests.Designate.class,
        PARTNERSHIP + "/roles",
        List.of(),
        (r, t) -> {
          RoleId role = t.orNew(r.roleId(), RoleId::of, "role");
          return new Dispatch(r.toCommand(t.partnership(), role), "roleId", role);
        });
    add(
        "role.reassigned.v1",
        PartnershipRequests.Reassign.class,
        PARTNERSHIP + "/roles/{roleId}/reassignment",
        List.of(ROLE_ID),
        (r, t) -> {
          RoleId role = t.attribute(ROLE_ID, RoleId::of);
          return new Dispatch(r.toCommand(t.partnership(), role), "roleId", role);
        });
    add(
        "role.vacated.v1",
        PartnershipRequests.Vacate.class,
        PARTNERSHIP + "/roles/{roleId}/vacancy",
        List.of(ROLE_ID),
        (r, t) -> {
          RoleId role = t.attribute(ROLE_ID, RoleId::of);
          return new Dispatch(r.toCommand(t.partnership(), role), "roleId", role);
        });
    add(
        "meeting.recorded.v1",
        PartnershipRequests.Meeting.class,
        PARTNERSHIP + "/meetings",
        List.of(),
        (r, t) -> {
          MeetingId meeting = t.orNew(r.meetingId(), MeetingId::of, "meeting");
          return new Dispatch(r.toCommand(t.partnership(), meeting), "meetingId", meeting);
        });
    add(
        "quick-win.recorded.v1",
        PartnershipRequests.QuickWin.class,
        PARTNERSHIP + "/quick-wins",
        List.of(),
        (r, t) -> {
          QuickWinId win = t.orNew(r.quickWinId(), QuickWinId::of, "quick-win");
          return new Dispatch(r.toCommand(t.partnership(), win), "quickWinId", win);
        });
    add(
        "pulse-survey.answered.v1",
        PartnershipRequests.PulseSurvey.class,
        PARTNERSHIP + "/pulse-surveys",
        List.of(),
        (r, t) -> new Dispatch(r.toCommand(t.partnership())));
    add(
        "project.proposed.v1",
        ProjectRequests.Propose.class,
        PARTNERSHIP + "/projects",
        List.of(),
        (r, t) -> {
          ProjectId project = t.orNew(r.projectId(), ProjectId::of, "project");
          return new Dispatch(r.toCommand(t.partnership(), project), "projectId", project);
        });
    add(
        "dsa.drafted.v1",
        ProjectRequests.AgreementStep.class,
        PROJECT + "/dsa/drafts",
        List.of(PROJECT_ID),
        (r, t) -> onProject(t, project -> r.toDraft(t.partnership(), project)));
    add(
        "dsa.revised.v1",
        ProjectRequests.AgreementStep.class,
        PROJECT + "/dsa/revisions",
        List.of(PROJECT_ID),
        (r, t) -> onProject(t, project -> r.toRevision(t.partnership(), project)));
    add(
        "dsa.signed.v1",
        ProjectRequests.AgreementStep.class,
        PROJECT + "/dsa/signatures",
        List.of(PROJECT_ID),
        (r, t) -> onProject(t, project -> r.toSignature(t.partnership(), project)));
    add(
        "dsa.expired.v1",
        ProjectRequests.Expire.class,
        PROJECT + "/dsa/expiry",
        List.of(PROJECT_ID),
        (r, t) -> onProject(t, project -> r.toCommand(t.partnership(), project)));
    add(
        "project.started.v1",
        ProjectRequests.Start.class,
        PROJECT + "/start",
        List.of(PROJECT_ID),
        (r, t) -> onProject(t, project -> r.toCommand(t.partnership(), project)));
    add(
        "milestone.planned.v1",
        ProjectRequests.Plan.class,
        PROJECT + "/milestones",
        List.of(PROJECT_ID),
        (r, t) -> {
          ProjectId project = t.attribute(PROJECT_ID, ProjectId::of);
          MilestoneId milestone = t.orNew(r.milestoneId(), MilestoneId::of, "milestone");
          return new Dispatch(
              r.toCommand(t.partnership(), project, milestone),
              "projectId",
              project,
              "milestoneId",
              milestone);
        });
    add(
        "milestone.achieved.v1",
        ProjectRequests.Achieve.class,
        MILESTONE + "/achievement",
        List.of(PROJECT_ID, MILESTONE_ID),
        (r, t) -> onMilestone(t, (p, m) -> r.toCommand(t.partnership(), p, m)));
    add(
        "milestone.missed.v1",
        ProjectRequests.Miss.class,
        MILESTONE + "/miss",
        List.of(PROJECT_ID, MILESTONE_ID),
        (r, t) -> onMilestone(t, (p, m) -> r.toCommand(t.partnership(), p, m)));
    add(
        "milestone.rescheduled.v1",
        ProjectRequests.Reschedule.class,
        MILESTONE + "/reschedule",
        List.of(PROJECT_ID, MILESTONE_ID),
        (r, t) -> onMilestone(t, (p, m) -> r.toCommand(t.partnership(), p, m)));
    add(
        "project.completed.v1",
        ProjectRequests.Complete.class,
        PROJECT + "/completion",
        List.of(PROJECT_ID),
        (r, t) -> onProject(t, project -> r.toCommand(t.partnership(), project)));
    add(
        "project.abandoned.v1",
        ProjectRequests.Abandon.class,
        PROJECT + "/abandonment",
        List.of(PROJECT_ID),
        (r, t) -> onProject(t, project -> r.toCommand(t.partnership(), project)));
  }

  private ActivityTypes() {}

  private static <R> void add(
      String name,
      Class<R> request,
      String httpPath,
      List<String> attributes,
      Translation<R> translation) {
    String type = PREFIX + name;
    TYPES.put(type, new ActivityType<>(type, request, httpPath, attributes, translation));
  }

  private static Dispatch onProject(Target t, Function<ProjectId, Object> command) {
    ProjectId project = t.attribute(PROJECT_ID, ProjectId::of);
    return new Dispatch(command.apply(project), "projectId", project);
  }

  private static Dispatch onMilestone(
      Target t, java.util.function.BiFunction<ProjectId, MilestoneId, Object> command) {
    ProjectId project = t.attribute(PROJECT_ID, ProjectId::of);
    MilestoneId milestone = t.attribute(MILESTONE_ID, MilestoneId::of);
    return new Dispatch(
        command.apply(project, milestone), "projectId", project, "milestoneId", milestone);
  }

  public static Optional<ActivityType<?>> of(String type) {
    return Optional.ofNullable(TYPES.get(type));
  }

  /** Every type, in the contract's order. */
  public static List<ActivityType<?>> all() {
    return List.copyOf(TYPES.values());
  }
}
