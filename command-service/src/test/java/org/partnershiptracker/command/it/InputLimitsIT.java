package org.partnershiptracker.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnershiptracker.command.it.CommandApi.expectStatus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnershiptracker.infra.security.TokenMint;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Every kind of bad input, sent over real HTTP to each endpoint it applies to: each is refused with
 * a 400 problem naming the field, and nothing is recorded.
 */
@CommandServiceOverHttp
@TestPropertySource(
    properties = {
      "tracker.embedded-postgres.data-dir=target/it-data/input-limits-it",
      "tracker.people.registered-only=false" // a role for "person-7" is among the valid bodies
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputLimitsIT {
  private static final String P = "p-input-" + java.util.UUID.randomUUID();
  private static final String MEETING =
      """
      {"type":"WORKING_SESSION","heldOn":"2025-02-03","durationMinutes":60,\
      "hostOrganisationId":"north-council",\
      "attendees":[{"organisationId":"north-council","level":"ANALYST","count":2}]}\
      """;
  private static final String FORM =
      """
      {"partnershipId":"p-new","name":"New partnership","sharedVision":"Shared data",\
      "formedOn":"2025-01-06"}\
      """;
  private static final String JOIN =
      """
      {"organisationId":"east-council","organisationName":"East Council",\
      "sector":"LOCAL_AUTHORITY","joinedOn":"2025-01-07"}\
      """;
  private static final String DESIGNATE =
      """
      {"roleType":"POINT_OF_CONTACT","organisationId":"north-council","personId":"person-7",\
      "designatedOn":"2025-01-08"}\
      """;
  private static final String QUICK_WIN =
      """
      {"title":"Faster referrals","deliveredOn":"2025-03-01",\
      "beneficiaryOrganisationId":"north-council","estimatedSavingGbp":1200.50}\
      """;
  private static final String PROPOSE =
      """
      {"title":"Housing model","problemStatement":"Which homes need repair first?",\
      "dataProviderOrganisationIds":["north-council"],"proposedOn":"2025-01-10"}\
      """;
  private static final String PLAN =
      """
      {"title":"First model","horizon":"QUICK_WIN_3_WEEKS","dueOn":"2025-02-27",\
      "plannedOn":"2025-02-06"}\
      """;
  private static final String SURVEY =
      """
      {"respondentOrganisationId":"north-council","aboutOrganisationId":"uni","trust":4,\
      "answeredOn":"2025-03-03"}\
      """;

  @LocalServerPort int port;
  CommandApi api;

  @BeforeAll
  void partnership() {
    api = new CommandApi(port);
    api.formPartnershipWithPartners(P);
  }

  static Stream<Arguments> badInputs() {
    String meetings = "/api/partnerships/" + P + "/meetings";
    String partnerships = "/api/partnerships";
    String partners = "/api/partnerships/" + P + "/partners";
    String roles = "/api/partnerships/" + P + "/roles";
    String quickWins = "/api/partnerships/" + P + "/quick-wins";
    String projects = "/api/partnerships/" + P + "/projects";
    String milestones = "/api/partnerships/" + P + "/projects/pr-1/milestones";
    String surveys = "/api/partnerships/" + P + "/pulse-surveys";
    String completion = "/api/partnerships/" + P + "/projects/pr-1/completion";
    String closure = "/api/partnerships/" + P + "/closure";
    return Stream.of(
        bad(
            "a date far in the future",
            meetings,
            MEETING,
            "\"2025-02-03\"",
            "\"9999-12-31\"",
            "heldOn"),
        bad(
            "a date beyond year 9999",
            meetings,
            MEETING,
            "\"2025-02-03\"",
            "\"+999999999-12-31\"",
            "heldOn"),
        bad("a date before 1990", meetings, MEETING, "\"2025-02-03\"", "\"1989-12-31\"", "heldOn"),
        bad(
            "a date written as a number",
            meetings,
            MEETING,
            "\"2025-02-03\"",
            "20250203",
            "heldOn"),
        bad(
            "a date written as an array",
            meetings,
            MEETING,
            "\"2025-02-03\"",
            "[2025,2,3]",
            "heldOn"),
        bad(
            "a date padded with spaces",
            meetings,
            MEETING,
            "\"2025-02-03\"",
            "\" 2025-02-03 \"",
            "heldOn"),
        bad("a fraction for whole minutes", meetings, MEETING, "60,", "60.9,", "durationMinutes"),
        bad(
            "a number written as a string",
            meetings,
            MEETING,
            "60,",
            "\"1e3\",",
            "durationMinutes"),
        bad(
            "a key given twice",
            meetings,
            MEETING,
            "\"heldOn\":\"2025-02-03\",",
            "\"heldOn\":\"x\",\"heldOn\":\"2025-02-03\",",
            "heldOn"),
        bad(
            "an unknown field",
            meetings,
            MEETING,
            "{\"type\"",
            "{\"eventId\":\"forged\",\"type\"",
            "eventId"),
        bad(
            "a million attendees",
            meetings,
            MEETING,
            "\"count\":2",
            "\"count\":1000000",
            "attendees[0].count"),
        bad(
            "more than 10,000 at one meeting",
            meetings,
            MEETING,
            "{\"organisationId\":\"north-council\",\"level\":\"ANALYST\",\"count\":2}",
            "{\"organisationId\":\"north-council\",\"level\":\"ANALYST\",\"count\":6000},"
                + "{\"organisationId\":\"uni\",\"level\":\"ACADEMIC\",\"count\":6000}",
            "attendees"),
        bad("content after the JSON value", meetings, MEETING + " {}", null, null, "body"),
        bad(
            "an id that a spreadsheet evaluates",
            meetings,
            MEETING,
            "\"hostOrganisationId\":\"north-council\"",
            "\"hostOrganisationId\":\"=north\"",
            "hostOrganisationId"),
        bad("a formation in year 1", partnerships, FORM, "2025-01-06", "0001-01-01", "formedOn"),
        bad(
            "a name of zero-width spaces",
            partnerships,
            FORM,
            "New partnership",
            "\\u200B\\u200B",
            "name"),
        bad(
            "a name with NUL",
            partnerships,
            FORM,
            "New partnership",
            "New\\u0000partnership",
            "name"),
        bad(
            "a name with ESC",
            partnerships,
            FORM,
            "New partnership",
            "New\\u001Bpartnership",
            "name"),
        bad(
            "a name with a right-to-left override",
            partnerships,
            FORM,
            "New partnership",
            "New \\u202Epihsrentrap",
            "name"),
        bad(
            "a name with a lone surrogate",
            partnerships,
            FORM,
            "New partnership",
            "New \\uD800 partnership",
            "name"),
        bad("a name that is a number", partnerships, FORM, "\"New partnership\"", "123", "name"),
        bad(
            "an e-mail address in the vision",
            partnerships,
            FORM,
            "Shared data",
            "Ask jane.doe@council.gov.uk",
            "sharedVision"),
        bad(
            "a phone number in the vision",
            partnerships,
            FORM,
            "Shared data",
            "Call 07700 900123",
            "sharedVision"),
        bad("an id starting with '-'", partnerships, FORM, "p-new", "-p-new", "partnershipId"),
        bad(
            "an organisation id starting with '+'",
            partners,
            JOIN,
            "east-council",
            "+east",
            "organisationId"),
        bad(
            "an organisation id with '@'",
            partners,
            JOIN,
            "east-council",
            "@east",
            "organisationId"),
        bad("a person id that is a name", roles, DESIGNATE, "person-7", "Jane.Doe", "personId"),
        bad(
            "a person id with a domain",
            roles,
            DESIGNATE,
            "person-7",
            "jane.doe:example.org",
            "personId"),
        bad("an infinite saving", quickWins, QUICK_WIN, "1200.50", "1e309", "estimatedSavingGbp"),
        bad(
            "a saving over a billion",
            quickWins,
            QUICK_WIN,
            "1200.50",
            "2000000000",
            "estimatedSavingGbp"),
        bad(
            "a saving in fractions of a penny",
            quickWins,
            QUICK_WIN,
            "1200.50",
            "10.123",
            "estimatedSavingGbp"),
        bad(
            "a saving written as a string",
            quickWins,
            QUICK_WIN,
            "1200.50",
            "\"1200\"",
            "estimatedSavingGbp"),
        bad(
            "an NHS number in a title",
            quickWins,
            QUICK_WIN,
            "Faster referrals",
            "Referral of 943 476 5919",
            "title"),
        bad(
            "an e-mail address in a problem statement",
            projects,
            PROPOSE,
            "Which homes need repair first?",
            "Ask a.b@example.org",
            "problemStatement"),
        bad("a milestone due after 2100", milestones, PLAN, "2025-02-27", "2101-01-01", "dueOn"),
        bad(
            "a phone number in an outcome",
            completion,
            "{\"completedOn\":\"2025-06-01\",\"outcome\":\"Ring +44 20 7946 0958\"}",
            null,
            null,
            "outcome"),
        bad(
            "an e-mail address in a reason",
            closure,
            "{\"closedOn\":\"2025-06-01\",\"reason\":\"see x@y.org\"}",
            null,
            null,
            "reason"),
        bad(
            "a trust written as a string",
            surveys,
            SURVEY,
            "\"trust\":4",
            "\"trust\":\"4\"",
            "trust"),
        bad("a fraction of trust", surveys, SURVEY, "\"trust\":4", "\"trust\":4.5", "trust"),
        bad("a boolean for a number", surveys, SURVEY, "\"trust\":4", "\"trust\":true", "trust"));
  }

  /** Each endpoint with a body it accepts, and which of its fields are dates, plans, text, ids. */
  record Endpoint(
      String path,
      String body,
      List<String> factDates,
      List<String> plannedDates,
      List<String> texts,
      List<String> ids) {}

  static List<Endpoint> endpoints(String partnership) {
    String p = "/api/partnerships/" + partnership;
    String project = p + "/projects/pr-1";
    return List.of(
        new Endpoint(
            "/api/partnerships",
            FORM,
            List.of("formedOn"),
            List.of(),
            List.of("name", "sharedVision"),
            List.of("partnershipId")),
        new Endpoint(
            p + "/partners",
            JOIN,
            List.of("joinedOn"),
            List.of(),
            List.of("organisationName"),
            List.of("organisationId")),
        new Endpoint(
            p + "/partners/north-council/departure",
            "{\"leftOn\":\"2025-02-01\",\"reason\":\"Moved on\"}",
            List.of("leftOn"),
            List.of(),
            List.of("reason"),
            List.of()),
        new Endpoint(
            p + "/roles",
            DESIGNATE,
            List.of("designatedOn"),
            List.of(),
            List.of(),
            List.of("organisationId", "personId")),
        new Endpoint(
            p + "/roles/r-1/reassignment",
            "{\"fromPersonId\":\"person-1\",\"toPersonId\":\"person-2\","
                + "\"reason\":\"RESTRUCTURE\",\"reassignedOn\":\"2025-02-01\"}",
            List.of("reassignedOn"),
            List.of(),
            List.of(),
            List.of("fromPersonId", "toPersonId")),
        new Endpoint(
            p + "/roles/r-1/vacancy",
            "{\"reason\":\"RESTRUCTURE\",\"vacatedOn\":\"2025-02-01\"}",
            List.of("vacatedOn"),
            List.of(),
            List.of(),
            List.of()),
        new Endpoint(
            p + "/meetings",
            MEETING,
            List.of("heldOn"),
            List.of(),
            List.of(),
            List.of("hostOrganisationId")),
        new Endpoint(
            p + "/quick-wins",
            QUICK_WIN,
            List.of("deliveredOn"),
            List.of(),
            List.of("title"),
            List.of("beneficiaryOrganisationId")),
        new Endpoint(
            p + "/pulse-surveys",
            SURVEY,
            List.of("answeredOn"),
            List.of(),
            List.of(),
            List.of("respondentOrganisationId", "aboutOrganisationId")),
        new Endpoint(
            p + "/projects",
            PROPOSE,
            List.of("proposedOn"),
            List.of(),
            List.of("title", "problemStatement"),
            List.of()),
        agreementStep(project, "drafts"),
        agreementStep(project, "revisions"),
        agreementStep(project, "signatures"),
        new Endpoint(
            project + "/dsa/expiry",
            "{\"expiredOn\":\"2025-03-01\"}",
            List.of("expiredOn"),
            List.of(),
            List.of(),
            List.of()),
        new Endpoint(
            project + "/start",
            "{\"startedOn\":\"2025-02-01\"}",
            List.of("startedOn"),
            List.of(),
            List.of(),
            List.of()),
        new Endpoint(
            project + "/milestones",
            PLAN,
            List.of("plannedOn"),
            List.of("dueOn"),
            List.of("title"),
            List.of()),
        new Endpoint(
            project + "/milestones/m-1/achievement",
            "{\"achievedOn\":\"2025-03-01\"}",
            List.of("achievedOn"),
            List.of(),
            List.of(),
            List.of()),
        new Endpoint(
            project + "/milestones/m-1/miss",
            "{\"missedOn\":\"2025-03-01\",\"reason\":\"Data late\"}",
            List.of("missedOn"),
            List.of(),
            List.of("reason"),
            List.of()),
        new Endpoint(
            project + "/milestones/m-1/reschedule",
            "{\"newDueOn\":\"2025-04-01\",\"rescheduledOn\":\"2025-03-01\","
                + "\"reason\":\"Data late\"}",
            List.of("rescheduledOn"),
            List.of("newDueOn"),
            List.of("reason"),
            List.of()),
        new Endpoint(
            project + "/completion",
            "{\"completedOn\":\"2025-06-01\",\"outcome\":\"A model in use\"}",
            List.of("completedOn"),
            List.of(),
            List.of("outcome"),
            List.of()),
        new Endpoint(
            project + "/abandonment",
            "{\"abandonedOn\":\"2025-06-01\",\"reason\":\"No data\"}",
            List.of("abandonedOn"),
            List.of(),
            List.of("reason"),
            List.of()),
        new Endpoint(
            p + "/closure",
            "{\"closedOn\":\"2025-06-01\",\"reason\":\"Done\"}",
            List.of("closedOn"),
            List.of(),
            List.of("reason"),
            List.of()),
        new Endpoint(
            "/api/people",
            "{\"displayName\":\"Ann Example\"}",
            List.of(),
            List.of(),
            List.of("displayName"),
            List.of()));
  }

  /** A step of a project's data sharing agreement: the three take the same request. */
  private static Endpoint agreementStep(String project, String step) {
    return new Endpoint(
        project + "/dsa/" + step,
        "{\"byOrganisationId\":\"north-council\",\"on\":\"2025-01-12\"}",
        List.of("on"),
        List.of(),
        List.of(),
        List.of("byOrganisationId"));
  }

  /** For every endpoint, each of its fields given a value of its kind that must be refused. */
  static Stream<Arguments> everyEndpointsFields() {
    List<Arguments> cases = new ArrayList<>();
    for (Endpoint endpoint : endpoints(P)) {
      endpoint.factDates().forEach(f -> cases.add(with(endpoint, f, "\"2999-01-01\"")));
      endpoint.factDates().forEach(f -> cases.add(with(endpoint, f, "\"1989-12-31\"")));
      endpoint.plannedDates().forEach(f -> cases.add(with(endpoint, f, "\"2101-01-01\"")));
      endpoint.texts().forEach(f -> cases.add(with(endpoint, f, "\"write to a.b@example.org\"")));
      endpoint.texts().forEach(f -> cases.add(with(endpoint, f, "\"\\u200B\\u202E\"")));
      endpoint.ids().forEach(f -> cases.add(with(endpoint, f, "\"=SUM(A1)\"")));
      cases.add(with(endpoint, "unexpected", "\"forged\""));
    }
    return cases.stream();
  }

  private static Arguments with(Endpoint endpoint, String field, String json) {
    String body = endpoint.body();
    String key = "\"" + field + "\":";
    int at = body.indexOf(key);
    String bad;
    if (at < 0) {
      bad = "{" + key + json + "," + body.substring(1);
    } else {
      int valueEnd = at + key.length() + valueLength(body, at + key.length());
      bad = body.substring(0, at + key.length()) + json + body.substring(valueEnd);
    }
    return Arguments.of(endpoint.path() + " " + field + "=" + json, endpoint.path(), bad, field);
  }

  /** Length of the JSON string or number starting at {@code from}. */
  private static int valueLength(String body, int from) {
    if (body.charAt(from) == '"') {
      return body.indexOf('"', from + 1) - from + 1;
    }
    int end = from;
    while (end < body.length() && ",}]".indexOf(body.charAt(end)) < 0) {
      end++;
    }
    return end - from;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyEndpointsFields")
  void everyEndpointRefusesBadValuesOfEachOfItsFields(
      String what, String path, String body, String field) {
    badInputIsRefusedNamingTheFieldAndNothingIsRecorded(what, path, body, field);
  }

  @Test
  void everyEndpointsValidBodyIsNotAnInputError() {
    String other = "p-valid-" + java.util.UUID.randomUUID();
    api.formPartnershipWithPartners(other);
    for (Endpoint endpoint : endpoints(other)) {
      CommandApi.Response response =
          api.post(
              endpoint.path(),
              endpoint.body().replace("p-new", "p-" + java.util.UUID.randomUUID()));
      assertThat(response.status())
          .as("%s: %s", endpoint.path(), response.body())
          .isNotEqualTo(400);
    }
  }

  private static Arguments bad(
      String what, String path, String valid, String replace, String with, String field) {
    String body = replace == null ? valid : valid.replace(replace, with);
    if (replace != null && body.equals(valid)) {
      throw new IllegalArgumentException("case '" + what + "' changes nothing");
    }
    return Arguments.of(what, path, body, field);
  }

  @ParameterizedTest(name = "{0} is refused, naming {3}")
  @MethodSource("badInputs")
  void badInputIsRefusedNamingTheFieldAndNothingIsRecorded(
      String what, String path, String body, String field) {
    int before = historySize();

    CommandApi.Response response = api.post(path, body);

    assertThat(response.status()).as("%s: %s", what, response.body()).isEqualTo(400);
    assertThat(response.contentType()).contains("application/problem+json");
    List<String> fields = new ArrayList<>();
    response.body().path("errors").forEach(error -> fields.add(error.path("field").asText()));
    assertThat(fields).as("%s: %s", what, response.body()).contains(field);
    assertThat(historySize()).as("nothing recorded for %s", what).isEqualTo(before);
  }

  @Test
  void theValidBodiesAreRecorded() {
    // The table's bad bodies differ from these by one value each: these go through.
    expectStatus(201, api.post("/api/partnerships/" + P + "/meetings", MEETING));
    expectStatus(201, api.post("/api/partnerships/" + P + "/quick-wins", QUICK_WIN));
    expectStatus(201, api.post("/api/partnerships/" + P + "/pulse-surveys", SURVEY));
    expectStatus(201, api.post("/api/partnerships/" + P + "/roles", DESIGNATE));
  }

  @Test
  void textIsStoredInItsNormalForm() {
    String decomposed = "Cafe\\u0301 meeting"; // e + combining acute accent
    expectStatus(
        201,
        api.post(
            "/api/partnerships/" + P + "/quick-wins",
            QUICK_WIN.replace("Faster referrals", decomposed)));
    JsonNode history = api.history(P);
    List<String> titles = new ArrayList<>();
    history.forEach(entry -> titles.add(entry.path("payload").path("title").asText()));
    assertThat(titles).contains("Caf\u00e9 meeting");
  }

  @Test
  void anOversizedHeaderIsAProblemToo() {
    CommandApi.Response response =
        api.post("/api/partnerships/" + P + "/meetings", MEETING, "k".repeat(100_000));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).contains("application/problem+json");
    assertThat(response.body().path("errors").isArray()).isTrue();
  }

  @Test
  void springsOwnRefusalsAreProblemsNamingWhatWasWrong() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    String base = "http://localhost:" + port + "/api/partnerships/" + P;
    record Case(java.net.http.HttpRequest request, int status, String field) {}
    List<Case> cases =
        List.of(
            new Case(
                withBody("POST", base + "/meetings", "text/plain", MEETING), 415, "Content-Type"),
            new Case(
                withBody("PUT", base + "/meetings", "application/json", MEETING), 405, "method"),
            new Case(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/no-such-thing"))
                    .GET()
                    .build(),
                404,
                "path"),
            new Case(
                withBody(
                    "POST",
                    base + "/meetings",
                    "application/json",
                    MEETING.replace("WORKING_SESSION", "x".repeat(2_000_000))),
                413,
                "body"),
            // Refused by Spring Security's firewall, before any filter of ours.
            new Case(
                withBody("POST", base + ";x/meetings", "application/json", MEETING), 400, "path"),
            new Case(
                withBody("POST", base + "/%2e%2e/meetings", "application/json", MEETING),
                400,
                "path"),
            new Case(
                withBody(
                    "POST",
                    base.replace("/api/partnerships", "/api//partnerships") + "/meetings",
                    "application/json",
                    MEETING),
                400,
                "path"));
    int before = historySize();
    for (Case c : cases) {
      java.net.http.HttpRequest signedIn =
          java.net.http.HttpRequest.newBuilder(c.request(), (name, value) -> true)
              .header(
                  "Authorization",
                  "Bearer " + TokenMint.shared().token("test-operator", "uni", "admin", "recorder"))
              .build();
      java.net.http.HttpResponse<String> response =
          http.send(signedIn, java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(c.request().toString()).isEqualTo(c.status());
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .contains("application/problem+json");
      JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
      assertThat(body.path("errors").path(0).path("field").asText())
          .as(response.body())
          .isEqualTo(c.field());
    }
    assertThat(historySize()).isEqualTo(before);
  }

  /** A request with a body of {@code contentType}, not signed in yet. */
  private static java.net.http.HttpRequest withBody(
      String method, String url, String contentType, String body) {
    return java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
        .header("Content-Type", contentType)
        .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private int historySize() {
    return api.history(P).size();
  }
}
