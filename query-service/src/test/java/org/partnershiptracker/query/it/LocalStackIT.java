package org.partnershiptracker.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.infra.issuer.IssuerCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The README's run command itself: run-local.sh starts Kafka and both services, loads the demo
 * partnership, prints the URLs; the demo report shows the two councils' different profiles; and
 * stopping the script leaves no process behind. Uses the jars this build made (SKIP_BUILD=1).
 */
class LocalStackIT {
  private static final Logger log = LoggerFactory.getLogger(LocalStackIT.class);

  @Test
  void theRunCommandBringsUpTheStackWithTheDemoAndStopsCleanly() throws Exception {
    long started = System.nanoTime();
    try (LocalStack stack = LocalStack.start("local-stack")) {
      stack.awaitRunning();
      Path dataDir = stack.dataDir;
      int queryPort = stack.queryPort;
      String output = stack.output();
      long seconds = (System.nanoTime() - started) / 1_000_000_000;
      String figure =
          "run-local.sh (SKIP_BUILD=1) to all healthy with the demo loaded: " + seconds + " s";
      log.info(figure);
      Files.writeString(Path.of("target/local-stack-startup.txt"), figure + System.lineSeparator());
      assertThat(output)
          .contains("http://localhost:" + queryPort + "/api/partnerships/demo-shire/report");

      // Signed in as the demo's admin client, from the stack's own issuer.
      String admin = stack.token("demo-admin");
      String query = stack.queryService();
      assertThat(Http.get(query + "/api/partnerships", null).status()).isEqualTo(401);
      String trustUrl = query + "/api/partnerships/demo-shire/trust";
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                Http.Response response = Http.get(trustUrl, admin);
                return response.status() == 200
                    && response.json().get("organisations").size() == 2
                    && Http.get(query + "/api/partnerships", admin)
                            .json()
                            .get(0)
                            .get("eventCount")
                            .asInt()
                        >= 160;
              });
      JsonNode trust = Http.get(trustUrl, admin).json();
      Map<String, String> bands = new java.util.HashMap<>();
      trust
          .get("organisations")
          .forEach(o -> bands.put(o.get("organisationId").asText(), o.get("band").asText()));
      assertThat(bands)
          .containsEntry("north-council", "STRONG")
          .containsEntry("south-council", "AT_RISK");
      assertThat(Http.get(query + "/api/partnerships/demo-shire/report.csv", admin).status())
          .isEqualTo(200);
      // Part of the demo's meetings came through the activity inbox, as North's calendar system
      // (its own Kafka user, on partnership.activity.inbox.north-council): recorded for North,
      // in the history, and on the read side.
      java.util.regex.Matcher published =
          java.util.regex.Pattern.compile("Published (\\d+) of its meetings .* all recorded")
              .matcher(output);
      assertThat(published.find()).as(output).isTrue();
      int viaInbox = Integer.parseInt(published.group(1));
      assertThat(viaInbox).isPositive();
      String northAnalyst = stack.token("north-analyst-system");
      JsonNode history =
          Http.get(stack.commandService() + "/api/partnerships/demo-shire/history", northAnalyst)
              .json();
      java.util.List<JsonNode> fromCalendar = new java.util.ArrayList<>();
      history.forEach(
          entry -> {
            if (entry.path("recordedBy").asText().startsWith("https://calendar.north-council")) {
              fromCalendar.add(entry);
            }
          });
      assertThat(fromCalendar).hasSize(viaInbox);
      assertThat(fromCalendar)
          .allSatisfy(
              entry -> {
                assertThat(entry.get("type").asText()).isEqualTo("MeetingHeld");
                assertThat(entry.get("recordedByOrganisation").asText()).isEqualTo("north-council");
              });
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(
                          Http.get(query + "/api/partnerships", admin)
                              .json()
                              .get(0)
                              .get("eventCount")
                              .asInt())
                      .as("every event, the inbox's meetings included, on the read side")
                      .isEqualTo(history.size()));
      // A council's recording system may not read the query side.
      String northSystem = stack.token("north-council-system");
      assertThat(Http.get(trustUrl, northSystem).status()).isEqualTo(403);
      // A person at a browser is sent to sign in at the issuer.
      Http.Response page =
          Http.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(query + "/"))
                  .header("Accept", "text/html")
                  .GET()
                  .build());
      assertThat(page.status()).isEqualTo(302);
      // ... and, signed in there as North County Council's analyst, sees the portfolio.
      Http.Response signedIn =
          BrowserSignIn.open(
              query + "/",
              "north-analyst",
              IssuerCredentials.read(dataDir.resolve("issuer")).password("north-analyst"));
      assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
      assertThat(signedIn.body()).contains("demo-shire");
    }
  }
}
