package org.partnershiptracker.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.events.partnership.PartnerJoined;
import org.partnershiptracker.infra.security.TokenMint;
import org.partnershiptracker.query.partnership.model.RecordedEvent;
import org.partnershiptracker.query.testdata.PartnershipHistories;

/**
 * The query side of access control over real HTTP: an analyst sees in the list and on the page only
 * the partnerships its organisation is a partner of, and another's report is 404 as if unknown; the
 * admin endpoints refuse an analyst (403) and everything refuses a caller without a token (401).
 */
class QueryAccessIT extends QueryServiceOnBroker {
  private static final LocalDate FORMED = LocalDate.of(2024, 1, 8);
  private static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);
  private final List<RecordedEvent> mine =
      PartnershipHistories.generate(new Random(31), "access-mine", 60, FORMED, AS_OF);
  private final List<RecordedEvent> theirs =
      PartnershipHistories.generate(new Random(32), "access-theirs", 60, FORMED, AS_OF);
  private String organisation;

  QueryAccessIT() {
    super("query-access");
  }

  @BeforeAll
  void start() throws Exception {
    startBrokerAndMongo();
    startQueryService();
    Set<String> theirPartners = partners(theirs);
    organisation =
        partners(mine).stream()
            .filter(org -> !theirPartners.contains(org))
            .sorted()
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no partner of only 'access-mine'"));
    topic.send(mine);
    topic.send(theirs);
    awaitCaughtUp();
  }

  @Test
  void anAnalystSeesOnlyItsOrganisationsPartnershipsAndAnotherReportIsUnknown() {
    String analyst = TokenMint.shared().token("analyst", organisation, "analyst");
    List<String> listed = new ArrayList<>();
    Http.get(base + "/api/partnerships", analyst)
        .json()
        .forEach(row -> listed.add(row.get("partnershipId").asText()));
    assertThat(listed).containsExactly("access-mine");
    List<String> all = new ArrayList<>();
    Http.get(base + "/api/partnerships")
        .json()
        .forEach(row -> all.add(row.get("partnershipId").asText()));
    assertThat(all).as("the admin's list").contains("access-mine", "access-theirs");

    Http.Response page = Http.get(base + "/", analyst);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("access-mine").doesNotContain("access-theirs");

    assertThat(
            Http.get(base + "/api/partnerships/access-mine/report?asOf=" + AS_OF, analyst).status())
        .isEqualTo(200);
    Http.Response theirsReport =
        Http.get(base + "/api/partnerships/access-theirs/report?asOf=" + AS_OF, analyst);
    Http.Response unknown =
        Http.get(base + "/api/partnerships/access-nowhere/report?asOf=" + AS_OF, analyst);
    assertThat(theirsReport.status()).isEqualTo(404);
    assertThat(theirsReport.body().replace("access-theirs", "ID"))
        .as("the same answer as for an unknown partnership")
        .isEqualTo(unknown.body().replace("access-nowhere", "ID"));
  }

  @Test
  void anAnalystMayNotRebuildAndNoTokenIsRefusedEverywhere() {
    String analyst = TokenMint.shared().token("analyst", organisation, "analyst");
    String rebuild = base + "/admin/projections/read-models/rebuild";
    Http.Response refused =
        Http.send(
            HttpRequest.newBuilder(URI.create(rebuild))
                .header("Authorization", "Bearer " + analyst)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("errors").path(0).path("field").asText()).isEqualTo("roles");
    assertThat(Http.get(rebuild, analyst).status()).isEqualTo(403);
    String recorder = TokenMint.shared().token("recorder", organisation, "recorder");
    assertThat(Http.get(base + "/api/partnerships", recorder).status())
        .as("a recorder writes, it does not read reports")
        .isEqualTo(403);

    for (String path :
        List.of("/", "/api/partnerships", "/api/partnerships/access-mine/report?asOf=" + AS_OF)) {
      Http.Response response = Http.get(base + path, null);
      assertThat(response.status()).as(path).isEqualTo(401);
      assertThat(response.json().path("errors").path(0).path("field").asText())
          .as(path)
          .isEqualTo("Authorization");
    }
  }

  private static Set<String> partners(List<RecordedEvent> events) {
    return events.stream()
        .map(RecordedEvent::event)
        .filter(PartnerJoined.class::isInstance)
        .map(e -> ((PartnerJoined) e).organisationId().value())
        .collect(Collectors.toSet());
  }
}
