package org.partnershiptracker.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.partnershiptracker.query.readmodel.Portfolio;
import org.partnershiptracker.query.readmodel.ReadModelStore;
import org.partnershiptracker.query.readmodel.ReadModelWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the read models from the events topic into a new generation while queries keep reading
 * the current one, and switches only when the new generation proves it holds what it read: it
 * records the topic's end offsets at the start, reads to them, then on until it has caught up with
 * the live projection; every record read must be applied, a duplicate or rejected, and the
 * partnerships' heads must hold exactly the events applied. Otherwise it ends FAILED with the
 * reason and the old generation stays. Its state is kept in MongoDB with a heartbeat, so a rebuild
 * cut short by a stop is reported INTERRUPTED.
 */
@Component
public class RebuildCoordinator {
  private static final Logger log = LoggerFactory.getLogger(RebuildCoordinator.class);
  private static final String STATE_ID = "rebuild";
  private static final Duration HEARTBEAT = Duration.ofSeconds(2);
  private static final Duration STALE = Duration.ofSeconds(30);
  private final ReadModelStore store;
  private final BatchApplier applier;
  private final Portfolio portfolio;
  private final ProjectionProperties properties;
  private final String instance = UUID.randomUUID().toString();
  private volatile RebuildProgress progress;
  private volatile Thread thread;

  public RebuildCoordinator(
      ReadModelStore store,
      BatchApplier applier,
      Portfolio portfolio,
      ProjectionProperties properties,
      MeterRegistry metrics) {
    this.store = store;
    this.applier = applier;
    this.portfolio = portfolio;
    this.properties = properties;
    this.progress = stored();
    String tag = ProjectionConsumer.PROJECTION;
    Gauge.builder("tracker.rebuild.events.done", () -> progress.eventsDone())
        .tag("projection", tag)
        .register(metrics);
    Gauge.builder("tracker.rebuild.events.total", () -> progress.eventsTotal())
        .tag("projection", tag)
        .register(metrics);
    Gauge.builder("tracker.rebuild.running", () -> progress.running() ? 1 : 0)
        .tag("projection", tag)
        .register(metrics);
    Gauge.builder(
            "tracker.rebuild.eta.seconds",
            () -> progress.etaSeconds() == null ? 0 : progress.etaSeconds())
        .description("Estimated seconds until the running rebuild has read the topic")
        .tag("projection", tag)
        .register(metrics);
  }

  /** The last rebuild's progress; one left RUNNING without a heartbeat for 30 s was interrupted. */
  public synchronized RebuildProgress progress() {
    if (thread == null || !thread.isAlive()) {
      progress = stored();
    }
    return progress;
  }

  /** Starts a rebuild unless one is running; answers its progress. */
  public synchronized RebuildProgress request() {
    if (progress().running()) {
      return progress;
    }
    int generation =
        Math.max(
                store.activeGeneration(),
                store.generationsPresent().stream().max(Integer::compare).orElse(0))
            + 1;
    Counts counts = new Counts(generation, Instant.now());
    progress = counts.progress("RUNNING", null, null);
    save(progress);
    thread = new Thread(() -> run(counts), "projection-rebuild");
    thread.setDaemon(true);
    thread.start();
    return progress;
  }

  private void run(Counts counts) {
    int generation = counts.generation;
    Instant startedAt = counts.startedAt;
    try {
      int active = store.activeGeneration();
      for (int stale : store.generationsPresent()) {
        if (stale != active) {
          store.drop(
              stale); // earlier rebuilds' generations: failed ones, or the one a switch left behind
        }
      }
      try (KafkaConsumer<String, byte[]> consumer =
          new KafkaConsumer<>(config(), new StringDeserializer(), new ByteArrayDeserializer())) {
        List<TopicPartition> partitions = partitions(consumer);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        for (TopicPartition partition : partitions) {
          if (beginning.get(partition) > 0) {
            throw new Failed(
                "partition %d of %s starts at offset %d: the records before it were deleted, so a rebuild would lose them"
                    .formatted(
                        partition.partition(), properties.topic(), beginning.get(partition)));
          }
        }
        counts.total = partitions.stream().mapToLong(p -> end.get(p) - beginning.get(p)).sum();
        log.info(
            "Rebuild into generation {} started: {} records on {} to read",
            generation,
            counts.total,
            properties.topic());
        ReadModelWriter writer = new ReadModelWriter(store, generation);
        readUntil(
            consumer,
            writer,
            counts,
            end,
            properties.rebuildStallTimeout(),
            "read the topic to its end offsets");
        // Caught up with live: not behind the positions the live projection has stored.
        Instant catchUpStart = Instant.now();
        while (true) {
          Map<Integer, Long> live = store.nextOffsets(store.activeGeneration());
          Map<TopicPartition, Long> target = new HashMap<>();
          partitions.forEach(p -> target.put(p, live.getOrDefault(p.partition(), 0L)));
          if (partitions.stream().allMatch(p -> consumer.position(p) >= target.get(p))) {
            break;
          }
          Duration left =
              properties
                  .rebuildCatchUpTimeout()
                  .minus(Duration.between(catchUpStart, Instant.now()));
          if (left.isNegative()) {
            throw new Failed(
                "did not catch up with the live projection within "
                    + properties.rebuildCatchUpTimeout());
          }
          readUntil(consumer, writer, counts, target, left, "catch up with the live projection");
        }
        verify(generation, counts);
        portfolio.refreshAll(generation);
        store.activate(generation);
        progress = counts.progress("COMPLETED", Instant.now(), null);
        save(progress);
        log.info(
            "Rebuild completed: generation {} is live with {} events ({} duplicates, {} rejected)"
                + " read in {} s",
            generation,
            counts.applied,
            counts.duplicates,
            counts.rejected,
            Duration.between(startedAt, Instant.now()).toSeconds());
      }
    } catch (RuntimeException e) {
      String reason =
          e instanceof Failed
              ? e.getMessage()
              : e.getClass().getSimpleName() + ": " + e.getMessage();
      log.error(
          "Rebuild into generation {} failed; queries keep generation {}: {}",
          generation,
          store.activeGeneration(),
          reason,
          e);
      progress = counts.progress("FAILED", Instant.now(), reason);
      save(progress);
      try {
        store.drop(generation);
      } catch (RuntimeException dropFailed) {
        log.warn("Could not drop failed generation {}", generation, dropFailed);
      }
    }
  }

  private void readUntil(
      KafkaConsumer<String, byte[]> consumer,
      ReadModelWriter writer,
      Counts counts,
      Map<TopicPartition, Long> target,
      Duration stallTimeout,
      String goal) {
    Instant lastProgress = Instant.now();
    Instant lastHeartbeat = Instant.now();
    while (!target.entrySet().stream()
        .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
      List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
      consumer.poll(Duration.ofMillis(200)).forEach(batch::add);
      if (!batch.isEmpty()) {
        BatchApplier.Result result = applier.apply(batch, writer, false);
        counts.add(result);
        lastProgress = Instant.now();
      } else if (Duration.between(lastProgress, Instant.now()).compareTo(stallTimeout) > 0) {
        throw new Failed(
            "read nothing for %d s before it could %s".formatted(stallTimeout.toSeconds(), goal));
      }
      if (Duration.between(lastHeartbeat, Instant.now()).compareTo(HEARTBEAT) >= 0) {
        lastHeartbeat = Instant.now();
        progress = counts.progress("RUNNING", null, null);
        save(progress);
        log.info(
            "Rebuild: {} / {} records, {} records/s, ETA {} s",
            counts.read,
            counts.total,
            String.format("%.0f", progress.eventsPerSecond()),
            progress.etaSeconds());
      }
    }
    progress = counts.progress("RUNNING", null, null);
  }

  /**
   * The new generation holds exactly what was read: heads count every applied event, nothing else.
   */
  private void verify(int generation, Counts counts) {
    if (counts.read != counts.applied + counts.duplicates + counts.rejected) {
      throw new Failed(
          "read %d records but applied %d, ignored %d duplicates and rejected %d"
              .formatted(counts.read, counts.applied, counts.duplicates, counts.rejected));
    }
    long held = store.eventCount(generation);
    if (held != counts.applied) {
      throw new Failed(
          "the new generation holds %d events but %d were applied".formatted(held, counts.applied));
    }
  }

  private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
    List<PartitionInfo> infos = consumer.partitionsFor(properties.topic(), Duration.ofSeconds(10));
    if (infos == null || infos.isEmpty()) {
      throw new Failed("the topic " + properties.topic() + " does not exist");
    }
    return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
  }

  private Map<String, Object> config() {
    Map<String, Object> config = new HashMap<>(properties.kafkaSecurity());
    config.putAll(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            properties.bootstrapServers(),
            ConsumerConfig.CLIENT_ID_CONFIG,
            "query-service-rebuild-" + ProcessHandle.current().pid(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            properties.batchRecords(),
            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
            4 * 1024 * 1024,
            ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
            64 * 1024 * 1024,
            ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
            false,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed"));
    return config;
  }

  private void save(RebuildProgress progress) {
    store.saveState(
        new Document("_id", STATE_ID)
            .append("instance", instance)
            .append("heartbeatAt", new Date())
            .append("state", progress.state())
            .append("generation", progress.generation())
            .append("eventsDone", progress.eventsDone())
            .append("eventsTotal", progress.eventsTotal())
            .append("applied", progress.applied())
            .append("duplicates", progress.duplicates())
            .append("rejected", progress.rejected())
            .append("eventsPerSecond", progress.eventsPerSecond())
            .append("etaSeconds", progress.etaSeconds())
            .append("reason", progress.reason())
            .append(
                "startedAt", progress.startedAt() == null ? null : Date.from(progress.startedAt()))
            .append(
                "finishedAt",
                progress.finishedAt() == null ? null : Date.from(progress.finishedAt())));
  }

  /** The stored state; a RUNNING one whose heartbeat stopped is recorded as INTERRUPTED. */
  private RebuildProgress stored() {
    Document state = store.state(STATE_ID).orElse(null);
    if (state == null) {
      return RebuildProgress.idle(store.activeGeneration());
    }
    RebuildProgress stored =
        new RebuildProgress(
            ProjectionConsumer.PROJECTION,
            state.getString("state"),
            state.getInteger("generation"),
            number(state, "eventsDone"),
            number(state, "eventsTotal"),
            number(state, "applied"),
            number(state, "duplicates"),
            number(state, "rejected"),
            ((Number) state.get("eventsPerSecond")).doubleValue(),
            state.get("etaSeconds") == null ? null : number(state, "etaSeconds"),
            state.getString("reason"),
            instant(state, "startedAt"),
            instant(state, "finishedAt"));
    Instant heartbeat = instant(state, "heartbeatAt");
    boolean mine =
        instance.equals(state.getString("instance")) && thread != null && thread.isAlive();
    if (stored.running() && !mine && heartbeat.plus(STALE).isBefore(Instant.now())) {
      stored =
          new RebuildProgress(
              stored.projection(),
              "INTERRUPTED",
              stored.generation(),
              stored.eventsDone(),
              stored.eventsTotal(),
              stored.applied(),
              stored.duplicates(),
              stored.rejected(),
              stored.eventsPerSecond(),
              null,
              "the rebuild stopped without finishing (no heartbeat since "
                  + heartbeat
                  + "); queries kept generation "
                  + store.activeGeneration()
                  + "; request a new rebuild",
              stored.startedAt(),
              null);
      save(stored);
    }
    return stored;
  }

  private static long number(Document doc, String field) {
    return ((Number) doc.get(field)).longValue();
  }

  private static Instant instant(Document doc, String field) {
    Date date = doc.getDate(field);
    return date == null ? null : date.toInstant();
  }

  /** One rebuild's tallies: what it read into its generation since it started. */
  private static final class Counts {
    final int generation;
    final Instant startedAt;
    long total;
    long read;
    long applied;
    long duplicates;
    long rejected;

    Counts(int generation, Instant startedAt) {
      this.generation = generation;
      this.startedAt = startedAt;
    }

    void add(BatchApplier.Result result) {
      read += result.read();
      applied += result.applied();
      duplicates += result.duplicates();
      rejected += result.rejected();
    }

    RebuildProgress progress(String state, Instant finishedAt, String reason) {
      double seconds =
          Math.max(
              0.001,
              Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt)
                      .toMillis()
                  / 1000.0);
      double rate = read / seconds;
      Long eta =
          "RUNNING".equals(state) && rate > 0
              ? (long) Math.ceil(Math.max(0, total - read) / rate)
              : null;
      return new RebuildProgress(
          ProjectionConsumer.PROJECTION,
          state,
          generation,
          read,
          Math.max(total, read),
          applied,
          duplicates,
          rejected,
          rate,
          eta,
          reason,
          startedAt,
          finishedAt);
    }
  }

  private static final class Failed extends RuntimeException {
    Failed(String message) {
      super(message);
    }
  }
}
