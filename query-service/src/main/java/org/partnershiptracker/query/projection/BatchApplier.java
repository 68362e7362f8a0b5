package org.partnershiptracker.query.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.partnershiptracker.query.readmodel.IncomingEvent;
import org.partnershiptracker.query.readmodel.ReadModelWriter;
import org.springframework.stereotype.Component;

/**
 * One batch of records into one generation: each record decoded on its own, the readable ones
 * written, the others set aside, then the positions after the batch. Shared by the live projection
 * and the rebuild, so both treat every record alike.
 */
@Component
public class BatchApplier {
  private final RecordDecoder decoder;
  private final RejectedRecords rejected;

  public BatchApplier(RecordDecoder decoder, RejectedRecords rejected) {
    this.decoder = decoder;
    this.rejected = rejected;
  }

  /**
   * How a batch's records ended: every record read is applied, a duplicate, or rejected; and, by
   * partition, the next offset after the batch, as stored with the read models.
   */
  public record Result(
      int read,
      int applied,
      int duplicates,
      int rejected,
      Set<String> partnershipsChanged,
      IncomingEvent last,
      Map<Integer, Long> nextOffsets) {}

  public Result apply(
      List<ConsumerRecord<String, byte[]>> records,
      ReadModelWriter writer,
      boolean countRejections) {
    List<IncomingEvent> events = new ArrayList<>();
    List<RejectedRecords.Rejection> rejections = new ArrayList<>();
    Map<Integer, Long> nextOffsets = new HashMap<>();
    Map<String, ConsumerRecord<String, byte[]>> byPlace = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      nextOffsets.merge(record.partition(), record.offset() + 1, Math::max);
      RecordDecoder.Decoded decoded = decoder.decode(record);
      if (decoded.event() != null) {
        events.add(decoded.event());
        byPlace.putIfAbsent(decoded.event().partition() + "-" + decoded.event().offset(), record);
      } else {
        rejections.add(
            new RejectedRecords.Rejection(
                record.partition(),
                record.offset(),
                record.key(),
                decoded.unreadable().reason(),
                decoded.unreadable().detail(),
                record.value()));
      }
    }
    // Rejections first: if the batch fails after them, its replay stores them again under the same
    // ids.
    rejected.store(rejections, countRejections);
    ReadModelWriter.Outcome outcome = writer.write(events, nextOffsets);
    List<RejectedRecords.Rejection> conflicts = new ArrayList<>();
    for (ReadModelWriter.SetAside setAside : outcome.setAside()) {
      IncomingEvent event = setAside.event();
      ConsumerRecord<String, byte[]> record = byPlace.get(event.partition() + "-" + event.offset());
      conflicts.add(
          new RejectedRecords.Rejection(
              event.partition(),
              event.offset(),
              record.key(),
              "conflicting-duplicate",
              setAside.reason(),
              record.value()));
    }
    rejected.store(conflicts, countRejections);
    return new Result(
        records.size(),
        outcome.applied(),
        outcome.duplicates(),
        rejections.size() + conflicts.size(),
        outcome.partnershipsChanged(),
        events.isEmpty() ? null : events.get(events.size() - 1),
        nextOffsets);
  }
}
