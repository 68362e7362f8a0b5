package org.partnershiptracker.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnershiptracker.command.it.CommandApi.expectRefused;
import static org.partnershiptracker.command.it.CommandApi.expectStatus;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Events survive a restart of the application and of its embedded PostgreSQL (same data directory),
 * and the aggregates rebuilt from them (from a snapshot and the events after it) still refuse what
 * they must.
 */
class RestartIT {
  private static final int SNAPSHOT_EVERY = 5;
  private final Path dataDir = Path.of("target/it-data/restart-it-" + UUID.randomUUID());

  private ConfigurableApplicationContext start() {
    return CommandServiceInJvm.start(
        dataDir,
        "--tracker.people.registered-only=false",
        "--tracker.snapshots.every-events=" + SNAPSHOT_EVERY,
        "--tracker.publication.enabled=false");
  }

  private static String meeting(String meetingId) {
    return """
    {"meetingId":"%s","type":"ON_SITE_WORK_DAY","heldOn":"2025-03-03","durationMinutes":420,
     "hostOrganisationId":"north-council","attendees":[{"organisationId":"uni","level":"RESEARCHER","count":1}]}
    """
        .formatted(meetingId);
  }

  @Test
  void afterARestartTheHistoryIsIntactAndTheRulesStillHold() {
    String partnership = "p-restart";
    JsonNode historyBefore;
    try (ConfigurableApplicationContext first = start()) {
      CommandApi api = new CommandApi(CommandServiceInJvm.port(first));
      api.formPartnershipWithPartners(partnership);
      expectStatus(
          201,
          api.post(
              "/api/partnerships/" + partnership + "/roles",
              """
              {"roleId":"uni-contact","roleType":"POINT_OF_CONTACT","organisationId":"uni","personId":"person-u1","designatedOn":"2025-01-10"}
              """));
      for (int i = 1; i <= 12; i++) {
        expectStatus(
            201, api.post("/api/partnerships/" + partnership + "/meetings", meeting("day-" + i)));
      }
      String project = "/api/partnerships/" + partnership + "/projects/restart-care";
      expectStatus(
          201,
          api.post(
              "/api/partnerships/" + partnership + "/projects",
              """
              {"projectId":"restart-care","title":"Care demand","problemStatement":"Forecast demand",
               "dataProviderOrganisationIds":["north-council","south-council"],"proposedOn":"2025-01-20"}
              """));
      expectStatus(
          201,
          api.post(
              project + "/dsa/drafts", "{\"byOrganisationId\":\"uni\",\"on\":\"2025-01-21\"}"));
      expectStatus(
          201,
          api.post(
              project + "/dsa/signatures",
              "{\"byOrganisationId\":\"north-council\",\"on\":\"2025-01-22\"}"));
      expectStatus(
          201,
          api.post(
              project + "/dsa/signatures",
              "{\"byOrganisationId\":\"south-council\",\"on\":\"2025-01-23\"}"));
      expectStatus(200, api.post(project + "/start", "{\"startedOn\":\"2025-01-24\"}"));
      expectStatus(
          201,
          api.post(
              project + "/dsa/revisions",
              "{\"byOrganisationId\":\"north-council\",\"on\":\"2025-02-01\"}"));
      expectStatus(
          201,
          api.post(
              project + "/dsa/signatures",
              "{\"byOrganisationId\":\"north-council\",\"on\":\"2025-02-02\"}"));
      historyBefore = api.history(partnership);
      long snapshots =
          first
              .getBean(JdbcTemplate.class)
              .queryForObject(
                  "SELECT count(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                  Long.class,
                  partnership);
      assertThat(snapshots).as("a snapshot every %d events", SNAPSHOT_EVERY).isPositive();

      // The Project snapshot is stored under the shape revision its class declares (@Revision).
      assertThat(
              first
                  .getBean(JdbcTemplate.class)
                  .queryForList(
                      "SELECT payloadRevision FROM SnapshotEventEntry WHERE aggregateIdentifier ="
                          + " ?",
                      String.class,
                      "restart-care"))
          .isNotEmpty()
          .containsOnly("2");
    }

    try (ConfigurableApplicationContext second = start()) {
      CommandApi api = new CommandApi(CommandServiceInJvm.port(second));

      JsonNode historyAfter = api.history(partnership);
      assertThat(historyAfter).isEqualTo(historyBefore);
      assertThat(historyAfter).hasSize(4 + 1 + 12 + 7);

      expectRefused(
          "id-already-used",
          api.post("/api/partnerships/" + partnership + "/meetings", meeting("day-3")));

      CommandApi.Response wrongHolder =
          api.post(
              "/api/partnerships/" + partnership + "/roles/uni-contact/reassignment",
              """
              {"fromPersonId":"person-x","toPersonId":"person-u2","reason":"DEPARTURE","reassignedOn":"2025-05-01"}
              """);
      assertThat(wrongHolder.body().get("rule").asText()).isEqualTo("role-reassigned-only-if-held");

      expectStatus(
          201, api.post("/api/partnerships/" + partnership + "/meetings", meeting("day-13")));

      // The project, rebuilt from its snapshot, still knows its start date and its agreement's
      // versions.
      String project = "/api/partnerships/" + partnership + "/projects/restart-care";
      CommandApi.Response settled =
          api.post(
              project + "/dsa/signatures",
              "{\"byOrganisationId\":\"south-council\",\"on\":\"2025-01-24\"}");
      assertThat(settled.body().get("rule").asText()).isEqualTo("dsa-settled-at-start");
      CommandApi.Response twice =
          api.post(
              project + "/dsa/signatures",
              "{\"byOrganisationId\":\"north-council\",\"on\":\"2025-02-03\"}");
      assertThat(twice.body().get("rule").asText()).isEqualTo("dsa-signed-by-data-providers");
      expectStatus(
          201,
          api.post(
              project + "/dsa/signatures",
              "{\"byOrganisationId\":\"south-council\",\"on\":\"2025-02-03\"}"));
    }
  }
}
