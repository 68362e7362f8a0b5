package org.partnershiptracker.infra.kafka;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link KafkaBroker} as its own JVM for the local stack: {@code LocalKafka <log dir> <port>
 * <controller port>}. It stops cleanly on SIGTERM / Ctrl-C.
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
    KafkaBroker broker = KafkaBroker.start(logDir, port, controllerPort);
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
            + ", data in "
            + logDir.toAbsolutePath());
    stopped.await();
  }
}
