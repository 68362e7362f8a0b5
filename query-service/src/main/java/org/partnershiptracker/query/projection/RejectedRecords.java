package org.partnershiptracker.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records set aside: Kafka records that are not readable events, and events that conflict with the
 * copy applied first. Each is kept in {@code rejected_events} (id = topic partition and offset, so
 * reading it again records it once) with the reason and the raw value, and counted in {@code
 * tracker_projection_events_rejected_total{reason}}; nothing is dropped silently.
 */
@Component
public class RejectedRecords {
  private static final Logger log = LoggerFactory.getLogger(RejectedRecords.class);
  static final String COLLECTION = "rejected_events";
  private static final int MAX_VALUE_BYTES = 64 * 1024;
  private final MongoDatabase database;
  private final MeterRegistry metrics;

  public RejectedRecords(MongoDatabase database, MeterRegistry metrics) {
    this.database = database;
    this.metrics = metrics;
  }

  /** A record set aside: where it was read, why, and its value. */
  public record Rejection(
      int partition, long offset, String key, String reason, String detail, byte[] value) {}

  /**
   * Stores the rejections of one batch; {@code count} says whether they are counted (a rebuild
   * re-reads records already counted).
   */
  public void store(List<Rejection> rejections, boolean count) {
    if (rejections.isEmpty()) {
      return;
    }
    List<WriteModel<Document>> writes = new ArrayList<>();
    for (Rejection rejection : rejections) {
      String id = rejection.partition() + "-" + rejection.offset();
      Document doc =
          new Document("_id", id)
              .append("partition", rejection.partition())
              .append("offset", rejection.offset())
              .append("key", rejection.key())
              .append("reason", rejection.reason())
              .append("detail", rejection.detail())
              .append("rejectedAt", new Date());
      appendValue(doc, rejection.value());
      writes.add(
          new ReplaceOneModel<>(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true)));
      if (count) {
        log.warn(
            "Record {}-{} set aside ({}): {}",
            rejection.partition(),
            rejection.offset(),
            rejection.reason(),
            rejection.detail());
        counter(rejection.reason()).increment();
      }
    }
    collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
  }

  /** The value as text when it is UTF-8, else as bytes; cut to 64 KiB, saying so. */
  private static void appendValue(Document doc, byte[] value) {
    if (value == null) {
      doc.append("value", null);
      return;
    }
    byte[] kept =
        value.length > MAX_VALUE_BYTES ? java.util.Arrays.copyOf(value, MAX_VALUE_BYTES) : value;
    doc.append("valueBytes", value.length);
    try {
      doc.append(
          "value",
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(kept))
              .toString());
    } catch (CharacterCodingException e) {
      doc.append("valueBinary", new Binary(kept));
    }
  }

  public Counter counter(String reason) {
    return Counter.builder("tracker.projection.events.rejected")
        .description("Records set aside instead of applied, by reason")
        .tag("reason", reason)
        .register(metrics);
  }

  public long count() {
    return collection().countDocuments();
  }

  /** The most recent rejection, for the health detail. */
  public Document latest() {
    return collection().find().sort(Sorts.descending("rejectedAt")).limit(1).first();
  }

  private MongoCollection<Document> collection() {
    return database.getCollection(COLLECTION);
  }
}
