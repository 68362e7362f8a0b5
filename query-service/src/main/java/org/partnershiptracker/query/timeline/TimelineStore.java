package org.partnershiptracker.query.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.partnershiptracker.events.EventEnvelope;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The partnership timeline in MongoDB: every event once (its id is the document id, so a
 * redelivered event replaces itself and changes nothing), a summary document per partnership,
 * and the Kafka positions the timeline has reached, stored beside it. The three read models are
 * computed from a partnership's timeline, as of any date.
 *
 * <p>Collections carry a generation number: a rebuild writes generation N+1 while queries read
 * generation N, then switches.
 */
@Component
public class TimelineStore {
  private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
  private static final String STATE_ID = "timeline";
  private final MongoDatabase database;
  private final EventDecoder decoder;
  private final ObjectMapper json;
  private volatile int activeGeneration;

  public TimelineStore(MongoDatabase database, EventDecoder decoder, ObjectMapper json) {
    this.database = database;
    this.decoder = decoder;
    this.json = json;
    Document state = state().find(Filters.eq("_id", STATE_ID)).first();
    if (state == null) {
      state().insertOne(new Document("_id", STATE_ID).append("activeGeneration", 1));
      activeGeneration = 1;
    } else {
      activeGeneration = state.getInteger("activeGeneration");
    }
    index(activeGeneration);
  }

  public int activeGeneration() {
    return activeGeneration;
  }

  /** Adds a poll's events and the positions after them; replaying the same records is harmless. */
  public void append(int generation, List<EventEnvelope<JsonNode>> events, Map<Integer, Long> nextOffsets) {
    if (!events.isEmpty()) {
      List<WriteModel<Document>> writes = new ArrayList<>();
      for (EventEnvelope<JsonNode> event : events) {
        writes.add(new ReplaceOneModel<>(Filters.eq("_id", event.eventId()), toDocument(event), upsert()));
      }
      events(generation).bulkWrite(writes, new BulkWriteOptions().ordered(false));
      refreshSummaries(generation, events.stream().map(e -> e.partnershipId().value()).collect(java.util.stream.Collectors.toSet()));
    }
    if (!nextOffsets.isEmpty()) {
      List<WriteModel<Document>> positions = new ArrayList<>();
      nextOffsets.forEach(
          (partition, offset) ->
              positions.add(
                  new ReplaceOneModel<>(
                      Filters.eq("_id", partition),
                      new Document("_id", partition).append("nextOffset", offset),
                      upsert())));
      positionCollection(generation).bulkWrite(positions, new BulkWriteOptions().ordered(false));
    }
  }

  /** Where the timeline of this generation stands on each partition of the topic. */
  public Map<Integer, Long> positions(int generation) {
    Map<Integer, Long> positions = new HashMap<>();
    positionCollection(generation).find().forEach(doc -> positions.put(doc.getInteger("_id"), doc.getLong("nextOffset")));
    return positions;
  }

  /** A partnership's events in the event store's order, from the generation queries read. */
  public List<RecordedEvent> eventsOf(String partnershipId) {
    List<RecordedEvent> events = new ArrayList<>();
    events(activeGeneration)
        .find(Filters.eq("partnershipId", partnershipId))
        .sort(Sorts.ascending("position", "aggregateId", "sequenceNumber"))
        .forEach(doc -> events.add(decoder.decode(envelopeOf(doc))));
    return events;
  }

  public List<Document> summaries() {
    List<Document> summaries = new ArrayList<>();
    summaries(activeGeneration).find().sort(Sorts.ascending("_id")).forEach(summaries::add);
    return summaries;
  }

  public Optional<Document> summary(String partnershipId) {
    return Optional.ofNullable(summaries(activeGeneration).find(Filters.eq("_id", partnershipId)).first());
  }

  public long eventCount(int generation) {
    return events(generation).countDocuments();
  }

  /** Empties the next generation for a rebuild and returns its number. */
  public int prepareGeneration() {
    int next = activeGeneration + 1;
    drop(next);
    index(next);
    return next;
  }

  /** Queries read the given generation from now on; the one before is dropped. */
  public void activate(int generation) {
    int previous = activeGeneration;
    state().updateOne(Filters.eq("_id", STATE_ID), Updates.set("activeGeneration", generation));
    activeGeneration = generation;
    drop(previous);
  }

  /** Records Kafka records that are not readable events, so that nothing is dropped silently. */
  public void reject(int partition, long offset, String reason, byte[] value) {
    database
        .getCollection("rejected_events")
        .replaceOne(
            Filters.eq("_id", partition + "-" + offset),
            new Document("_id", partition + "-" + offset)
                .append("partition", partition)
                .append("offset", offset)
                .append("reason", reason)
                .append("value", new String(value, java.nio.charset.StandardCharsets.UTF_8))
                .append("rejectedAt", new Date()),
            upsert());
  }

  private void refreshSummaries(int generation, Set<String> partnershipIds) {
    List<WriteModel<Document>> writes = new ArrayList<>();
    for (String partnershipId : partnershipIds) {
      MongoCollection<Document> events = events(generation);
      long count = events.countDocuments(Filters.eq("partnershipId", partnershipId));
      Document first =
          events.find(Filters.and(Filters.eq("partnershipId", partnershipId), Filters.eq("type", "PartnershipFormed"))).first();
      Document last = events.find(Filters.eq("partnershipId", partnershipId)).sort(Sorts.descending("position")).first();
      Document summary = new Document("_id", partnershipId).append("eventCount", count);
      if (first != null) {
        Document payload = first.get("envelope", Document.class).get("payload", Document.class);
        summary.append("name", payload.getString("name")).append("formedOn", payload.getString("formedOn"));
      }
      if (last != null) {
        summary.append("lastPosition", last.getLong("position")).append("lastRecordedAt", last.getDate("recordedAt"));
      }
      writes.add(new ReplaceOneModel<>(Filters.eq("_id", partnershipId), summary, upsert()));
    }
    if (!writes.isEmpty()) {
      summaries(generation).bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }
  }

  private Document toDocument(EventEnvelope<JsonNode> event) {
    try {
      return new Document("_id", event.eventId())
          .append("partnershipId", event.partnershipId().value())
          .append("position", event.position())
          .append("aggregateId", event.aggregateId())
          .append("sequenceNumber", event.sequenceNumber())
          .append("type", event.type())
          .append("revision", event.revision())
          .append("recordedAt", Date.from(event.timestamp() == null ? Instant.EPOCH : event.timestamp()))
          .append("envelope", Document.parse(json.writeValueAsString(event)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private EventEnvelope<JsonNode> envelopeOf(Document doc) {
    return decoder.envelope(doc.get("envelope", Document.class).toJson(RELAXED).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private void index(int generation) {
    events(generation).createIndex(Indexes.ascending("partnershipId", "position"));
  }

  private void drop(int generation) {
    events(generation).drop();
    positionCollection(generation).drop();
    summaries(generation).drop();
  }

  private static ReplaceOptions upsert() {
    return new ReplaceOptions().upsert(true);
  }

  private MongoCollection<Document> state() {
    return database.getCollection("projection_state");
  }

  private MongoCollection<Document> events(int generation) {
    return database.getCollection("timeline_events_g" + generation);
  }

  private MongoCollection<Document> positionCollection(int generation) {
    return database.getCollection("timeline_positions_g" + generation);
  }

  private MongoCollection<Document> summaries(int generation) {
    return database.getCollection("partnership_summaries_g" + generation);
  }
}
