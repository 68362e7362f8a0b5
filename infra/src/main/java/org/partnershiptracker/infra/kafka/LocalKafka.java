package org.partnershiptracker.infra.kafka;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a secured {@link KafkaBroker} as its own JVM for the local stack: {@code LocalKafka <log
 * dir> <port> <controller port>}. Its users come from the environment, so that no password shows in
 * the process list: {@code KAFKA_ADMIN_USERNAME} / {@code KAFKA_ADMIN_PASSWORD} (the super user),
 * {@code KAFKA_COMMAND_USERNAME} / {@code KAFKA_COMMAND_PASSWORD} (the command-service, the only
 * writer of the events topic), {@code KAFKA_QUERY_USERNAME} / {@code KAFKA_QUERY_PASSWORD} (the
 * query-service, the only reader), and optionally {@code KAFKA_TOPIC} and {@code KAFKA_QUERY_GROUP}
 * (the services' defaults otherwise); optionally {@code KAFKA_COUNCIL_SYSTEMS}, organisation ids
 * separated by commas, each with its council system's {@code KAFKA_COUNCIL_<ORGANISATION>_USERNAME}
 * / {@code _PASSWORD} (the organisation upper-cased, other characters than letters and digits as
 * '_': {@code north-council} → {@code KAFKA_COUNCIL_NORTH_COUNCIL_USERNAME}); each writes its
 * organisation's activity inbox topic and reads its outcomes, nothing else. It stops cleanly on
 * SIGTERM / Ctrl-C.
 */
public final class LocalKafka {
  private LocalKafka() {}

  public static void main(String[] args) throws InterruptedException {
    // Named so that it never becomes the logging configuration of tests that have infra on their
    // path.
    System.setProperty("logback.configurationFile", "local-kafka-logback.xml");
    Path logDir = Path.of(args.length > 0 ? args[0] : "data/kafka");
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 9092;
    int controllerPort = args.length > 2 ? Integer.parseInt(args[2]) : 9093;
    KafkaUsers users;
    try {
      users =
          new KafkaUsers(
              credentials("KAFKA_ADMIN"),
              credentials("KAFKA_COMMAND"),
              credentials("KAFKA_QUERY"),
              System.getenv().getOrDefault("KAFKA_TOPIC", "partnership.events"),
              System.getenv().getOrDefault("KAFKA_QUERY_GROUP", "query-service-read-models"));
      String councils = System.getenv().getOrDefault("KAFKA_COUNCIL_SYSTEMS", "");
      for (String organisation : councils.split("[,\\s]+")) {
        if (!organisation.isEmpty()) {
          users = users.withCouncilSystem(organisation, credentials(councilPrefix(organisation)));
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("LocalKafka: " + e.getMessage());
      System.exit(2);
      return;
    }
    KafkaBroker broker = KafkaBroker.startSecured(logDir, port, controllerPort, users);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.close();
                  stopped.countDown();
                },
                "kafka-shutdown"));
    System.out.println(
        "Kafka broker (KRaft) ready on "
            + broker.bootstrapServers()
            + " (SASL_PLAINTEXT, SCRAM-SHA-512; users "
            + users.admin().username()
            + ", "
            + users.command().username()
            + ", "
            + users.query().username()
            + (users.inbox().councilSystems().isEmpty()
                ? ""
                : "; council systems "
                    + users.inbox().councilSystems().stream()
                        .map(c -> c.credentials().username() + " for " + c.organisation())
                        .toList())
            + "), data in "
            + logDir.toAbsolutePath());
    stopped.await();
  }

  /** {@code KAFKA_COUNCIL_NORTH_COUNCIL} for {@code north-council}. */
  static String councilPrefix(String organisation) {
    return "KAFKA_COUNCIL_"
        + organisation.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /**
   * {@code <prefix>_USERNAME} and {@code <prefix>_PASSWORD} from the environment, both required.
   */
  private static KafkaUsers.Credentials credentials(String prefix) {
    String username = System.getenv(prefix + "_USERNAME");
    String password = System.getenv(prefix + "_PASSWORD");
    if (username == null || username.isBlank() || password == null || password.isBlank()) {
      throw new IllegalArgumentException(
          "set " + prefix + "_USERNAME and " + prefix + "_PASSWORD (run-local.sh does)");
    }
    return new KafkaUsers.Credentials(username, password);
  }
}
