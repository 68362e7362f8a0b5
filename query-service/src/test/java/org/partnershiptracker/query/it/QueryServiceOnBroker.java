package org.partnershiptracker.query.it;

import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.partnershiptracker.infra.kafka.KafkaBroker;
import org.partnershiptracker.query.readmodel.ReadModelStore;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An IT (one instance for all its tests) of the query-service in this JVM, projecting a real
 * broker's events topic (3 partitions) into read models in a MongoDB-wire server whose data lie
 * under {@link #runDir}, so that they outlive a stop of the server. After the last test (and after
 * the test's own clients are closed) the service stops, then the server, the topic and the broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QueryServiceOnBroker {
  final Path runDir;
  KafkaBroker broker;
  EventsTopic topic;
  MongoServer mongo;
  int mongoPort;
  ConfigurableApplicationContext queryService;
  String base;

  /** {@code name}: the run directory's name, below {@code target}, before a random part. */
  QueryServiceOnBroker(String name) {
    runDir = Path.of("target/" + name + "-" + UUID.randomUUID()).toAbsolutePath();
  }

  /** The broker with the events topic, and the read models' server on a free port. */
  void startBrokerAndMongo() throws Exception {
    Files.createDirectories(runDir);
    broker = KafkaBroker.start(runDir.resolve("kafka"), 0, 0);
    topic = new EventsTopic(broker.bootstrapServers(), 3);
    startMongo(0);
  }

  /** The read models' server on {@code port} (0: a free one), with the data it had before. */
  void startMongo(int port) {
    mongo = new MongoServer(new H2Backend(runDir.resolve("read-models.mv").toString()));
    mongo.bind("localhost", port);
    mongoPort = mongo.getLocalAddress().getPort();
  }

  /** The query-service on the topic and the read models, with the test's own {@code settings}. */
  void startQueryService(String... settings) {
    List<String> arguments = new ArrayList<>();
    arguments.add(
        "--spring.data.mongodb.uri=mongodb://localhost:"
            + mongoPort
            + "/?serverSelectionTimeoutMS=2000"); // a batch fails fast while the server is down
    arguments.add("--tracker.projection.bootstrap-servers=" + broker.bootstrapServers());
    arguments.addAll(List.of(settings));
    queryService = QueryServiceInJvm.start(arguments.toArray(String[]::new));
    base = QueryServiceInJvm.url(queryService);
  }

  /** Waits until the active read models have applied every record now on the topic. */
  void awaitCaughtUp() {
    Map<Integer, Long> end = topic.endOffsets();
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> {
              ReadModelStore store = queryService.getBean(ReadModelStore.class);
              Map<Integer, Long> reached = store.nextOffsets(store.activeGeneration());
              return end.entrySet().stream()
                  .allMatch(e -> reached.getOrDefault(e.getKey(), 0L) >= e.getValue());
            });
  }

  @AfterAll
  void stopServiceAndBroker() {
    if (queryService != null) queryService.close();
    if (mongo != null) mongo.shutdownNow();
    if (topic != null) topic.close();
    if (broker != null) broker.close();
  }
}
