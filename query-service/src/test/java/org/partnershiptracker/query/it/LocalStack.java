package org.partnershiptracker.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershiptracker.infra.process.ServiceJvm.freePort;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.partnershiptracker.infra.issuer.ClientCredentials;

/**
 * The README's run command, {@code run-local.sh} (with the jars this build made, SKIP_BUILD=1), on
 * free ports and its own data directory; closing it stops the script as Ctrl-C would and checks
 * that no process it started is left behind.
 */
final class LocalStack implements AutoCloseable {
  final Path dataDir;
  final int commandPort = freePort();
  final int queryPort = freePort();
  final int issuerPort = freePort();
  private final Process script;
  private final StringBuffer output = new StringBuffer();

  private LocalStack(String name) throws IOException {
    dataDir = Path.of("target/" + name + "-" + UUID.randomUUID()).toAbsolutePath();
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
    script = builder.start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> output.append(line).append('\n'));
              } catch (IOException e) {
                output.append("reader: ").append(e.getMessage());
              }
            });
    reader.start();
  }

  /** Starts the script; {@link #awaitRunning} waits for it. */
  static LocalStack start(String name) throws IOException {
    return new LocalStack(name);
  }

  /** Waits until the script says it runs (or dies), then checks the demo was loaded. */
  void awaitRunning() {
    await()
        .atMost(Duration.ofMinutes(7)) // run-local.sh's own limit (240 s) plus the demo load
        .until(() -> output.toString().contains("Running.") || !script.isAlive());
    assertThat(output.toString())
        .as(output::toString)
        .contains("Running.", "Loaded the demo partnership");
  }

  String output() {
    return output.toString();
  }

  String issuer() {
    return "http://localhost:" + issuerPort;
  }

  String commandService() {
    return "http://localhost:" + commandPort;
  }

  String queryService() {
    return "http://localhost:" + queryPort;
  }

  /** An access token of one of the issuer's demo clients (client credentials). */
  String token(String client) {
    return ClientCredentials.token(issuer(), dataDir.resolve("issuer"), client);
  }

  @Override
  public void close() throws InterruptedException {
    script.destroy(); // SIGTERM, as Ctrl-C would: the script stops what it started
    if (!script.waitFor(90, TimeUnit.SECONDS)) {
      script.destroyForcibly();
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
