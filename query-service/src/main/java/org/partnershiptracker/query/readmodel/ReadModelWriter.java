package org.partnershiptracker.query.readmodel;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.partnershiptracker.events.partnership.MeetingHeld;
import org.partnershiptracker.events.partnership.PartnerJoined;
import org.partnershiptracker.events.partnership.PartnershipFormed;
import org.partnershiptracker.events.partnership.PulseSurveyAnswered;
import org.partnershiptracker.query.partnership.model.MeetingKeys;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;

/**
 * Applies batches of events to one generation of the read models. Per batch, for each partnership
 * touched: the new structural events are pushed to the ledger's last page, meetings and surveys to
 * the bucket of the month they happened, the index of last meeting days is raised with {@code
 * $max}; then the heads are replaced, each on the condition that nobody else wrote it since it was
 * read; then the partitions' positions. Every step is an unordered bulk write.
 *
 * <p>A crash between steps replays the batch from the older positions: the heads were not written,
 * so the events are applied again; readers count an entry pushed twice once (entries carry their
 * event id), and {@code $max} is idempotent. An event whose place in its aggregate (aggregate id,
 * sequence number) was already applied is a redelivery: it changes nothing, and if it differs from
 * the first copy it is set aside. One writer per generation and instance; heads are cached, since
 * an instance alone writes the partnerships of its partitions.
 */
public class ReadModelWriter {
  /** Threads that write a batch's documents beside the writer's own (see {@code together}). */
  private static final ExecutorService DOCUMENT_WRITES =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "read-model-writes");
            thread.setDaemon(true);
            return thread;
          });

  private static final int HEAD_CACHE = 20_000;
  private final ReadModelStore store;
  private final int generation;
  private final Map<String, PartnershipHead> heads =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PartnershipHead> eldest) {
          return size() > HEAD_CACHE;
        }
      };

  private static final int INDEX_CACHE = 1_024;

  /**
   * Per index document, days its fields are known to hold at least: this writer raised them, and
   * {@code $max} only ever raises. A raise to no later day changes nothing and is not sent, so a
   * live batch, whose meetings are mostly dated on days already indexed, writes no index document
   * (each write is a whole-document rewrite on the embedded server; docs/benchmarks/visibility.md).
   * Lower bounds stay true whoever else writes the document; they are noted only once a batch is
   * stored, and forgotten with the heads after a failed one.
   */
  private final Map<String, Map<String, Integer>> indexAtLeast =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Integer>> eldest) {
          return size() > INDEX_CACHE;
        }
      };

  public ReadModelWriter(ReadModelStore store, int generation) {
    this.store = store;
    this.generation = generation;
  }

  public int generation() {
    return generation;
  }

  /**
   * What became of a batch: events applied, redeliveries ignored, and events set aside with the
   * reason.
   */
  public record Outcome(
      int applied, int duplicates, List<SetAside> setAside, Set<String> partnershipsChanged) {}

  public record SetAside(IncomingEvent event, String reason) {}

  /**
   * Another writer changed a partnership's read model since this one read it: the batch must be
   * replayed.
   */
  public static class ConcurrentWriteException extends RuntimeException {
    ConcurrentWriteException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Forget cached heads, e.g. after partitions moved or a failed batch. */
  public void forget() {
    heads.clear();
    indexAtLeast.clear();
  }

  public Outcome write(List<IncomingEvent> events, Map<Integer, Long> nextOffsets) {
    Batch batch = new Batch();
    int applied = 0;
    int duplicates = 0;
    List<SetAside> setAside = new ArrayList<>();
    for (IncomingEvent event : events) {
      PartnershipHead head = batch.head(event.partnershipId());
      Long last = head.sequences.get(event.aggregateId());
      if (last != null && event.sequenceNumber() <= last) {
        String difference = batch.differenceFromFirstCopy(head, event);
        if (difference == null) {
          duplicates++;
        } else {
          setAside.add(new SetAside(event, difference));
        }
        continue;
      }
      batch.apply(head, event);
      applied++;
    }
    try {
      batch.flush();
      writePositions(nextOffsets);
    } finally {
      store.wrote(); // after the writes, also a partial one: what was read before is out of date
    }
    heads.putAll(batch.heads);
    batch.indexRaises.forEach(
        (id, raises) ->
            raises.forEach(
                (field, day) ->
                    indexAtLeast
                        .computeIfAbsent(id, i -> new HashMap<>())
                        .merge(field, day, Math::max)));
    return new Outcome(applied, duplicates, setAside, batch.heads.keySet());
  }

  private void writePositions(Map<Integer, Long> nextOffsets) {
    if (nextOffsets.isEmpty()) {
      return;
    }
    List<WriteModel<Document>> writes = new ArrayList<>();
    nextOffsets.forEach(
        (partition, next) -> writes.add(upsert(partition, Updates.max("next", next))));
    store.positions(generation).bulkWrite(writes, new BulkWriteOptions().ordered(false));
  }

  /** The documents one batch changes, gathered so each is written once. */
  private final class Batch {
    final Map<String, PartnershipHead> heads = new LinkedHashMap<>();
    final Map<String, Long> versionsRead = new HashMap<>();
    final Map<String, List<Document>> ledgerPushes = new LinkedHashMap<>();
    final Map<String, Map<String, List<Document>>> activityPushes = new LinkedHashMap<>();
    final Map<String, Map<String, Integer>> indexRaises = new LinkedHashMap<>();

    /** Months (yyyyMM) in which this batch brings events, by partnership. */
    final Map<String, Set<Integer>> monthsDated = new HashMap<>();

    /** Entries of this batch by event id, to compare a redelivery inside the batch. */
    final Map<String, Document> entries = new HashMap<>();

    PartnershipHead head(String partnershipId) {
      return heads.computeIfAbsent(
          partnershipId,
          id -> {
            PartnershipHead cached = ReadModelWriter.this.heads.get(id);
            PartnershipHead head =
                cached != null
                    ? cached.copy()
                    : store.head(generation, id).orElseGet(() -> new PartnershipHead(id));
            versionsRead.put(id, head.version);
            return head;
          });
    }

    void apply(PartnershipHead head, IncomingEvent incoming) {
      head.sequences.put(incoming.aggregateId(), incoming.sequenceNumber());
      monthsDated
          .computeIfAbsent(head.partnershipId, id -> new HashSet<>())
          .add(StoredActivity.month(incoming.event().occurredOn()));
      head.eventCount++;
      head.partition = incoming.partition();
      head.lastPosition = Math.max(head.lastPosition, incoming.position());
      if (incoming.recordedAt() != null
          && (head.lastRecordedAt == null || incoming.recordedAt().isAfter(head.lastRecordedAt))) {
        head.lastRecordedAt = incoming.recordedAt();
      }
      if (incoming.event() instanceof PartnershipFormed formed && head.name == null) {
        head.name = formed.name();
        head.formedOn = formed.formedOn().toString();
      }
      if (incoming.event() instanceof PartnerJoined joined && head.members != null) {
        head.members.add(joined.organisationId().value());
      }
      if (PartnershipFacts.isActivity(incoming.event())) {
        pushActivity(head, incoming);
      } else {
        Document entry = ledgerEntry(incoming);
        int page = head.ledgerEntries / ReadModelStore.LEDGER_PAGE;
        head.ledgerEntries++;
        ledgerPushes
            .computeIfAbsent(
                ReadModelStore.pageId(head.partnershipId, page), p -> new ArrayList<>())
            .add(entry);
        entries.put(incoming.eventId(), entry);
      }
    }

    private void pushActivity(PartnershipHead head, IncomingEvent incoming) {
      LocalDate day = incoming.event().occurredOn();
      int month = StoredActivity.month(day);
      int count = head.months.merge(month, 1, Integer::sum) - 1;
      String partId =
          ReadModelStore.partId(head.partnershipId, month, count / ReadModelStore.ACTIVITY_PART);
      Document entry = activityEntry(incoming);
      String array = incoming.event() instanceof MeetingHeld ? "m" : "s";
      activityPushes
          .computeIfAbsent(partId, p -> new LinkedHashMap<>())
          .computeIfAbsent(array, a -> new ArrayList<>())
          .add(entry);
      entries.put(incoming.eventId(), entry);
      if (incoming.event() instanceof MeetingHeld meeting) {
        head.years.add(day.getYear());
        Map<String, Integer> raises =
            indexRaises.computeIfAbsent(
                ReadModelStore.indexId(head.partnershipId, day.getYear()), i -> new HashMap<>());
        for (String key : MeetingKeys.of(meeting)) {
          raises.merge(
              IndexFields.field(key, day.getMonthValue()), (int) day.toEpochDay(), Math::max);
        }
      }
    }

    /** Null when a redelivered event equals the copy applied first, else why it is set aside. */
    String differenceFromFirstCopy(PartnershipHead head, IncomingEvent incoming) {
      boolean activity = PartnershipFacts.isActivity(incoming.event());
      Document fresh = activity ? activityEntry(incoming) : ledgerEntry(incoming);
      Document first = entries.get(incoming.eventId());
      if (first == null) {
        first =
            activity
                ? storedActivityEntry(head, incoming)
                : storedLedgerEntry(head, incoming.eventId());
      }
      if (first == null) {
        return "sequence %d of aggregate %s was already applied from another event; this record (event %s) is not it: the first copy stands"
            .formatted(incoming.sequenceNumber(), incoming.aggregateId(), incoming.eventId());
      }
      if (!first.containsKey(ActivityCodec.RECORDED_BY)) {
        // A copy applied before envelopes said who recorded them: saying it now is no conflict.
        fresh.remove(ActivityCodec.RECORDED_BY);
      }
      return Objects.equals(first, fresh)
          ? null
          : "event %s was already applied with different content: the first copy stands"
              .formatted(incoming.eventId());
    }

    private Document storedActivityEntry(PartnershipHead head, IncomingEvent incoming) {
      int month = StoredActivity.month(incoming.event().occurredOn());
      List<String> ids =
          ReadModelStore.partIds(head.partnershipId, month, head.months.getOrDefault(month, 0));
      String array = incoming.event() instanceof MeetingHeld ? "m" : "s";
      for (Document bucket : ReadModelStore.byIds(store.activity(generation), ids)) {
        Document entry = find(bucket.getList(array, Document.class, List.of()), incoming.eventId());
        if (entry != null) {
          return entry;
        }
      }
      return null;
    }

    private Document storedLedgerEntry(PartnershipHead head, String eventId) {
      List<String> ids = ReadModelStore.pageIds(head.partnershipId, head.ledgerEntries);
      for (Document doc : ReadModelStore.byIds(store.ledger(generation), ids)) {
        Document entry = find(doc.getList("events", Document.class, List.of()), eventId);
        if (entry != null) {
          return entry;
        }
      }
      return null;
    }

    private static Document find(List<Document> entries, String eventId) {
      return entries.stream()
          .filter(e -> eventId.equals(e.getString(ActivityCodec.EVENT_ID)))
          .findFirst()
          .orElse(null);
    }

    void flush() {
      List<WriteModel<Document>> ledger = new ArrayList<>();
      ledgerPushes.forEach(
          (id, pushed) -> ledger.add(upsert(id, Updates.pushEach("events", pushed))));
      List<WriteModel<Document>> activity = new ArrayList<>();
      activityPushes.forEach(
          (id, arrays) -> {
            List<Bson> pushes = new ArrayList<>();
            arrays.forEach((array, pushed) -> pushes.add(Updates.pushEach(array, pushed)));
            activity.add(upsert(id, Updates.combine(pushes)));
          });
      List<WriteModel<Document>> index = new ArrayList<>();
      indexRaises.forEach(
          (id, raises) -> {
            Map<String, Integer> known = indexAtLeast.getOrDefault(id, Map.of());
            List<Bson> updates = new ArrayList<>();
            raises.forEach(
                (field, day) -> {
                  if (known.getOrDefault(field, Integer.MIN_VALUE) < day) {
                    updates.add(Updates.max(field, day));
                  }
                });
            if (!updates.isEmpty()) {
              index.add(upsert(id, Updates.combine(updates)));
            }
          });
      List<WriteModel<Document>> headWrites = new ArrayList<>();
      heads.forEach(
          (id, head) -> {
            long read = versionsRead.get(id);
            head.version = read + 1;
            monthsDated.getOrDefault(id, Set.of()).forEach(m -> head.dated.put(m, head.version));
            headWrites.add(
                new ReplaceOneModel<>(
                    Filters.and(Filters.eq("_id", id), Filters.eq("v", read)),
                    head.toDocument(),
                    new ReplaceOptions().upsert(true)));
          });
      // Each bulk write is a wait on the store, and the three kinds of documents are independent:
      // they go out together (the consumer's thread waited on them one after the other, profiled
      // in docs/benchmarks/visibility.md). Heads follow only once all three are stored.
      together(
          () -> bulk(store.ledger(generation), ledger),
          () -> bulk(store.activity(generation), activity),
          () -> bulk(store.index(generation), index));
      try {
        bulk(store.heads(generation), headWrites);
      } catch (MongoBulkWriteException e) {
        if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() == 11000)) {
          ReadModelWriter.this.heads.clear();
          throw new ConcurrentWriteException(
              "another writer changed a partnership of this batch since it was read", e);
        }
        throw e;
      }
    }

    /**
     * Runs the writes at once, the first on this thread, and returns when all have ended: none is
     * still in flight when a failed batch is replayed. The first failure is thrown as it was.
     */
    private static void together(Runnable first, Runnable... others) {
      List<Future<?>> running = new ArrayList<>(others.length);
      for (Runnable other : others) {
        running.add(DOCUMENT_WRITES.submit(other));
      }
      RuntimeException failed = null;
      try {
        first.run();
      } catch (RuntimeException e) {
        failed = e;
      }
      for (Future<?> other : running) {
        try {
          other.get();
        } catch (ExecutionException e) {
          if (failed == null) {
            failed =
                e.getCause() instanceof RuntimeException cause
                    ? cause
                    : new IllegalStateException("a read-model write failed", e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          if (failed == null) {
            failed = new IllegalStateException("interrupted while writing the read models", e);
          }
        }
      }
      if (failed != null) {
        throw failed;
      }
    }

    private static void bulk(
        com.mongodb.client.MongoCollection<Document> collection,
        List<WriteModel<Document>> writes) {
      if (!writes.isEmpty()) {
        collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
      }
    }
  }

  static Document ledgerEntry(IncomingEvent incoming) {
    return ActivityCodec.recordedBy(
        new Document(ActivityCodec.EVENT_ID, incoming.eventId())
            .append("t", incoming.type())
            .append("j", incoming.payloadJson()),
        incoming.recordedByOrganisation());
  }

  static Document activityEntry(IncomingEvent incoming) {
    return ActivityCodec.recordedBy(
        incoming.event() instanceof MeetingHeld meeting
            ? ActivityCodec.meeting(incoming.eventId(), meeting)
            : ActivityCodec.survey(incoming.eventId(), (PulseSurveyAnswered) incoming.event()),
        incoming.recordedByOrganisation());
  }

  /** Applies {@code update} to the document with this id, creating it first if there is none. */
  private static UpdateOneModel<Document> upsert(Object id, Bson update) {
    return new UpdateOneModel<>(Filters.eq("_id", id), update, new UpdateOptions().upsert(true));
  }
}
