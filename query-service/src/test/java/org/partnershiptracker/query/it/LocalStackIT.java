package org.partnershiptracker.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershiptracker.infra.process.ServiceJvm.freePort;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.infra.issuer.ClientCredentials;
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
    Path dataDir = Path.of("target/local-stack-" + UUID.randomUUID()).toAbsolutePath();
    int commandPort = freePort();
    int queryPort = freePort();
    int issuerPort = freePort();
    ProcessBuilder builder =
        new ProcessBuilder("bash", "run-local.sh")
            .directory(Path.of("..").toFile())
            .redirectErrorStream(true);
    builder
        .environment()
        .putAll(
            Map.of(
                "SKIP_BUILD", "1",
                "DATA_DIR", dataDir.toString(),
                "COMMAND_SERVICE_PORT", String.valueOf(commandPort),
                "QUERY_SERVICE_PORT", String.valueOf(queryPort),
                "KAFKA_PORT", String.valueOf(freePort()),
                "KAFKA_CONTROLLER_PORT", String.valueOf(freePort()),
                "ISSUER_PORT", String.valueOf(issuerPort)));
    long started = System.nanoTime();
    Process stack = builder.start();
    StringBuffer output = new StringBuffer();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> output.append(line).append('\n'));
              } catch (IOException e) {
                output.append("reader: ").append(e.getMessage());
              }
            });
    reader.start();
    try {
      await()
          .atMost(Duration.ofMinutes(4))
          .until(() -> output.toString().contains("Running.") || !stack.isAlive());
      assertThat(output.toString())
          .as(output::toString)
          .contains("Running.", "Loaded the demo partnership");
      long seconds = (System.nanoTime() - started) / 1_000_000_000;
      String figure =
          "run-local.sh (SKIP_BUILD=1) to all healthy with the demo loaded: " + seconds + " s";
      log.info(figure);
      Files.writeString(Path.of("target/local-stack-startup.txt"), figure + System.lineSeparator());
      assertThat(output.toString())
          .contains("http://localhost:" + queryPort + "/api/partnerships/demo-shire/report");

      // Signed in as the demo's admin client, from the stack's own issuer.
      String admin =
          ClientCredentials.token(
              "http://localhost:" + issuerPort, dataDir.resolve("issuer"), "demo-admin");
      String query = "http://localhost:" + queryPort;
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
      // A council's recording system may not read the query side.
      String northSystem =
          ClientCredentials.token(
              "http://localhost:" + issuerPort, dataDir.resolve("issuer"), "north-council-system");
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
    } finally {
      stack.destroy(); // SIGTERM, as Ctrl-C would: the script stops what it started
      if (!stack.waitFor(90, TimeUnit.SECONDS)) {
        stack.destroyForcibly();
      }
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        ProcessHandle.allProcesses()
                            .filter(
                                p ->
                                    p.info()
                                        .commandLine()
                                        .map(c -> c.contains(dataDir.toString()))
                                        .orElse(false))
                            .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                            .toList())
                    .as("processes left behind")
                    .isEmpty());
  }
}
