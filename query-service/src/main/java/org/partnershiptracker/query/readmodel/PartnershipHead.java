package org.partnershiptracker.query.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;

/**
 * The small document that says where a partnership's read model stands: how many events it holds,
 * the last sequence number applied per aggregate (the first copy of an event wins), and how many
 * entries each month's activity bucket and the structural ledger hold, so readers know which
 * documents to fetch by id. It is written last in every batch, with a version check, so a crash
 * before it replays the batch and a second writer is detected.
 */
final class PartnershipHead {
  final String partnershipId;
  long version;
  int partition;
  String name;
  String formedOn;
  long eventCount;
  long lastPosition = -1;
  Instant lastRecordedAt;

  /** Structural events in the ledger: pages of {@link ReadModelStore#LEDGER_PAGE}. */
  int ledgerEntries;

  final Map<String, Long> sequences = new TreeMap<>();

  /** Activity entries per month (yyyyMM): parts of {@link ReadModelStore#ACTIVITY_PART}. */
  final TreeMap<Integer, Integer> months = new TreeMap<>();

  /**
   * Every organisation that is or was a partner: callers are scoped to these. Null on a head stored
   * before they were kept (then read from the ledger).
   */
  TreeSet<String> members = new TreeSet<>();

  /** Years with an index document of last meeting days. */
  final TreeSet<Integer> years = new TreeSet<>();

  /**
   * The version that last brought an event dated in each month (yyyyMM). Figures as of a day depend
   * only on the events dated on or before it, so a trend's past months stay valid while no event
   * dated in or before their month arrives (a live event dated today changes only today's).
   */
  final TreeMap<Integer, Long> dated = new TreeMap<>();

  /**
   * Months changed before {@link #dated} was kept count as changed at this version: a head stored
   * earlier knows no more.
   */
  long datedFloor;

  PartnershipHead(String partnershipId) {
    this.partnershipId = partnershipId;
  }

  boolean exists() {
    return version > 0;
  }

  static PartnershipHead from(Document doc) {
    PartnershipHead head = new PartnershipHead(doc.getString("_id"));
    head.version = doc.getLong("v");
    head.partition = doc.getInteger("partition", -1);
    head.name = doc.getString("name");
    head.formedOn = doc.getString("formedOn");
    head.eventCount = doc.getLong("eventCount");
    head.lastPosition = doc.getLong("lastPosition");
    Date recordedAt = doc.getDate("lastRecordedAt");
    head.lastRecordedAt = recordedAt == null ? null : recordedAt.toInstant();
    head.ledgerEntries = doc.getInteger("ledger", 0);
    for (Object pair : doc.getList("seq", Object.class, List.of())) {
      List<?> entry = (List<?>) pair;
      head.sequences.put((String) entry.get(0), ((Number) entry.get(1)).longValue());
    }
    for (Object pair : doc.getList("months", Object.class, List.of())) {
      List<?> entry = (List<?>) pair;
      head.months.put(((Number) entry.get(0)).intValue(), ((Number) entry.get(1)).intValue());
    }
    List<String> members = doc.getList("members", String.class);
    head.members = members == null ? null : new TreeSet<>(members);
    for (Object year : doc.getList("years", Object.class, List.of())) {
      head.years.add(((Number) year).intValue());
    }
    List<Object> dated = doc.getList("dated", Object.class);
    if (dated == null) {
      head.datedFloor = head.version;
    } else {
      head.datedFloor = doc.getLong("datedFloor");
      for (Object pair : dated) {
        List<?> entry = (List<?>) pair;
        head.dated.put(((Number) entry.get(0)).intValue(), ((Number) entry.get(1)).longValue());
      }
    }
    return head;
  }

  Document toDocument() {
    Document doc =
        new Document("_id", partnershipId)
            .append("v", version)
            .append("partition", partition)
            .append("name", name)
            .append("formedOn", formedOn)
            .append("eventCount", eventCount)
            .append("lastPosition", lastPosition)
            .append("lastRecordedAt", lastRecordedAt == null ? null : Date.from(lastRecordedAt))
            .append("ledger", ledgerEntries);
    doc.append(
        "seq",
        sequences.entrySet().stream().map(e -> List.<Object>of(e.getKey(), e.getValue())).toList());
    doc.append(
        "months",
        months.entrySet().stream().map(e -> List.<Object>of(e.getKey(), e.getValue())).toList());
    doc.append("years", List.copyOf(years));
    doc.append(
        "dated",
        dated.entrySet().stream().map(e -> List.<Object>of(e.getKey(), e.getValue())).toList());
    doc.append("datedFloor", datedFloor);
    if (members != null) {
      doc.append("members", List.copyOf(members));
    }
    return doc;
  }

  /**
   * The version that last brought an event dated on or before {@code day}'s month: while it is the
   * same, so is every figure as of {@code day}.
   */
  long versionUpTo(LocalDate day) {
    long latest = datedFloor;
    for (long version : dated.headMap(StoredActivity.month(day), true).values()) {
      latest = Math.max(latest, version);
    }
    return latest;
  }

  PartnershipHead copy() {
    return from(toDocument());
  }
}
