package org.partnershiptracker.query.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.events.EventEnvelope;
import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.events.partnership.PartnerJoined;
import org.partnershiptracker.events.partnership.PartnershipFormed;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.Sector;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The timeline store against a MongoDB-wire server: idempotent writes, positions, generations. */
class TimelineStoreTest {
  private static final PartnershipId SHIRE = PartnershipId.of("shire");
  private final ObjectMapper json =
      new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final EventDecoder decoder = new EventDecoder(json);
  private MongoServer server;
  private MongoClient client;
  private TimelineStore store;

  @BeforeEach
  void start() {
    server = new MongoServer(H2Backend.inMemory());
    server.bind("localhost", 0);
    client = MongoClients.create("mongodb://localhost:" + server.getLocalAddress().getPort());
    store = new TimelineStore(client.getDatabase("test"), decoder, json);
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
  }

  private EventEnvelope<JsonNode> envelope(String eventId, long position, PartnershipEvent event) {
    return new EventEnvelope<>(
        eventId, event.getClass().getSimpleName(), "1", SHIRE, "Partnership", "shire", position - 1, position,
        Instant.parse("2025-01-06T10:00:00Z"), json.valueToTree(event));
  }

  private List<EventEnvelope<JsonNode>> formation() {
    LocalDate day = LocalDate.of(2025, 1, 6);
    return List.of(
        envelope("e1", 1, new PartnershipFormed(SHIRE, "Shire data partnership", null, day)),
        envelope("e2", 2, new PartnerJoined(SHIRE, OrganisationId.of("uni"), "Shire University", Sector.UNIVERSITY, day)));
  }

  @Test
  void aRedeliveredBatchChangesNothing() {
    store.append(1, formation(), Map.of(0, 2L));
    store.append(1, formation(), Map.of(0, 2L));

    assertThat(store.eventsOf("shire")).extracting(RecordedEvent::eventId).containsExactly("e1", "e2");
    assertThat(store.eventCount(1)).isEqualTo(2);
    assertThat(store.summary("shire").orElseThrow().getString("name")).isEqualTo("Shire data partnership");
    assertThat(store.summary("shire").orElseThrow().get("eventCount")).isEqualTo(2L);
  }

  @Test
  void eventsComeBackTypedAndInStoreOrder() {
    List<EventEnvelope<JsonNode>> reversed = List.of(formation().get(1), formation().get(0));
    store.append(1, reversed, Map.of());

    List<RecordedEvent> events = store.eventsOf("shire");
    assertThat(events.get(0).event()).isInstanceOf(PartnershipFormed.class);
    assertThat(events.get(1).event())
        .isEqualTo(new PartnerJoined(SHIRE, OrganisationId.of("uni"), "Shire University", Sector.UNIVERSITY, LocalDate.of(2025, 1, 6)));
    assertThat(events.get(1).position()).isEqualTo(2);
  }

  @Test
  void positionsAreStoredBesideTheEvents() {
    store.append(1, formation(), Map.of(0, 2L, 3, 7L));
    assertThat(store.positions(1)).containsEntry(0, 2L).containsEntry(3, 7L);
  }

  @Test
  void queriesReadTheActiveGenerationUntilARebuildTakesOver() {
    store.append(1, formation(), Map.of(0, 2L));
    int next = store.prepareGeneration();
    store.append(next, formation().subList(0, 1), Map.of(0, 1L));

    assertThat(store.eventsOf("shire")).hasSize(2);

    store.activate(next);
    assertThat(store.activeGeneration()).isEqualTo(2);
    assertThat(store.eventsOf("shire")).hasSize(1);
    assertThat(store.eventCount(1)).isZero();
  }

  @Test
  void anEventOfAnUnknownTypeOrRevisionIsRefusedWithTheReason() {
    EventEnvelope<JsonNode> known = formation().get(0);
    EventEnvelope<JsonNode> unknownType = new EventEnvelope<>(
        "x", "PartnershipDissolved", "1", SHIRE, "Partnership", "shire", 0, 1, Instant.now(), known.payload());
    EventEnvelope<JsonNode> futureRevision = new EventEnvelope<>(
        "y", "PartnershipFormed", "2", SHIRE, "Partnership", "shire", 0, 1, Instant.now(), known.payload());

    assertThatThrownBy(() -> decoder.decode(unknownType)).hasMessageContaining("unknown event type PartnershipDissolved");
    assertThatThrownBy(() -> decoder.decode(futureRevision)).hasMessageContaining("revision 2 is not known");
    assertThatThrownBy(() -> decoder.envelope("not json".getBytes())).isInstanceOf(EventDecoder.UnreadableEvent.class);
  }
}
