package org.partnershiptracker.infra.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.partnershiptracker.infra.issuer.ClientCredentials;

/**
 * The demo partnership, loaded through the public command API: two county councils and a university
 * over about 18 months ending today, as the research tells it. North County Council co-writes the
 * data sharing agreements, hosts a weekly on-site work day, meets the academics' showcases with its
 * analysts and gets quick wins at 3 weeks, 2 months and 6 months. South County Council sends its
 * leaders to quarterly steering meetings, starts a project without a signed agreement, loses its
 * point of contact in a restructure and drops out of contact for months. The two councils end with
 * visibly different trust-building profiles.
 *
 * <p>Run: {@code DemoPartnership <command-service base URL> <issuer URL> <issuer data dir>}. It
 * signs in as the demo's clients of the local issuer (client credentials): the admin forms the
 * partnership and adds the partners; each council's system signs, answers surveys and registers its
 * own people; the university's recorder records the rest. Every request carries an Idempotency-Key,
 * so loading twice records nothing twice. The command-service must run with {@code
 * tracker.policy.dsa-before-start=warn} for the South project that starts unsigned. With {@code
 * DEMO_INBOX_BOOTSTRAP_SERVERS}, {@code DEMO_INBOX_USERNAME} and {@code DEMO_INBOX_PASSWORD} (North
 * County Council's council-system Kafka user) in the environment, the meetings North hosted are
 * published through the activity inbox instead, as North's calendar system would ({@link
 * InboxCalendar}), and it waits for their outcomes.
 */
public final class DemoPartnership {
  public static final String ID = "demo-shire";
  private static final Pattern PERSON_ID = Pattern.compile("\"personId\"\\s*:\\s*\"([^\"]+)\"");
  private static final String NORTH = "north-council";
  private static final String SOUTH = "south-council";
  private static final String UNI = "shire-university";

  private final HttpClient http = HttpClient.newHttpClient();
  private final String api;
  private final String people;
  private final Map<String, String> personIds = new HashMap<>();
  private final LocalDate start;
  private int sent;

  private final java.util.function.Function<String, String> tokenOf;
  private final Map<String, String> tokens = new HashMap<>();
  // North's calendar system, when the stack has the activity inbox: North's meetings go there.
  private InboxCalendar calendar;

  DemoPartnership(
      String baseUrl, LocalDate today, java.util.function.Function<String, String> tokenOf) {
    this.tokenOf = tokenOf;
    this.api = baseUrl + "/api/partnerships";
    this.people = baseUrl + "/api/people";
    this.start = today.minusDays(540);
  }

  public static void main(String[] args) throws Exception {
    String baseUrl = args.length > 0 ? args[0] : "http://localhost:8081";
    String issuer = args.length > 1 ? args[1] : "http://localhost:9000";
    java.nio.file.Path issuerData =
        java.nio.file.Path.of(args.length > 2 ? args[2] : "data/issuer");
    DemoPartnership demo =
        new DemoPartnership(
            baseUrl,
            LocalDate.now(),
            client -> ClientCredentials.token(issuer, issuerData, client));
    if (demo.alreadyLoaded()) {
      System.out.println("The demo partnership '" + ID + "' is already loaded.");
      return;
    }
    demo.calendar = InboxCalendar.fromEnvironment(NORTH);
    demo.load();
    System.out.println("Loaded the demo partnership '" + ID + "' with " + demo.sent + " commands.");
    if (demo.calendar != null) {
      long started = System.nanoTime();
      demo.calendar.publishAndAwait(java.time.Duration.ofMinutes(2));
      System.out.printf(
          "Published %d of its meetings (those North hosted) through the activity inbox as North's"
              + " calendar system (%s on partnership.activity.inbox.%s): all recorded, outcomes"
              + " read back in %.1f s.%n",
          demo.calendar.size(), InboxCalendar.SOURCE, NORTH, (System.nanoTime() - started) / 1e9);
    }
  }

  boolean alreadyLoaded() throws IOException, InterruptedException {
    HttpResponse<String> history =
        http.send(
            HttpRequest.newBuilder(URI.create(api + "/" + ID + "/history"))
                .header("Authorization", bearer(ADMIN_CLIENT))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return history.statusCode() == 200;
  }

  private String day(int offset) {
    return start.plusDays(offset).toString();
  }

  void load() throws Exception {
    post(
        "",
        """
        {"partnershipId":"%s","name":"Shire councils and university data partnership",
         "sharedVision":"Use shared data to anticipate demand for care and support children early","formedOn":"%s"}
        """
            .formatted(ID, day(0)));
    partner(NORTH, "North County Council", "LOCAL_AUTHORITY");
    partner(SOUTH, "South County Council", "LOCAL_AUTHORITY");
    partner(UNI, "Shire University", "UNIVERSITY");

    // L2: boundary spanners and points of contact designated early...
    role("north-spanner", "BOUNDARY_SPANNER", NORTH, "person-n01", 5);
    role("north-contact", "POINT_OF_CONTACT", NORTH, "person-n02", 5);
    role("south-spanner", "BOUNDARY_SPANNER", SOUTH, "person-s01", 5);
    role("south-contact", "POINT_OF_CONTACT", SOUTH, "person-s02", 5);
    role("uni-spanner", "BOUNDARY_SPANNER", UNI, "person-u01", 5);
    role("uni-lead", "ACADEMIC_LEAD", UNI, "person-u02", 5);
    meeting(
        "ALIGNMENT_WORKSHOP",
        10,
        UNI,
        List.of(NORTH + ":SENIOR_LEADER:2", SOUTH + ":SENIOR_LEADER:2", UNI + ":ACADEMIC:3"));

    // L1: a co-written agreement, revised back and forth, signed before the start.
    project(
        "care-demand",
        "Adult social care demand forecasting",
        "Forecast home-care demand a year ahead by district",
        List.of(NORTH, SOUTH),
        15);
    dsa("care-demand", "drafts", UNI, 20);
    dsa("care-demand", "revisions", NORTH, 30);
    dsa("care-demand", "revisions", SOUTH, 38);
    dsa("care-demand", "revisions", UNI, 45);
    dsa("care-demand", "signatures", NORTH, 50);
    dsa("care-demand", "signatures", SOUTH, 52);
    post("/projects/care-demand/start", "{\"startedOn\":\"%s\"}".formatted(day(55)));
    milestone(
        "care-demand", "care-first-model", "First district model", "QUICK_WIN_3_WEEKS", 55, 76);
    milestone(
        "care-demand", "care-pilot", "Pilot with one district team", "SHORT_1_2_MONTHS", 55, 115);
    milestone(
        "care-demand",
        "care-countywide",
        "County-wide forecast in use",
        "MEDIUM_6_MONTHS",
        55,
        235);
    post(
        "/projects/care-demand/milestones/care-first-model/achievement",
        "{\"achievedOn\":\"%s\"}".formatted(day(75)));
    post(
        "/projects/care-demand/milestones/care-pilot/achievement",
        "{\"achievedOn\":\"%s\"}".formatted(day(128)));
    post(
        "/projects/care-demand/milestones/care-countywide/reschedule",
        "{\"newDueOn\":\"%s\",\"rescheduledOn\":\"%s\",\"reason\":\"South data extract delayed by the restructure\"}"
            .formatted(day(300), day(230)));
    post(
        "/projects/care-demand/milestones/care-countywide/miss",
        "{\"missedOn\":\"%s\",\"reason\":\"South County Council data never arrived\"}"
            .formatted(day(305)));

    // ...and a South project started without a signed agreement (allowed only under 'warn').
    project(
        "school-readiness",
        "School readiness early warning",
        "Spot children at risk of not being school-ready",
        List.of(SOUTH),
        140);
    dsa("school-readiness", "drafts", UNI, 150);
    post("/projects/school-readiness/start", "{\"startedOn\":\"%s\"}".formatted(day(160)));
    milestone(
        "school-readiness", "school-first-list", "First risk list", "QUICK_WIN_3_WEEKS", 160, 181);
    post(
        "/projects/school-readiness/milestones/school-first-list/miss",
        "{\"missedOn\":\"%s\",\"reason\":\"no data sharing agreement\"}".formatted(day(190)));

    // A North project agreed by North alone, kept on time.
    project(
        "highways",
        "Highway defect prediction",
        "Predict potholes from inspection records",
        List.of(NORTH),
        200);
    dsa("highways", "drafts", NORTH, 205);
    dsa("highways", "revisions", UNI, 212);
    dsa("highways", "signatures", NORTH, 215);
    post("/projects/highways/start", "{\"startedOn\":\"%s\"}".formatted(day(220)));
    milestone("highways", "highways-model", "Defect model validated", "SHORT_1_2_MONTHS", 220, 280);
    post(
        "/projects/highways/milestones/highways-model/achievement",
        "{\"achievedOn\":\"%s\"}".formatted(day(275)));
    milestone(
        "highways",
        "highways-rollout",
        "Model used to plan inspections",
        "MEDIUM_6_MONTHS",
        220,
        560);

    // I2: quick wins at 3 weeks, 2 months and 6 months, and since.
    quickWin("Delayed-discharge dashboard", NORTH, 21, "18000");
    quickWin("Care-home vacancy tracker", NORTH, 60, "25000");
    quickWin("Home-care demand forecast for one district", NORTH, 180, "60000");
    quickWin("Pothole hotspot map", NORTH, 300, "40000");
    quickWin("Inspection schedule optimiser", NORTH, 520, "35000");
    quickWin("School-place projection spreadsheet", SOUTH, 120, null);

    // L5: monthly catch-ups, with a long gap when the restructure hit (days 250-370).
    for (int d = 14; d < 540; d += 30) {
      if (d >= 250 && d <= 370) {
        continue;
      }
      List<String> attendees =
          new ArrayList<>(List.of(UNI + ":RESEARCHER:2", NORTH + ":MIDDLE_MANAGER:2"));
      if (d < 400) {
        attendees.add(SOUTH + ":SENIOR_LEADER:1");
      }
      meeting("CATCH_UP", d, UNI, attendees);
    }
    // Weekly on-site work days at North from the start of the first project; none at South.
    for (int d = 57; d < 540; d += 7) {
      if (d >= 250 && d <= 300) {
        continue;
      }
      meeting("ON_SITE_WORK_DAY", d, NORTH, List.of(UNI + ":RESEARCHER:2", NORTH + ":ANALYST:4"));
    }
    // Quarterly steering with South's leaders, until the restructure.
    for (int d = 40; d < 400; d += 90) {
      meeting("STEERING", d, SOUTH, List.of(SOUTH + ":SENIOR_LEADER:2", UNI + ":ACADEMIC:1"));
    }
    // L4: showcases that won North's analysts over.
    for (int d : new int[] {90, 200, 330, 450, 500}) {
      meeting("SHOWCASE", d, UNI, List.of(NORTH + ":ANALYST:8", UNI + ":ACADEMIC:2"));
    }
    meeting("SHOWCASE", 92, UNI, List.of(SOUTH + ":SENIOR_LEADER:2", UNI + ":ACADEMIC:2"));
    // Social cohesion, North and the university.
    for (int d : new int[] {100, 230, 420, 510}) {
      meeting("SOCIAL", d, NORTH, List.of(NORTH + ":ANALYST:6", UNI + ":RESEARCHER:3"));
    }
    meeting("TRAINING", 470, UNI, List.of(NORTH + ":ANALYST:10", UNI + ":ACADEMIC:2"));

    // The restructure: role holders change; South's point of contact leaves and is not replaced.
    reassign("north-spanner", "person-n01", "person-n03", 310);
    reassign("south-spanner", "person-s01", "person-s03", 310);
    post(
        "/roles/south-contact/vacancy",
        "{\"reason\":\"RESTRUCTURE\",\"vacatedOn\":\"%s\"}".formatted(day(320)));
    reassign("north-contact", "person-n02", "person-n04", 480);

    // Perceived trust each quarter.
    for (int d = 80; d < 540; d += 90) {
      survey(NORTH, UNI, d < 250 ? 4 : 5, d);
      survey(UNI, NORTH, 4, d + 1);
      survey(SOUTH, UNI, d < 250 ? 3 : 2, d + 2);
      survey(UNI, SOUTH, 2, d + 3);
    }
  }

  private void partner(String id, String name, String sector) throws Exception {
    post(
        "/partners",
        """
        {"organisationId":"%s","organisationName":"%s","sector":"%s","joinedOn":"%s"}\
        """
            .formatted(id, name, sector, day(0)));
  }

  private void role(String roleId, String type, String organisation, String person, int on)
      throws Exception {
    post(
        "/roles",
        """
        {"roleId":"%s","roleType":"%s","organisationId":"%s","personId":"%s","designatedOn":"%s"}\
        """
            .formatted(roleId, type, organisation, personId(person, organisation), day(on)));
  }

  /**
   * The pseudonymous id of a demo person, registered on first use: events carry only that id, the
   * name stays in the people register.
   */
  private String personId(String person, String organisation) throws Exception {
    String known = personIds.get(person);
    if (known != null) {
      return known;
    }
    sent++;
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(people))
                .header("Authorization", bearer(systemOf(organisation)))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"displayName\":\"Demo %s\",\"organisationId\":\"%s\"}"
                            .formatted(person, organisation)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher id = PERSON_ID.matcher(response.body());
    if (response.statusCode() != 201 || !id.find()) {
      throw new IllegalStateException(
          "registering demo person "
              + person
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    personIds.put(person, id.group(1));
    return id.group(1);
  }

  private void reassign(String roleId, String from, String to, int on) throws Exception {
    post(
        "/roles/" + roleId + "/reassignment",
        """
        {"fromPersonId":"%s","toPersonId":"%s","reason":"RESTRUCTURE","reassignedOn":"%s"}\
        """
            .formatted(personIds.get(from), personId(to, organisationOf(roleId)), day(on)));
  }

  /** Attendees as "organisation:LEVEL:count". */
  private void meeting(String type, int on, String host, List<String> attendees) throws Exception {
    List<String> groups =
        attendees.stream()
            .map(a -> a.split(":"))
            .map(
                a ->
                    "{\"organisationId\":\"%s\",\"level\":\"%s\",\"count\":%s}"
                        .formatted(a[0], a[1], a[2]))
            .toList();
    String meetingId = "%s-%s-%d".formatted(type.toLowerCase().replace('_', '-'), host, on);
    String body =
        """
        {"meetingId":"%s","type":"%s","heldOn":"%s","durationMinutes":%d,"hostOrganisationId":"%s","attendees":[%s]}\
        """
            .formatted(
                meetingId,
                type,
                day(on),
                type.equals("ON_SITE_WORK_DAY") ? 420 : 90,
                host,
                String.join(",", groups));
    if (calendar != null && host.equals(calendar.organisation())) {
      calendar.meeting(meetingId, day(on), body);
    } else {
      post("/meetings", body);
    }
  }

  private void project(String id, String title, String problem, List<String> providers, int on)
      throws Exception {
    post(
        "/projects",
        """
        {"projectId":"%s","title":"%s","problemStatement":"%s","dataProviderOrganisationIds":[%s],"proposedOn":"%s"}\
        """
            .formatted(
                id,
                title,
                problem,
                String.join(",", providers.stream().map(p -> "\"" + p + "\"").toList()),
                day(on)));
  }

  private void dsa(String project, String step, String by, int on) throws Exception {
    post(
        "/projects/" + project + "/dsa/" + step,
        "{\"byOrganisationId\":\"%s\",\"on\":\"%s\"}".formatted(by, day(on)));
  }

  private void milestone(
      String project, String id, String title, String horizon, int plannedOn, int dueOn)
      throws Exception {
    post(
        "/projects/" + project + "/milestones",
        """
        {"milestoneId":"%s","title":"%s","horizon":"%s","dueOn":"%s","plannedOn":"%s"}\
        """
            .formatted(id, title, horizon, day(dueOn), day(plannedOn)));
  }

  private void quickWin(String title, String beneficiary, int on, String savingGbp)
      throws Exception {
    post(
        "/quick-wins",
        """
        {"quickWinId":"win-%d","title":"%s","deliveredOn":"%s","beneficiaryOrganisationId":"%s"%s}\
        """
            .formatted(
                on,
                title,
                day(on),
                beneficiary,
                savingGbp == null ? "" : ",\"estimatedSavingGbp\":" + savingGbp));
  }

  private void survey(String respondent, String about, int trust, int on) throws Exception {
    post(
        "/pulse-surveys",
        """
        {"respondentOrganisationId":"%s","aboutOrganisationId":"%s","trust":%d,"answeredOn":"%s"}\
        """
            .formatted(respondent, about, trust, day(on)));
  }

  private static final String ADMIN_CLIENT = "demo-admin";
  private static final Pattern ACTING =
      Pattern.compile("\"(?:byOrganisationId|respondentOrganisationId)\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern DEPARTURE = Pattern.compile("/partners/([^/]+)/departure");

  /**
   * Who sends a step: the admin forms the partnership and adds partners; an organisation's own
   * system gives what an organisation gives only for itself; the university's recorder the rest.
   */
  private static String clientFor(String path, String json) {
    if (path.isEmpty() || path.equals("/partners")) {
      return ADMIN_CLIENT;
    }
    Matcher departure = DEPARTURE.matcher(path);
    if (departure.find()) {
      return systemOf(departure.group(1));
    }
    Matcher acting = ACTING.matcher(json);
    return acting.find() ? systemOf(acting.group(1)) : systemOf(UNI);
  }

  private static String systemOf(String organisation) {
    return organisation.equals(UNI) ? "uni-recorder-system" : organisation + "-system";
  }

  private String bearer(String client) {
    return "Bearer " + tokens.computeIfAbsent(client, tokenOf);
  }

  private void post(String path, String json) throws Exception {
    sent++;
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(api + (path.isEmpty() ? "" : "/" + ID + path)))
                .header("Authorization", bearer(clientFor(path, json)))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "demo-" + ID + "-" + sent)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          "demo step "
              + sent
              + " (POST "
              + path
              + ") answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
  }

  private static String organisationOf(String roleId) {
    return roleId.startsWith("north") ? NORTH : roleId.startsWith("south") ? SOUTH : UNI;
  }
}
