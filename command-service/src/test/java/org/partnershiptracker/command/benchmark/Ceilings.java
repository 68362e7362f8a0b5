package org.partnershiptracker.command.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceilings the write side is measured against, with the tools the issue names: pgbench on the
 * service's own PostgreSQL, and Kafka's own producer perf test on the same broker. Each runs as a
 * process of its own, as a person would run it, and its own summary line is parsed.
 */
final class Ceilings {
  private Ceilings() {}

  /**
   * pgbench, one single-row INSERT per transaction, from {@code clients} connections for {@code
   * seconds}, into a table of its own in the same PostgreSQL; empty when pgbench is not installed
   * (Debian: postgresql-client).
   */
  static Optional<Double> pgbenchInserts(int postgresPort, int clients, int seconds, Path workDir)
      throws IOException, InterruptedException {
    if (!pgbenchInstalled()) {
      return Optional.empty();
    }
    Path script = workDir.resolve("single-row-insert.sql");
    Files.writeString(
        script,
        "INSERT INTO pgbench_ceiling (payload) VALUES (repeat('x', 700));\n",
        StandardCharsets.UTF_8);
    String setup =
        "CREATE TABLE IF NOT EXISTS pgbench_ceiling (id BIGSERIAL PRIMARY KEY, payload TEXT)";
    run(
        List.of("psql", "-h", "localhost", "-p", "" + postgresPort, "-U", "postgres", "-c", setup),
        60);
    String out =
        run(
            List.of(
                "pgbench",
                "-h",
                "localhost",
                "-p",
                "" + postgresPort,
                "-U",
                "postgres",
                "-n",
                "-c",
                "" + clients,
                "-j",
                "" + Math.min(clients, 2),
                "-T",
                "" + seconds,
                "-f",
                script.toString(),
                "postgres"),
            seconds + 60);
    return Optional.of(number(out, "tps = ([0-9.]+)"));
  }

  /**
   * Kafka's producer perf test ({@code kafka-producer-perf-test.sh}'s class), acks=all and
   * idempotent like the publisher, {@code records} records of {@code size} bytes as fast as it can.
   */
  static double kafkaProducerPerfTest(String bootstrapServers, int records, int size)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path")));
    command.addAll(
        List.of(
            "org.apache.kafka.tools.ProducerPerformance",
            "--topic",
            "producer-perf-test",
            "--num-records",
            "" + records,
            "--record-size",
            "" + size,
            "--throughput",
            "-1",
            "--producer-props",
            "bootstrap.servers=" + bootstrapServers,
            "acks=all",
            "enable.idempotence=true"));
    // "100000 records sent, 95238.1 records/sec (57.2 MB/sec), ..." is its last line.
    return number(run(command, 300), "records sent, ([0-9.]+) records/sec");
  }

  static boolean pgbenchInstalled() {
    return onPath("pgbench");
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static String run(List<String> command, int timeoutSeconds)
      throws IOException, InterruptedException {
    // Output to a file, so that the timeout holds even if the tool hangs without writing.
    Path output = Files.createTempFile("ceiling-", ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command.get(0) + " did not end in " + timeoutSeconds + " s");
    }
    String text = Files.readString(output);
    Files.delete(output);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(command + " failed:\n" + text);
    }
    return text;
  }

  private static double number(String output, String pattern) {
    Matcher matcher = Pattern.compile(pattern).matcher(output);
    double last = Double.NaN;
    while (matcher.find()) {
      last = Double.parseDouble(matcher.group(1));
    }
    if (Double.isNaN(last)) {
      throw new IllegalStateException("no '" + pattern + "' in:\n" + output);
    }
    return last;
  }
}
