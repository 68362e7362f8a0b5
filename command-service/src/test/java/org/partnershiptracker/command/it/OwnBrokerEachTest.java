package org.partnershiptracker.command.it;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.partnershiptracker.infra.kafka.KafkaBroker;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An IT whose every test starts its own Kafka broker and command-service (see {@link
 * CommandServiceInJvm}) under a new {@link #runDir}; after the test (and after the test's own
 * clients are closed) the service stops, then the broker.
 */
abstract class OwnBrokerEachTest {
  final Path runDir;
  KafkaBroker broker;
  ConfigurableApplicationContext app;

  /** {@code name}: the run directory's name, below {@code target/it-data}, before a random part. */
  OwnBrokerEachTest(String name) {
    runDir = Path.of("target/it-data/" + name + "-" + UUID.randomUUID());
  }

  @AfterEach
  void stopServiceThenBroker() {
    if (app != null) app.close();
    if (broker != null) broker.close();
  }
}
