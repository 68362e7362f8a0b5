package org.partnershiptracker.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnershiptracker.command.it.CommandApi.expectRefused;
import static org.partnershiptracker.command.it.CommandApi.expectStatus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.infra.security.TokenMint;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.TestPropertySource;

/**
 * The command API through real HTTP, against the application with its embedded PostgreSQL (policy
 * dsa-before-start: enforce, the default).
 */
@AutoConfigureObservability // Spring Boot turns metrics export off in tests unless asked
@CommandServiceOverHttp
@TestPropertySource(
    properties = {
      "tracker.embedded-postgres.data-dir=target/it-data/command-service-it",
      "tracker.people.registered-only=false" // these tests bring their own pseudonyms
    })
class CommandServiceIT extends NewPartnershipEachTest {

  private String path(String suffix) {
    return "/api/partnerships/" + partnership + suffix;
  }

  private List<String> historyTypes() {
    JsonNode history = api.history(partnership);
    List<String> types = new ArrayList<>();
    history.forEach(entry -> types.add(entry.get("type").asText()));
    return types;
  }

  @Test
  void partnersDesignateAndReassignRolesAndMeetAndTheHistoryShowsItInOrder() {
    expectStatus(
        201,
        api.post(
            path("/roles"),
            """
            {"roleId":"north-spanner","roleType":"BOUNDARY_SPANNER","organisationId":"north-council","personId":"person-n1","designatedOn":"2025-01-10"}
            """));
    expectStatus(
        200,
        api.post(
            path("/roles/north-spanner/reassignment"),
            """
            {"fromPersonId":"person-n1","toPersonId":"person-n2","reason":"RESTRUCTURE","reassignedOn":"2025-04-01"}
            """));
    expectRefused(
        "role-reassigned-to-another-person",
        api.post(
            path("/roles/north-spanner/reassignment"),
            """
            {"fromPersonId":"person-n2","toPersonId":"person-n2","reason":"RESTRUCTURE","reassignedOn":"2025-04-02"}
            """));
    for (String type : List.of("CATCH_UP", "ON_SITE_WORK_DAY", "SHOWCASE", "SOCIAL")) {
      expectStatus(
          201,
          api.post(
              path("/meetings"),
              """
              {"type":"%s","heldOn":"2025-02-03","durationMinutes":90,"hostOrganisationId":"north-council",
               "attendees":[{"organisationId":"north-council","level":"ANALYST","count":4},
                            {"organisationId":"uni","level":"ACADEMIC","count":2}]}
              """
                  .formatted(type)));
    }
    expectStatus(
        201,
        api.post(
            path("/quick-wins"),
            """
            {"title":"Dashboard of delayed discharges","deliveredOn":"2025-01-27","beneficiaryOrganisationId":"north-council","estimatedSavingGbp":12000}
            """));
    expectStatus(
        201,
        api.post(
            path("/pulse-surveys"),
            """
            {"respondentOrganisationId":"north-council","aboutOrganisationId":"uni","trust":4,"answeredOn":"2025-03-01"}
            """));

    JsonNode history = api.history(partnership);

    assertThat(historyTypes())
        .containsExactly(
            "PartnershipFormed",
            "PartnerJoined",
            "PartnerJoined",
            "PartnerJoined",
            "RoleDesignated",
            "RoleReassigned",
            "MeetingHeld",
            "MeetingHeld",
            "MeetingHeld",
            "MeetingHeld",
            "QuickWinDelivered",
            "PulseSurveyAnswered");
    JsonNode reassignment = history.get(5);
    assertThat(reassignment.get("sequenceNumber").asLong()).isEqualTo(5);
    assertThat(reassignment.get("revision").asText()).isEqualTo("1");
    assertThat(reassignment.get("timestamp").asText()).isNotBlank();
    assertThat(reassignment.get("payload").get("toPersonId").asText()).isEqualTo("person-n2");
    assertThat(history.get(7).get("payload").get("type").asText()).isEqualTo("ON_SITE_WORK_DAY");
    assertThat(history.findValues("position")).extracting(JsonNode::asLong).isSorted();
  }

  @Test
  void
      aDataSharingAgreementCoWrittenAndSignedByEveryProviderLetsTheProjectStartAndKeepMilestones() {
    expectStatus(
        201,
        api.post(
            path("/projects"),
            """
            {"projectId":"%s-care","title":"Adult social care demand","problemStatement":"Forecast demand for home care",
             "dataProviderOrganisationIds":["north-council","south-council"],"proposedOn":"2025-01-20"}
            """
                .formatted(partnership)));
    String project = path("/projects/" + partnership + "-care");
    expectStatus(
        201,
        api.post(project + "/dsa/drafts", "{\"byOrganisationId\":\"uni\",\"on\":\"2025-01-21\"}"));
    expectStatus(
        201,
        api.post(
            project + "/dsa/revisions",
            "{\"byOrganisationId\":\"north-council\",\"on\":\"2025-01-28\"}"));
    expectStatus(
        201,
        api.post(
            project + "/dsa/signatures",
            "{\"byOrganisationId\":\"north-council\",\"on\":\"2025-02-03\"}"));

    CommandApi.Response early =
        expectRefused(
            "dsa-before-start", api.post(project + "/start", "{\"startedOn\":\"2025-02-04\"}"));
    assertThat(early.body().get("detail").asText()).contains("south-council");

    expectStatus(
        201,
        api.post(
            project + "/dsa/signatures",
            "{\"byOrganisationId\":\"south-council\",\"on\":\"2025-02-05\"}"));
    // Recorded after both signatures, but dated before South's: South had not signed by then.
    expectRefused(
        "dsa-before-start", api.post(project + "/start", "{\"startedOn\":\"2025-02-04\"}"));
    expectStatus(200, api.post(project + "/start", "{\"startedOn\":\"2025-02-06\"}"));
    expectRefused(
        "dsa-settled-at-start",
        api.post(
            project + "/dsa/revisions", "{\"byOrganisationId\":\"uni\",\"on\":\"2025-02-06\"}"));
    expectStatus(
        201,
        api.post(
            project + "/milestones",
            """
            {"milestoneId":"first-model","title":"First model","horizon":"QUICK_WIN_3_WEEKS","dueOn":"2025-02-27","plannedOn":"2025-02-06"}
            """));
    expectStatus(
        201,
        api.post(
            project + "/milestones",
            """
            {"milestoneId":"pilot","title":"Pilot in one district","horizon":"SHORT_1_2_MONTHS","dueOn":"2025-04-06","plannedOn":"2025-02-06"}
            """));
    expectStatus(
        200,
        api.post(
            project + "/milestones/first-model/achievement", "{\"achievedOn\":\"2025-02-25\"}"));
    expectStatus(
        200,
        api.post(
            project + "/milestones/pilot/reschedule",
            "{\"newDueOn\":\"2025-05-06\",\"rescheduledOn\":\"2025-04-01\",\"reason\":\"data"
                + " late\"}"));
    expectStatus(
        200,
        api.post(
            project + "/milestones/pilot/miss",
            "{\"missedOn\":\"2025-05-07\",\"reason\":\"no data\"}"));

    expectRefused(
        "milestone-achieved-or-missed-once",
        api.post(
            project + "/milestones/first-model/achievement", "{\"achievedOn\":\"2025-02-26\"}"));

    CommandApi.Response secondStart =
        api.post(project + "/start", "{\"startedOn\":\"2025-02-07\"}");
    assertThat(secondStart.body().get("rule").asText()).isEqualTo("project-starts-once");

    expectRefused(
        "dsa-signed-by-data-providers",
        api.post(
            project + "/dsa/signatures", "{\"byOrganisationId\":\"uni\",\"on\":\"2025-02-05\"}"));

    JsonNode history = api.history(partnership);
    JsonNode started =
        history.findParents("type").stream()
            .filter(entry -> entry.get("type").asText().equals("ProjectStarted"))
            .findFirst()
            .orElseThrow();
    assertThat(started.get("payload").get("dsaSignedByAllProviders").asBoolean()).isTrue();
    assertThat(started.get("aggregateType").asText()).isEqualTo("Project");
    assertThat(historyTypes())
        .endsWith(
            "ProjectProposed",
            "DataSharingAgreementDrafted",
            "DataSharingAgreementRevised",
            "DataSharingAgreementSigned",
            "DataSharingAgreementSigned",
            "ProjectStarted",
            "MilestonePlanned",
            "MilestonePlanned",
            "MilestoneAchieved",
            "MilestoneRescheduled",
            "MilestoneMissed");
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyReturnsTheFirstAnswerAndRecordsNothingMore() {
    String meeting =
        """
        {"type":"CATCH_UP","heldOn":"2025-02-10","durationMinutes":30,"hostOrganisationId":"uni",
         "attendees":[{"organisationId":"south-council","level":"MIDDLE_MANAGER","count":1}]}
        """;
    String key = "calendar-sync-" + UUID.randomUUID();
    CommandApi.Response first = expectStatus(201, api.post(path("/meetings"), meeting, key));
    int eventsAfterFirst = historyTypes().size();

    CommandApi.Response retry = expectStatus(201, api.post(path("/meetings"), meeting, key));

    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
    assertThat(historyTypes()).hasSize(eventsAfterFirst);

    CommandApi.Response otherBody =
        api.post(path("/meetings"), meeting.replace("CATCH_UP", "SOCIAL"), key);
    assertThat(otherBody.status()).isEqualTo(422);
    assertThat(otherBody.contentType()).startsWith("application/problem+json");
    assertThat(historyTypes()).hasSize(eventsAfterFirst);
  }

  @Test
  void aRefusedCommandRetriedWithItsKeyIsRefusedTheSameWay() {
    String outsider =
        """
        {"type":"CATCH_UP","heldOn":"2025-02-10","durationMinutes":30,"hostOrganisationId":"uni",
         "attendees":[{"organisationId":"police","level":"ANALYST","count":1}]}
        """;
    String key = "k-" + UUID.randomUUID();
    CommandApi.Response first = api.post(path("/meetings"), outsider, key);
    CommandApi.Response retry = api.post(path("/meetings"), outsider, key);

    expectRefused("only-partners-take-part", first);
    assertThat(retry.status()).isEqualTo(409);
    assertThat(retry.body()).isEqualTo(first.body());
  }

  @Test
  void badInputIsA400ProblemNamingTheField() {
    CommandApi.Response missingDate =
        api.post(
            path("/partners"),
            "{\"organisationId\":\"police\",\"organisationName\":\"Shire"
                + " Police\",\"sector\":\"POLICE\"}");
    assertThat(missingDate.status()).isEqualTo(400);
    assertThat(missingDate.contentType()).startsWith("application/problem+json");
    assertThat(missingDate.body().get("errors").get(0).get("field").asText()).isEqualTo("joinedOn");

    CommandApi.Response badEnum =
        api.post(
            path("/partners"),
            "{\"organisationId\":\"police\",\"organisationName\":\"Shire"
                + " Police\",\"sector\":\"ARMY\",\"joinedOn\":\"2025-02-01\"}");
    assertThat(badEnum.status()).isEqualTo(400);
    assertThat(badEnum.body().get("errors").get(0).get("field").asText()).isEqualTo("sector");

    CommandApi.Response email =
        api.post(
            path("/roles"),
            """
            {"roleType":"POINT_OF_CONTACT","organisationId":"uni","personId":"jane.doe@uni.ac.uk","designatedOn":"2025-01-10"}
            """);
    assertThat(email.status()).isEqualTo(400);
    assertThat(email.body().get("errors").get(0).get("field").asText()).isEqualTo("personId");

    CommandApi.Response badDate = api.post(path("/closure"), "{\"closedOn\":\"2025-13-45\"}");
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.body().get("errors").get(0).get("field").asText()).isEqualTo("closedOn");

    CommandApi.Response notJson = api.post(path("/closure"), "{closedOn");
    assertThat(notJson.status()).isEqualTo(400);
  }

  @Test
  void unknownPartnershipsAndProjectsAre404Problems() {
    CommandApi.Response unknownPartnership =
        api.post(
            "/api/partnerships/no-such-partnership/meetings",
            """
            {"type":"CATCH_UP","heldOn":"2025-02-10","durationMinutes":30,"hostOrganisationId":"uni",
             "attendees":[{"organisationId":"uni","level":"ACADEMIC","count":1}]}
            """);
    assertThat(unknownPartnership.status()).isEqualTo(404);
    assertThat(unknownPartnership.contentType()).startsWith("application/problem+json");

    assertThat(
            api.post(path("/projects/no-such-project/start"), "{\"startedOn\":\"2025-02-10\"}")
                .status())
        .isEqualTo(404);
    assertThat(api.get("/api/partnerships/no-such-partnership/history").status()).isEqualTo(404);

    // A project is only found under its own partnership.
    String other = "p-" + UUID.randomUUID();
    api.formPartnershipWithPartners(other);
    expectStatus(
        201,
        api.post(
            "/api/partnerships/" + other + "/projects",
            """
            {"projectId":"%s-x","title":"Other","problemStatement":"Other","dataProviderOrganisationIds":["uni"],"proposedOn":"2025-01-20"}
            """
                .formatted(other)));
    assertThat(
            api.post(path("/projects/" + other + "-x/start"), "{\"startedOn\":\"2025-02-10\"}")
                .status())
        .isEqualTo(404);
  }

  @Test
  void refusedCommandsAre409ProblemsNamingTheRuleAndRecordNothing() {
    int before = historyTypes().size();

    expectRefused(
        "only-partners-take-part",
        api.post(
            path("/roles"),
            """
            {"roleType":"POINT_OF_CONTACT","organisationId":"police","personId":"person-p1","designatedOn":"2025-01-10"}
            """));

    CommandApi.Response notHeld =
        api.post(
            path("/roles/no-role/reassignment"),
            """
            {"fromPersonId":"person-1","toPersonId":"person-2","reason":"WORKLOAD","reassignedOn":"2025-04-01"}
            """);
    assertThat(notHeld.body().get("rule").asText()).isEqualTo("role-reassigned-only-if-held");

    expectRefused(
        "id-already-used",
        api.post(
            "/api/partnerships",
            "{\"partnershipId\":\""
                + partnership
                + "\",\"name\":\"Again\",\"formedOn\":\"2025-01-06\"}"));

    assertThat(historyTypes()).hasSize(before);

    expectStatus(
        200,
        api.post(path("/closure"), "{\"closedOn\":\"2025-06-30\",\"reason\":\"programme ended\"}"));
    expectRefused(
        "closed-partnership-accepts-nothing",
        api.post(
            path("/pulse-surveys"),
            """
            {"respondentOrganisationId":"uni","aboutOrganisationId":"north-council","trust":5,"answeredOn":"2025-07-01"}
            """));
  }

  @Test
  void theApiIsDocumentedAndTheServiceReportsItsHealth() {
    CommandApi.Response openApi = expectStatus(200, api.get("/v3/api-docs"));
    assertThat(openApi.body().get("paths").has("/api/partnerships/{partnershipId}/meetings"))
        .isTrue();
    assertThat(
            expectStatus(200, api.get("/actuator/health/readiness")).body().get("status").asText())
        .isEqualTo("UP");
    assertThat(
            expectStatus(200, api.get("/actuator/health/liveness")).body().get("status").asText())
        .isEqualTo("UP");
  }

  @Test
  void commandsAreCountedByOutcomeAndTimed() throws Exception {
    api.post(
        path("/roles/no-role/vacancy"), "{\"reason\":\"DEPARTURE\",\"vacatedOn\":\"2025-02-01\"}");
    java.net.http.HttpResponse<String> scrape =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/actuator/prometheus"))
                    .header(
                        "Authorization",
                        "Bearer " + TokenMint.shared().token("ops", "uni", "admin"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(scrape.body())
        .contains(
            "tracker_commands_total{command=\"AddPartner\",outcome=\"accepted\",reason=\"none\"}")
        .contains(
            "tracker_commands_total{command=\"VacateRole\",outcome=\"rejected\",reason=\"role-reassigned-only-if-held\"}")
        .contains("tracker_command_latency_seconds_bucket{command=\"FormPartnership\"");
  }
}
