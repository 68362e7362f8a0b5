package org.partnershiptracker.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.query.readmodel.ReadModelStore;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

/**
 * A rebuild cut short by a stop leaves a trace: its state says INTERRUPTED, and the queries'
 * generation is unchanged.
 */
class RebuildStateTest {
  private final MongoServer server = new MongoServer(H2Backend.inMemory());
  private MongoClient client;

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void aRebuildLeftRunningWithoutAHeartbeatIsReportedInterrupted() {
    server.bind("localhost", 0);
    client = MongoClients.create("mongodb://localhost:" + server.getLocalAddress().getPort());
    ReadModelStore store = new ReadModelStore(client.getDatabase("state"));
    Instant started = Instant.now().minus(Duration.ofMinutes(5));
    store.saveState(
        new Document("_id", "rebuild")
            .append("instance", "a-stopped-instance")
            .append("state", "RUNNING")
            .append("generation", 2)
            .append("eventsDone", 1200L)
            .append("eventsTotal", 5000L)
            .append("applied", 1200L)
            .append("duplicates", 0L)
            .append("rejected", 0L)
            .append("eventsPerSecond", 400.0)
            .append("etaSeconds", 10L)
            .append("startedAt", Date.from(started))
            .append("heartbeatAt", Date.from(started.plusSeconds(3))));
    ProjectionProperties properties =
        Binder.get(new StandardEnvironment())
            .bindOrCreate("tracker.projection", Bindable.of(ProjectionProperties.class));

    RebuildProgress progress =
        new RebuildCoordinator(store, null, null, properties, new SimpleMeterRegistry()).progress();

    assertThat(progress.state()).isEqualTo("INTERRUPTED");
    assertThat(progress.eventsDone()).isEqualTo(1200);
    assertThat(progress.reason())
        .contains("stopped without finishing")
        .contains("queries kept generation 1");
    assertThat(store.activeGeneration()).isEqualTo(1);
    assertThat(store.state("rebuild").orElseThrow().getString("state"))
        .as("recorded, not only reported")
        .isEqualTo("INTERRUPTED");
  }
}
