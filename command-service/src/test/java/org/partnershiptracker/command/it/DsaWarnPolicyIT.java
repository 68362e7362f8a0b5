package org.partnershiptracker.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnershiptracker.command.it.CommandApi.expectStatus;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** With dsa-before-start: warn, a project starts without every signature, and the start says so. */
@CommandServiceOverHttp
@TestPropertySource(
    properties = {
      "tracker.embedded-postgres.data-dir=target/it-data/dsa-warn-it",
      "tracker.policy.dsa-before-start=warn"
    })
class DsaWarnPolicyIT {
  @LocalServerPort int port;

  @Test
  void underTheWarnPolicyAProjectStartsWithoutASignedDsaAndIsFlagged() {
    CommandApi api = new CommandApi(port);
    String partnership = "p-warn-" + System.nanoTime();
    api.formPartnershipWithPartners(partnership);
    String projects = "/api/partnerships/" + partnership + "/projects";
    expectStatus(
        201,
        api.post(
            projects,
            """
            {"projectId":"%s-quick-start","title":"Quick start","problemStatement":"Start before the paperwork",
             "dataProviderOrganisationIds":["south-council"],"proposedOn":"2025-01-20"}
            """
                .formatted(partnership)));

    expectStatus(
        200,
        api.post(
            projects + "/" + partnership + "-quick-start/start", "{\"startedOn\":\"2025-01-21\"}"));

    JsonNode history = api.history(partnership);
    JsonNode started = history.get(history.size() - 1);
    assertThat(started.get("type").asText()).isEqualTo("ProjectStarted");
    assertThat(started.get("payload").get("dsaSignedByAllProviders").asBoolean()).isFalse();
  }
}
