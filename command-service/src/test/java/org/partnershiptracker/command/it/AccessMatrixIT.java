package org.partnershiptracker.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnershiptracker.command.it.CommandApi.expectStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershiptracker.command.CommandServiceApplication;
import org.partnershiptracker.infra.issuer.IssuerJvm;
import org.partnershiptracker.infra.security.TokenMint;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The issue's acceptance test for access control: every endpoint of the command-service, called
 * over real HTTP with real tokens from the local issuer (in its own JVM), by six kinds of caller —
 * no token, an expired token, a token of another issuer, another organisation, a wrong role and the
 * right caller — gives the documented status; every refusal is problem+json and records nothing.
 * The matrix is printed and written to {@code docs/security/access-matrix.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {
  private static final String A = "p-matrix";
  private static final String B = "p-elsewhere";
  private static final String PA = "/api/partnerships/" + A;
  private static final String PB = "/api/partnerships/" + B;
  private static final String NORTH = "north-council";
  private static final String SOUTH = "south-council";
  private static final String UNI = "shire-university";
  private static final List<String> CALLERS =
      List.of(
          "no token", "expired token", "wrong issuer", "other organisation", "wrong role", "right");

  private final Path runDir = Path.of("target/it-data/access-matrix-" + UUID.randomUUID());
  private IssuerJvm issuer;
  private TokenMint otherIssuer;
  private ConfigurableApplicationContext app;
  private int port;
  private CommandApi anonymous;
  private CommandApi expired;
  private CommandApi wrongIssuer;
  private CommandApi admin;
  private CommandApi north;
  private CommandApi south;
  private CommandApi uni;
  private CommandApi northAnalyst;
  private CommandApi northNoRole;
  private final Map<String, Map<String, String>> matrix = new LinkedHashMap<>();
  private final Map<CommandApi, String> names = new java.util.IdentityHashMap<>();

  @BeforeAll
  void start() throws Exception {
    Files.createDirectories(runDir);
    issuer =
        IssuerJvm.start(
            freePort(),
            runDir.resolve("issuer"),
            "http://localhost:1",
            runDir.resolve("issuer.log"));
    otherIssuer = TokenMint.start();
    app =
        new SpringApplicationBuilder(CommandServiceApplication.class)
            .run(
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuerUrl(),
                "--server.port=0",
                "--tracker.publication.enabled=false",
                "--tracker.people.registered-only=false",
                "--tracker.embedded-postgres.data-dir=" + runDir.resolve("postgres"));
    port = CommandServiceInJvm.port(app);
    CommandApi api = new CommandApi(port);
    anonymous = api.withToken(null);
    expired = api.withToken(expiredToken("demo-admin", UNI, "admin"));
    wrongIssuer = api.withToken(otherIssuer.token("demo-admin", UNI, "admin"));
    admin = api.withToken(issuer.token("demo-admin"));
    north = api.withToken(issuer.token("north-council-system"));
    south = api.withToken(issuer.token("south-council-system"));
    uni = api.withToken(issuer.token("uni-recorder-system"));
    northAnalyst = api.withToken(issuer.token("north-analyst-system"));
    northNoRole = api.withToken(issuer.token("north-no-role-system"));
    names.put(anonymous, "no token");
    names.put(admin, "demo-admin");
    names.put(north, "north-council-system");
    names.put(south, "south-council-system");
    names.put(uni, "uni-recorder-system");
    names.put(northAnalyst, "north-analyst-system");
    names.put(northNoRole, "north-no-role-system");

    // The partnership North is not a partner of: "another organisation's" partnership.
    expectStatus(201, admin.post("/api/partnerships", form(B)));
    expectStatus(201, admin.post(PB + "/partners", join(SOUTH, "LOCAL_AUTHORITY")));
    expectStatus(201, admin.post(PB + "/partners", join(UNI, "UNIVERSITY")));
  }

  @AfterAll
  void stop() {
    if (app != null) app.close();
    if (otherIssuer != null) otherIssuer.close();
    if (issuer != null) issuer.close();
  }

  /** One endpoint: how each caller calls it, and what each caller is expected to get. */
  private record Row(
      String endpoint,
      Function<CommandApi, CommandApi.Response> call,
      CommandApi otherOrganisation,
      Function<CommandApi, CommandApi.Response> otherCall,
      int otherStatus,
      String otherField,
      CommandApi wrongRole,
      int wrongRoleStatus,
      CommandApi right,
      int rightStatus,
      int noTokenStatus,
      int badTokenStatus) {}

  private Row row(
      String endpoint,
      Function<CommandApi, CommandApi.Response> call,
      CommandApi wrongRole,
      CommandApi right,
      int rightStatus) {
    return new Row(
        endpoint, call, null, null, 0, null, wrongRole, 403, right, rightStatus, 401, 401);
  }

  /** Another organisation calls the same endpoint of the partnership it is not a partner of. */
  private Row scoped(
      String endpoint,
      String suffix,
      String json,
      CommandApi wrongRole,
      CommandApi right,
      int rightStatus) {
    return new Row(
        endpoint,
        api -> api.post(PA + suffix, json),
        north,
        api -> api.post(PB + suffix, json),
        404,
        null,
        wrongRole,
        403,
        right,
        rightStatus,
        401,
        401);
  }

  /** A partner acts for another organisation than its own: 403 naming the field. */
  private Row actsFor(
      String endpoint,
      String path,
      String json,
      Function<CommandApi, CommandApi.Response> otherCall,
      String field,
      CommandApi right,
      int rightStatus) {
    return new Row(
        endpoint,
        api -> api.post(path, json),
        north,
        otherCall,
        403,
        field,
        northAnalyst,
        403,
        right,
        rightStatus,
        401,
        401);
  }

  @Test
  void everyEndpointAnswersEachCallerAsDocumentedAndRecordsNothingWhenRefused() throws IOException {
    String project = PA + "/projects/care";
    String[] northPerson = new String[2];
    String[] southPerson = new String[1];

    check(
        row(
            "POST /api/partnerships",
            api -> api.post("/api/partnerships", form(A)),
            north,
            admin,
            201));
    check(
        row(
            "POST /api/partnerships/{id}/partners",
            api -> api.post(PA + "/partners", join(NORTH, "LOCAL_AUTHORITY")),
            north,
            admin,
            201));
    expectStatus(201, admin.post(PA + "/partners", join(SOUTH, "LOCAL_AUTHORITY")));
    expectStatus(201, admin.post(PA + "/partners", join(UNI, "UNIVERSITY")));

    check(
        new Row(
            "POST /api/people",
            api -> api.post("/api/people", person("Nora North", NORTH)),
            north,
            api -> api.post("/api/people", person("Sam South", SOUTH)),
            403,
            "organisationId",
            northAnalyst,
            403,
            north,
            201,
            401,
            401));
    northPerson[0] = registered(north, "Nina North", NORTH);
    northPerson[1] = registered(north, "Ned North", NORTH);
    southPerson[0] = registered(south, "Sue South", SOUTH);
    check(
        new Row(
            "GET /api/people/{id}",
            api -> api.get("/api/people/" + northPerson[0]),
            south,
            api -> api.get("/api/people/" + northPerson[0]),
            404,
            null,
            northNoRole,
            403,
            north,
            200,
            401,
            401));

    check(
        scoped(
            "POST /api/partnerships/{id}/roles",
            "/roles",
            """
            {"roleId":"north-spanner","roleType":"BOUNDARY_SPANNER","organisationId":"north-council",\
            "personId":"%s","designatedOn":"2025-01-10"}\
            """
                .formatted(northPerson[0]),
            northAnalyst,
            north,
            201));
    check(
        scoped(
            "POST /api/partnerships/{id}/roles/{role}/reassignment",
            "/roles/north-spanner/reassignment",
            """
            {"fromPersonId":"%s","toPersonId":"%s","reason":"RESTRUCTURE","reassignedOn":"2025-04-01"}\
            """
                .formatted(northPerson[0], northPerson[1]),
            northAnalyst,
            north,
            200));
    check(
        scoped(
            "POST /api/partnerships/{id}/roles/{role}/vacancy",
            "/roles/north-spanner/vacancy",
            "{\"reason\":\"WORKLOAD\",\"vacatedOn\":\"2025-05-01\"}",
            northAnalyst,
            north,
            200));
    check(
        scoped(
            "POST /api/partnerships/{id}/meetings",
            "/meetings",
            """
            {"type":"CATCH_UP","heldOn":"2025-02-03","durationMinutes":60,"hostOrganisationId":"north-council",\
            "attendees":[{"organisationId":"north-council","level":"ANALYST","count":2}]}\
            """,
            northAnalyst,
            north,
            201));
    check(
        scoped(
            "POST /api/partnerships/{id}/quick-wins",
            "/quick-wins",
            """
            {"title":"Dashboard","deliveredOn":"2025-01-27","beneficiaryOrganisationId":"north-council",\
            "estimatedSavingGbp":1000}\
            """,
            northAnalyst,
            north,
            201));
    check(
        actsFor(
            "POST /api/partnerships/{id}/pulse-surveys",
            PA + "/pulse-surveys",
            pulse(NORTH, UNI),
            api -> api.post(PA + "/pulse-surveys", pulse(SOUTH, UNI)),
            "respondentOrganisationId",
            north,
            201));
    check(
        scoped(
            "POST /api/partnerships/{id}/projects",
            "/projects",
            """
            {"projectId":"care","title":"Care demand","problemStatement":"Forecast demand",\
            "dataProviderOrganisationIds":["north-council","south-council"],"proposedOn":"2025-01-20"}\
            """,
            northAnalyst,
            north,
            201));
    check(
        actsFor(
            "POST /api/partnerships/{id}/projects/{p}/dsa/drafts",
            project + "/dsa/drafts",
            step(NORTH, "2025-01-21"),
            api -> api.post(project + "/dsa/drafts", step(SOUTH, "2025-01-21")),
            "byOrganisationId",
            north,
            201));
    check(
        actsFor(
            "POST /api/partnerships/{id}/projects/{p}/dsa/revisions",
            project + "/dsa/revisions",
            step(SOUTH, "2025-01-28"),
            api -> api.post(project + "/dsa/revisions", step(SOUTH, "2025-01-28")),
            "byOrganisationId",
            south,
            201));
    check(
        actsFor(
            "POST /api/partnerships/{id}/projects/{p}/dsa/signatures",
            project + "/dsa/signatures",
            step(NORTH, "2025-02-03"),
            api -> api.post(project + "/dsa/signatures", step(SOUTH, "2025-02-03")),
            "byOrganisationId",
            north,
            201));
    expectStatus(201, south.post(project + "/dsa/signatures", step(SOUTH, "2025-02-04")));
    check(
        scoped(
            "POST /api/partnerships/{id}/projects/{p}/start",
            "/projects/care/start",
            "{\"startedOn\":\"2025-02-06\"}",
            northAnalyst,
            north,
            200));
    check(
        scoped(
            "POST /api/partnerships/{id}/projects/{p}/milestones",
            "/projects/care/milestones",
            milestone("first-model", "2025-02-27"),
            northAnalyst,
            north,
            201));
    expectStatus(201, north.post(project + "/milestones", milestone("pilot", "2025-04-06")));
    check(
        scoped(
            "POST /api/partnerships/{id}/projects/{p}/milestones/{m}/achievement",
            "/projects/care/milestones/first-model/achievement",
            "{\"achievedOn\":\"2025-02-25\"}",
            northAnalyst,
            north,
            200));
    check(
        scoped(
            "POST /api/partnerships/{id}/projects/{p}/milestones/{m}/reschedule",
            "/projects/care/milestones/pilot/reschedule",
            "{\"newDueOn\":\"2025-05-06\",\"rescheduledOn\":\"2025-04-01\",\"reason\":\"late\"}",
            northAnalyst,
            north,
            200));
    check(
        scoped(
            "POST /api/partnerships/{id}/projects/{p}/milestones/{m}/miss",
            "/projects/care/milestones/pilot/miss",
            "{\"missedOn\":\"2025-05-07\",\"reason\":\"no data\"}",
            northAnalyst,
            north,
            200));
    check(
        scoped(
            "POST /api/partnerships/{id}/projects/{p}/dsa/expiry",
            "/projects/care/dsa/expiry",
            "{\"expiredOn\":\"2025-06-01\"}",
            northAnalyst,
            north,
            200));
    check(
        scoped(
            "POST /api/partnerships/{id}/projects/{p}/completion",
            "/projects/care/completion",
            "{\"completedOn\":\"2025-06-02\",\"outcome\":\"A forecast in use\"}",
            northAnalyst,
            north,
            200));
    expectStatus(
        201,
        north.post(
            PA + "/projects",
            """
            {"projectId":"housing","title":"Housing","problemStatement":"Fewer evictions",\
            "dataProviderOrganisationIds":["north-council"],"proposedOn":"2025-02-20"}\
            """));
    check(
        scoped(
            "POST /api/partnerships/{id}/projects/{p}/abandonment",
            "/projects/housing/abandonment",
            "{\"abandonedOn\":\"2025-03-01\",\"reason\":\"no data\"}",
            northAnalyst,
            north,
            200));
    check(
        actsFor(
            "POST /api/partnerships/{id}/partners/{org}/departure",
            PA + "/partners/north-council/departure",
            "{\"leftOn\":\"2025-07-01\",\"reason\":\"budget\"}",
            api ->
                api.post(
                    PA + "/partners/south-council/departure",
                    "{\"leftOn\":\"2025-07-01\",\"reason\":\"budget\"}"),
            "organisationId",
            north,
            200));
    // A departed partner reads its history still (next row) but records nothing more: 404.
    int before = history(A);
    CommandApi.Response departed =
        north.post(
            PA + "/meetings",
            """
            {"type":"CATCH_UP","heldOn":"2025-06-03","durationMinutes":60,"hostOrganisationId":"shire-university",\
            "attendees":[{"organisationId":"shire-university","level":"ANALYST","count":2}]}\
            """);
    assertThat(departed.status()).as(departed.body().toString()).isEqualTo(404);
    assertThat(history(A)).isEqualTo(before);
    check(
        new Row(
            "GET /api/partnerships/{id}/history",
            api -> api.get(PA + "/history"),
            north,
            api -> api.get(PB + "/history"),
            404,
            null,
            northNoRole,
            403,
            northAnalyst,
            200,
            401,
            401));
    check(
        row(
            "POST /api/partnerships/{id}/closure",
            api -> api.post(PA + "/closure", "{\"closedOn\":\"2025-08-01\",\"reason\":\"done\"}"),
            north,
            admin,
            200));
    check(
        row(
            "DELETE /api/people/{id}",
            api -> api.delete("/api/people/" + southPerson[0]),
            south,
            admin,
            204));
    check(
        row(
            "GET /actuator/prometheus",
            api -> text(api, "/actuator/prometheus"),
            north,
            admin,
            200));
    check(
        new Row(
            "GET /actuator/health",
            api -> api.get("/actuator/health"),
            null,
            null,
            0,
            null,
            northNoRole,
            200,
            anonymous,
            200,
            // Open to all; a bearer token that is sent is still checked.
            200,
            401));

    String table = markdown();
    System.out.println(table);
    Path file = Path.of("../docs/security/access-matrix.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, table, StandardCharsets.UTF_8);
  }

  @Test
  void theSameIdempotencyKeyFromAnotherOrganisationIsNotAReplayOfTheFirstsAnswer() {
    String key = "matrix-" + UUID.randomUUID();
    int before = history(B);
    CommandApi.Response first = south.post(PB + "/pulse-surveys", pulse(SOUTH, UNI), key);
    CommandApi.Response second = uni.post(PB + "/pulse-surveys", pulse(UNI, SOUTH), key);
    expectStatus(201, first);
    expectStatus(201, second);
    assertThat(second.header("Idempotency-Replayed")).isNull();
    assertThat(history(B)).as("both surveys recorded").isEqualTo(before + 2);
    JsonNode latest = expectStatus(200, admin.get(PB + "/history")).body();
    assertThat(
            latest.get(latest.size() - 1).get("payload").get("respondentOrganisationId").asText())
        .isEqualTo(UNI);
    // The same organisation's retry is a replay, and records nothing more.
    CommandApi.Response retry = uni.post(PB + "/pulse-surveys", pulse(UNI, SOUTH), key);
    expectStatus(201, retry);
    assertThat(retry.header("Idempotency-Replayed")).isNotNull();
    assertThat(history(B)).isEqualTo(before + 2);
  }

  private void check(Row row) {
    Map<String, String> cells = new LinkedHashMap<>();
    refused(row, "no token", anonymous, row.call(), row.noTokenStatus(), null, cells);
    refused(row, "expired token", expired, row.call(), row.badTokenStatus(), null, cells);
    refused(row, "wrong issuer", wrongIssuer, row.call(), row.badTokenStatus(), null, cells);
    if (row.otherOrganisation() == null) {
      cells.put("other organisation", "—");
    } else {
      refused(
          row,
          "other organisation",
          row.otherOrganisation(),
          row.otherCall(),
          row.otherStatus(),
          row.otherField(),
          cells);
    }
    refused(row, "wrong role", row.wrongRole(), row.call(), row.wrongRoleStatus(), null, cells);
    CommandApi.Response response = row.call().apply(row.right());
    cells.put("right", response.status() + " " + names.get(row.right()));
    matrix.put(row.endpoint(), cells);
    assertThat(response.status())
        .as("%s by the right caller: %s", row.endpoint(), response.body())
        .isEqualTo(row.rightStatus());
  }

  private void refused(
      Row row,
      String caller,
      CommandApi api,
      Function<CommandApi, CommandApi.Response> call,
      int expected,
      String field,
      Map<String, String> cells) {
    List<Integer> before = recorded();
    CommandApi.Response response = call.apply(api);
    String who =
        caller.equals("other organisation") || caller.equals("wrong role")
            ? " " + names.get(api)
            : "";
    cells.put(caller, response.status() + who + (field == null ? "" : " `" + field + "`"));
    matrix.put(row.endpoint(), cells);
    String what = row.endpoint() + " by " + caller + ": " + response.body();
    assertThat(response.status()).as(what).isEqualTo(expected);
    if (expected >= 400) {
      assertThat(response.contentType()).as(what).startsWith("application/problem+json");
      if (expected != 404) {
        // 401s and 403s say which part of the request was refused; a 404 is as for the unknown.
        assertThat(response.body().path("errors").isArray()).as(what).isTrue();
      }
      if (field != null) {
        assertThat(response.body().path("errors").path(0).path("field").asText())
            .as(what)
            .isEqualTo(field);
      }
      assertThat(recorded()).as("nothing recorded after %s", what).isEqualTo(before);
    }
  }

  /** What a refused call must not change: both histories and the people register. */
  private List<Integer> recorded() {
    Integer people =
        new JdbcTemplate(app.getBean(DataSource.class))
            .queryForObject("SELECT count(*) FROM person", Integer.class);
    return List.of(history(A), history(B), people == null ? 0 : people);
  }

  private int history(String partnership) {
    CommandApi.Response response = admin.get("/api/partnerships/" + partnership + "/history");
    return response.status() == 404 ? -1 : expectStatus(200, response).body().size();
  }

  private String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Command-service access matrix\n\n")
        .append("Generated by `AccessMatrixIT` (command-service): every endpoint called over real")
        .append(" HTTP with real tokens from the local issuer. *expired token*: signed with the")
        .append(" issuer's key, expired an hour ago; *wrong issuer*: a token of another issuer;")
        .append(
            " *other organisation*: North (a recorder) on a partnership it is not a partner of,")
        .append(" or acting for another organisation in a field (403 naming the field), or South")
        .append(" reading North's person; *wrong role*: recorder for admin-only endpoints, analyst")
        .append(" for recording, no role for reading; *right*: the caller the endpoint is for.")
        .append(" Every refusal is `application/problem+json` and records nothing (neither")
        .append(" partnership's history nor the people register grows). A cell is the status, the")
        .append(" issuer's client that called and, for a 403 of an organisation acting for")
        .append(" another, the field the problem names in `errors[0].field`.\n\n");
    out.append("| Endpoint | ").append(String.join(" | ", CALLERS)).append(" |\n");
    out.append("|---|").append("---|".repeat(CALLERS.size())).append('\n');
    matrix.forEach(
        (endpoint, cells) -> {
          out.append("| `").append(endpoint).append("` |");
          for (String caller : CALLERS) {
            out.append(' ').append(cells.getOrDefault(caller, "?")).append(" |");
          }
          out.append('\n');
        });
    return out.toString();
  }

  /** A GET whose answer may be text (the metrics scrape); a problem is parsed as JSON. */
  private CommandApi.Response text(CommandApi api, String path) {
    HttpRequest request =
        api.signedIn(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET(),
                path,
                null)
            .build();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
      JsonNode body =
          json
              ? new ObjectMapper().readTree(response.body())
              : TextNode.valueOf(response.body().lines().findFirst().orElse(""));
      return new CommandApi.Response(response.statusCode(), body, response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String registered(CommandApi api, String name, String organisation) {
    return expectStatus(201, api.post("/api/people", person(name, organisation)))
        .body()
        .get("personId")
        .asText();
  }

  private static String form(String id) {
    return """
    {"partnershipId":"%s","name":"Matrix partnership","sharedVision":"Shared data","formedOn":"2025-01-06"}\
    """
        .formatted(id);
  }

  private static String join(String organisation, String sector) {
    return """
    {"organisationId":"%s","organisationName":"%s","sector":"%s","joinedOn":"2025-01-06"}\
    """
        .formatted(organisation, organisation, sector);
  }

  private static String person(String name, String organisation) {
    return "{\"displayName\":\"%s\",\"organisationId\":\"%s\"}".formatted(name, organisation);
  }

  private static String pulse(String respondent, String about) {
    return """
    {"respondentOrganisationId":"%s","aboutOrganisationId":"%s","trust":4,"answeredOn":"2025-03-01"}\
    """
        .formatted(respondent, about);
  }

  private static String step(String organisation, String on) {
    return "{\"byOrganisationId\":\"%s\",\"on\":\"%s\"}".formatted(organisation, on);
  }

  private static String milestone(String id, String dueOn) {
    return """
    {"milestoneId":"%s","title":"%s","horizon":"SHORT_1_2_MONTHS","dueOn":"%s","plannedOn":"2025-02-06"}\
    """
        .formatted(id, id, dueOn);
  }

  /** A token as the issuer would sign it, but expired an hour ago (beyond any clock skew). */
  private String expiredToken(String subject, String organisation, String... roles)
      throws Exception {
    JWKSet keys = JWKSet.parse(Files.readString(issuer.dataDir().resolve("signing-key.jwks.json")));
    RSAKey key = (RSAKey) keys.getKeys().get(0);
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            new JWTClaimsSet.Builder()
                .issuer(issuer.issuerUrl())
                .subject(subject)
                .claim("org", organisation)
                .claim("roles", List.of(roles))
                .issueTime(Date.from(now.minusSeconds(7200)))
                .notBeforeTime(Date.from(now.minusSeconds(7200)))
                .expirationTime(Date.from(now.minusSeconds(3600)))
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
