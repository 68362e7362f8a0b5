package org.partnershiptracker.query.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.partnershiptracker.query.partnership.model.RecordedEvent;
import org.partnershiptracker.query.trust.model.TrustBuildingCalculator;
import org.partnershiptracker.query.trust.model.TrustSettings;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The materialised read models over a real MongoDB-wire server (mongo-java-server, in-memory H2
 * store): the writer, the reader and the portfolio as the service wires them, without Spring.
 */
final class ReadModelFixture implements AutoCloseable {
  static final ObjectMapper JSON =
      Jackson2ObjectMapperBuilder.json()
          .featuresToDisable(
              com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();
  final MongoServer server = new MongoServer(H2Backend.inMemory());
  final MongoClient client;
  final TrustBuildingCalculator trust = new TrustBuildingCalculator(TrustSettings.defaults());
  MongoDatabase database;
  ReadModelStore store;
  PartnershipReadModels readModels;
  private long offset;
  private int databases;

  ReadModelFixture() {
    var address = server.bind();
    client = MongoClients.create("mongodb://localhost:" + address.getPort());
    empty();
  }

  /** Starts over in a database of its own. */
  ReadModelFixture empty() {
    database = client.getDatabase("read_models_" + ++databases);
    store = new ReadModelStore(database);
    readModels = new PartnershipReadModels(store, trust, JSON);
    return this;
  }

  Portfolio portfolio(LocalDate today) {
    return new Portfolio(
        store,
        readModels,
        trust,
        Clock.fixed(today.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
  }

  /** The event as it comes off the topic, read from partition 0 at the next offset. */
  IncomingEvent incoming(RecordedEvent recorded) {
    try {
      return new IncomingEvent(
          0,
          offset++,
          recorded.eventId(),
          recorded.event().getClass().getSimpleName(),
          recorded.aggregateId(),
          recorded.sequenceNumber(),
          recorded.position(),
          recorded.recordedAt(),
          recorded.event(),
          JSON.writeValueAsString(recorded.event()),
          recorded.recordedByOrganisation());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<IncomingEvent> incoming(List<RecordedEvent> events) {
    return events.stream().map(this::incoming).toList();
  }

  @Override
  public void close() {
    client.close();
    server.shutdownNow();
  }
}
