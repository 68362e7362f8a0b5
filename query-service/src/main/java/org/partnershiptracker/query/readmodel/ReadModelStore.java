package org.partnershiptracker.query.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The read models' documents in MongoDB, per generation (a rebuild fills generation N+1 while
 * queries read N). Every read is by {@code _id}, so the embedded MongoDB-wire server, which has no
 * secondary indexes, answers as fast as a real MongoDB; nothing needs an index but {@code _id}.
 *
 * <ul>
 *   <li>{@code partnerships_g<N>}: one head per partnership ({@link PartnershipHead});
 *   <li>{@code ledger_g<N>}: the structural events (partners, roles, projects, agreements,
 *       milestones, quick wins), in store order, in pages {@code <id>|<page>} of {@value
 *       #LEDGER_PAGE};
 *   <li>{@code activity_g<N>}: meetings and surveys by the month they happened, {@code
 *       <id>|<yyyyMM>|<part>}, parts of {@value #ACTIVITY_PART} entries;
 *   <li>{@code activity_index_g<N>}: per year {@code <id>|<yyyy>}, the last day of each kind of
 *       meeting in each month, so "the last on-site day before the window" needs no scan;
 *   <li>{@code portfolio_g<N>}: a row per partnership with today's figures, for the list;
 *   <li>{@code positions_g<N>}: the next Kafka offset per partition, written after the documents.
 * </ul>
 *
 * Every document is bounded: pages and parts have a fixed number of entries, index documents one
 * entry per kind of meeting and month, heads one entry per aggregate and month.
 */
@Component
public class ReadModelStore {
  public static final int LEDGER_PAGE = 100;

  /**
   * Small, because a batch rewrites the last part of every month it brings entries to: a live
   * service gets a few events per partnership per batch, and a part of 200 meant rewriting about
   * 100 entries for each (the embedded server clones, sizes and compares a whole document per
   * update; docs/benchmarks/visibility.md, "cost per live event"). Parts written with a larger size
   * are still found: an entry's part under the larger size is at most its part under this one.
   */
  public static final int ACTIVITY_PART = 25;

  private static final String STATE = "projection_state";
  private final MongoDatabase database;

  public ReadModelStore(MongoDatabase database) {
    this.database = database;
  }

  /** Writes of read models made by this instance; others' writes move their stored positions. */
  private final java.util.concurrent.atomic.AtomicLong writes =
      new java.util.concurrent.atomic.AtomicLong();

  /** Counts a write of read models, once it is made. */
  void wrote() {
    writes.incrementAndGet();
  }

  /** How many writes of read models this instance has made (see {@link #wrote}). */
  long writes() {
    return writes.get();
  }

  /** The collection {@code name} of one generation of the read models: {@code <name>_g<n>}. */
  private MongoCollection<Document> generation(String name, int generation) {
    return database.getCollection(name + "_g" + generation);
  }

  MongoCollection<Document> heads(int generation) {
    return generation("partnerships", generation);
  }

  MongoCollection<Document> ledger(int generation) {
    return generation("ledger", generation);
  }

  MongoCollection<Document> activity(int generation) {
    return generation("activity", generation);
  }

  MongoCollection<Document> index(int generation) {
    return generation("activity_index", generation);
  }

  MongoCollection<Document> portfolio(int generation) {
    return generation("portfolio", generation);
  }

  MongoCollection<Document> positions(int generation) {
    return generation("positions", generation);
  }

  static String pageId(String partnershipId, int page) {
    return partnershipId + "|" + page;
  }

  static String partId(String partnershipId, int month, int part) {
    return partnershipId + "|" + month + "|" + part;
  }

  /** The ids of the ledger pages that hold a partnership's {@code entries} structural events. */
  static List<String> pageIds(String partnershipId, int entries) {
    List<String> ids = new ArrayList<>();
    for (int page = 0; page * LEDGER_PAGE < entries; page++) {
      ids.add(pageId(partnershipId, page));
    }
    return ids;
  }

  /** The ids of the parts that hold a month's {@code entries} activity entries. */
  static List<String> partIds(String partnershipId, int month, int entries) {
    List<String> ids = new ArrayList<>();
    for (int part = 0; part * ACTIVITY_PART < entries; part++) {
      ids.add(partId(partnershipId, month, part));
    }
    return ids;
  }

  static String indexId(String partnershipId, int year) {
    return partnershipId + "|" + year;
  }

  Optional<PartnershipHead> head(int generation, String partnershipId) {
    return Optional.ofNullable(byId(heads(generation), partnershipId)).map(PartnershipHead::from);
  }

  static Document byId(MongoCollection<Document> collection, String id) {
    return collection.find(Filters.eq("_id", id)).first();
  }

  /**
   * The documents with these ids, in the order of {@code ids}, those that exist: one query, by the
   * {@code _id} index ({@code $in}), in place of one round trip per document.
   */
  static List<Document> byIds(MongoCollection<Document> collection, List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, Document> found = new HashMap<>();
    collection.find(Filters.in("_id", ids)).forEach(doc -> found.put(doc.getString("_id"), doc));
    List<Document> ordered = new ArrayList<>(found.size());
    for (String id : ids) {
      Document doc = found.get(id);
      if (doc != null) {
        ordered.add(doc);
      }
    }
    return ordered;
  }

  /** The ids of the partnerships of a generation (heads only: small documents). */
  public List<String> partnershipIds(int generation) {
    List<String> ids = new ArrayList<>();
    heads(generation)
        .find()
        .projection(new Document("_id", 1))
        .forEach(doc -> ids.add(doc.getString("_id")));
    return ids;
  }

  /** The events a generation's heads say they hold, summed. */
  public long eventCount(int generation) {
    long count = 0;
    for (Document head : heads(generation).find().projection(new Document("eventCount", 1))) {
      count += ((Number) head.get("eventCount")).longValue();
    }
    return count;
  }

  /**
   * Each partnership's head version: a portfolio row computed from an older version is out of date.
   */
  Map<String, Long> headVersions(int generation) {
    Map<String, Long> versions = new HashMap<>();
    heads(generation)
        .find()
        .projection(new Document("v", 1))
        .forEach(doc -> versions.put(doc.getString("_id"), doc.getLong("v")));
    return versions;
  }

  /** Where a generation stands on each partition of the topic. */
  public Map<Integer, Long> nextOffsets(int generation) {
    Map<Integer, Long> positions = new HashMap<>();
    positions(generation)
        .find()
        .forEach(doc -> positions.put(doc.getInteger("_id"), doc.getLong("next")));
    return positions;
  }

  /**
   * The generation queries read; 1 before any rebuild. Read at most once a second: a switch made by
   * another instance reaches this one within a second, one made here at once.
   */
  public int activeGeneration() {
    long now = System.nanoTime();
    if (now - activeReadAt > 1_000_000_000L) {
      Document state = byId(database.getCollection(STATE), "generations");
      active = state == null ? 1 : state.getInteger("active");
      activeReadAt = now;
    }
    return active;
  }

  private volatile int active = 1;
  private volatile long activeReadAt = System.nanoTime() - 2_000_000_000L;

  public void activate(int generation) {
    database
        .getCollection(STATE)
        .replaceOne(
            Filters.eq("_id", "generations"),
            new Document("_id", "generations").append("active", generation),
            new com.mongodb.client.model.ReplaceOptions().upsert(true));
    active = generation;
    activeReadAt = System.nanoTime();
  }

  public Optional<Document> state(String id) {
    return Optional.ofNullable(byId(database.getCollection(STATE), id));
  }

  public void saveState(Document state) {
    database
        .getCollection(STATE)
        .replaceOne(
            Filters.eq("_id", state.getString("_id")),
            state,
            new com.mongodb.client.model.ReplaceOptions().upsert(true));
  }

  /** Drops every collection of a generation. */
  public void drop(int generation) {
    wrote();
    heads(generation).drop();
    ledger(generation).drop();
    activity(generation).drop();
    index(generation).drop();
    portfolio(generation).drop();
    positions(generation).drop();
    wrote();
  }

  /** Generations that have collections, found by name. */
  public List<Integer> generationsPresent() {
    List<Integer> generations = new ArrayList<>();
    for (String name : database.listCollectionNames()) {
      if (name.startsWith("partnerships_g") || name.startsWith("positions_g")) {
        int generation = Integer.parseInt(name.substring(name.indexOf("_g") + 2));
        if (!generations.contains(generation)) {
          generations.add(generation);
        }
      }
    }
    return generations;
  }
}
