package org.partnershiptracker.query.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.query.partnership.model.RecordedEvent;
import org.partnershiptracker.query.testdata.PartnershipHistories;

/**
 * The writer alone against the embedded store (no Kafka, no HTTP): events per second for each
 * 100,000 written, to see whether the rate is flat and what the store's settings change. Not run by
 * the build; run with {@code -Dtest=ReadModelWriterSoak -Dsurefire.failIfNoSpecifiedTests=false}
 * and soak.events, soak.partnerships, soak.store (file or memory), soak.cacheMb, soak.fillRate.
 */
class ReadModelWriterSoak {
  @Test
  void writeAndReportTheRatePerHundredThousand() throws Exception {
    int events = Integer.getInteger("soak.events", 600_000);
    int partnerships = Integer.getInteger("soak.partnerships", 1_000);
    int batch = Integer.getInteger("soak.batch", 20_000);
    String kind = System.getProperty("soak.store", "file");
    Random random = new Random(20_251_126L);
    LocalDate until = LocalDate.now();
    List<List<RecordedEvent>> histories = new ArrayList<>();
    long position = 1;
    for (int i = 0; i < partnerships; i++) {
      List<RecordedEvent> history =
          PartnershipHistories.generate(
              random,
              "partnership-%04d".formatted(i),
              events / partnerships,
              until.minusDays(365 + random.nextInt(730)),
              until,
              position);
      position += history.size();
      histories.add(history);
    }
    Path dir = Files.createTempDirectory("soak");
    MVStore mv =
        kind.equals("memory")
            ? new MVStore.Builder().open()
            : new MVStore.Builder()
                .fileName(dir.resolve("read-models.mv").toString())
                .cacheSize(Integer.getInteger("soak.cacheMb", 16))
                .autoCompactFillRate(Integer.getInteger("soak.fillRate", 90))
                .open();
    MongoServer server = new MongoServer(new H2Backend(mv));
    try (MongoClient client =
        MongoClients.create("mongodb://localhost:" + server.bind().getPort())) {
      ReadModelFixture fixture = new ReadModelFixture();
      ReadModelStore store = new ReadModelStore(client.getDatabase("soak"));
      ReadModelWriter writer = new ReadModelWriter(store, 1);
      // Round robin over the partnerships, each in its own order, as live traffic interleaves.
      int[] cursor = new int[partnerships];
      List<RecordedEvent> pending = new ArrayList<>(batch);
      long written = 0;
      long mark = System.nanoTime();
      boolean more = true;
      while (more) {
        more = false;
        for (int p = 0; p < partnerships; p++) {
          if (cursor[p] < histories.get(p).size()) {
            pending.add(histories.get(p).get(cursor[p]++));
            more = true;
          }
          if (pending.size() == batch) {
            writer.write(fixture.incoming(pending), Map.of());
            written += pending.size();
            pending.clear();
            if (written % 100_000 == 0) {
              long now = System.nanoTime();
              System.out.printf(
                  "[soak %s cache %s MB fill %s] %,d written: %,.0f events/s; file %,d MB; heap %,d"
                      + " MB%n",
                  kind,
                  Integer.getInteger("soak.cacheMb", 16),
                  Integer.getInteger("soak.fillRate", 90),
                  written,
                  100_000 / ((now - mark) / 1e9),
                  Files.exists(dir.resolve("read-models.mv"))
                      ? Files.size(dir.resolve("read-models.mv")) >> 20
                      : 0,
                  (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
              mark = now;
            }
          }
        }
      }
      fixture.close();
    } finally {
      server.shutdownNow();
    }
  }
}
