package org.partnershiptracker.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.partnershiptracker.query.readmodel.IncomingEvent;
import org.partnershiptracker.query.readmodel.Portfolio;
import org.partnershiptracker.query.readmodel.ReadModelStore;
import org.partnershiptracker.query.readmodel.ReadModelWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The live projection: a member of the Kafka consumer group {@code tracker.projection.group}, so
 * several query-service instances split the topic's partitions (cooperative rebalancing). It keeps
 * its own positions in MongoDB beside the read models of each partition, written after the
 * documents, and seeks to them whenever it is given a partition; Kafka's committed offsets are only
 * informative. A batch that fails (MongoDB down, another writer) is replayed from the stored
 * positions after a growing pause: never skipped.
 */
@Component
@EnableConfigurationProperties(ProjectionProperties.class)
public class ProjectionConsumer implements SmartLifecycle {
  public static final String PROJECTION = "read-models";
  private static final Logger log = LoggerFactory.getLogger(ProjectionConsumer.class);

  private final ReadModelStore store;
  private final BatchApplier applier;
  private final Portfolio portfolio;
  private final ProjectionProperties properties;
  private final Counter applied;
  private final Counter duplicates;
  private final Timer batches;
  private final Timer delay;
  private volatile boolean running;
  private volatile Thread thread;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile ReadModelWriter writer;
  private volatile Instant lastPollAt;
  private volatile String lastError;
  private volatile long lagEvents;
  private static final Duration LAG_INTERVAL = Duration.ofSeconds(1);
  private static final Duration LAG_TIMEOUT = Duration.ofSeconds(2);
  private long lagMeasuredAt = System.nanoTime() - LAG_INTERVAL.toNanos();

  /** Per assigned partition, the next offset the read models need: what lag counts from. */
  private final Map<TopicPartition, Long> nextToApply = new HashMap<>();

  private volatile Instant lastAppliedRecordedAt;
  private volatile Set<TopicPartition> assigned = Set.of();
  private boolean rewind;

  public ProjectionConsumer(
      ReadModelStore store,
      BatchApplier applier,
      Portfolio portfolio,
      ProjectionProperties properties,
      MeterRegistry metrics) {
    this.store = store;
    this.applier = applier;
    this.portfolio = portfolio;
    this.properties = properties;
    this.applied =
        Counter.builder("tracker.projection.events.applied")
            .description("Events written to the live read models")
            .tag("projection", PROJECTION)
            .register(metrics);
    this.duplicates =
        Counter.builder("tracker.projection.events.duplicate")
            .description("Redelivered events that were already applied (they change nothing)")
            .tag("projection", PROJECTION)
            .register(metrics);
    this.batches =
        Timer.builder("tracker.projection.batch")
            .description("Time to store one batch of records in the read models")
            .tag("projection", PROJECTION)
            .register(metrics);
    this.delay =
        Timer.builder("tracker.projection.delay")
            .description("From an event's record on Kafka to the read models holding it")
            .tag("projection", PROJECTION)
            .publishPercentileHistogram() // so a dashboard can ask for its p99
            .register(metrics);
    Gauge.builder("tracker.projection.lag.events", () -> lagEvents)
        .description("Events on the topic not yet in the read models")
        .tag("projection", PROJECTION)
        .register(metrics);
    Gauge.builder("tracker.projection.lag.seconds", this::lagSeconds)
        .description("Age of the last applied event while more wait behind it, 0 when caught up")
        .tag("projection", PROJECTION)
        .register(metrics);
    Gauge.builder("tracker.projection.partitions.assigned", () -> assigned.size())
        .description("Partitions of the events topic this instance projects")
        .tag("projection", PROJECTION)
        .register(metrics);
  }

  private double lagSeconds() {
    Instant last = lastAppliedRecordedAt;
    return lagEvents == 0 || last == null
        ? 0
        : Math.max(0, Duration.between(last, Instant.now()).toSeconds());
  }

  public Instant lastPollAt() {
    return lastPollAt;
  }

  public String lastError() {
    return lastError;
  }

  public long lagEvents() {
    return lagEvents;
  }

  /** The generation this instance writes, or -1 before it started writing. */
  public int generation() {
    ReadModelWriter current = writer;
    return current == null ? -1 : current.generation();
  }

  public List<Integer> assignedPartitions() {
    return assigned.stream().map(TopicPartition::partition).sorted().toList();
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::run, "projection-live");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    KafkaConsumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    try {
      if (thread != null) {
        thread.join(Duration.ofSeconds(15).toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    Duration backoff = properties.pollTimeout();
    try (KafkaConsumer<String, byte[]> live =
        new KafkaConsumer<>(config(), new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer = live;
      live.subscribe(List.of(properties.topic()), new Rebalance());
      while (running) {
        try {
          measureLag(live);
          followGeneration();
          if (rewind) {
            seekToStoredPositions(live.assignment());
            rewind = false;
          }
          List<ConsumerRecord<String, byte[]>> batch = poll(live);
          lastPollAt = Instant.now();
          if (!batch.isEmpty()) {
            apply(batch);
            live.commitAsync();
          }
          lastError = null;
          backoff = properties.pollTimeout();
        } catch (WakeupException e) {
          // stop() woke the consumer up
        } catch (RuntimeException e) {
          lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
          log.error(
              "The projection failed a batch; it will replay it from the stored positions in {} ms",
              backoff.toMillis(),
              e);
          if (writer != null) {
            writer.forget();
          }
          rewind = true;
          pause(backoff);
          backoff =
              backoff.multipliedBy(2).compareTo(properties.maxRetryBackoff()) > 0
                  ? properties.maxRetryBackoff()
                  : backoff.multipliedBy(2);
        }
      }
    } finally {
      consumer = null;
    }
  }

  /**
   * Records on the assigned partitions not yet in the read models: the partitions' end offsets
   * (last stable, as this consumer reads committed records only) less the next offset to apply, so
   * a batch polled but not stored (MongoDB down) still counts. Asked of the broker at most once a
   * second. The consumer's own {@code currentLag} is not used: it answered 0 while 2,300 records
   * waited (docs/benchmarks/visibility.md). If the broker does not answer, the last figure stays.
   */
  private void measureLag(KafkaConsumer<String, byte[]> live) {
    long now = System.nanoTime();
    if (now - lagMeasuredAt < LAG_INTERVAL.toNanos()) {
      return;
    }
    lagMeasuredAt = now;
    Set<TopicPartition> partitions = live.assignment();
    try {
      Map<TopicPartition, Long> ends = live.endOffsets(partitions, LAG_TIMEOUT);
      long lag = 0;
      for (TopicPartition partition : partitions) {
        long end = ends.getOrDefault(partition, 0L);
        Long next = nextToApply.get(partition);
        lag += Math.max(0, end - (next != null ? next : live.position(partition, LAG_TIMEOUT)));
      }
      lagEvents = lag;
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      log.debug("The events topic's end offsets did not come; projection lag not updated", e);
    }
  }

  private Map<String, Object> config() {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.group());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "query-service-" + ProcessHandle.current().pid());
    config.put(
        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        CooperativeStickyAssignor.class.getName());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollRecords());
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
    if (!properties.batchWait().isZero()) {
      config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 256 * 1024);
      config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) properties.batchWait().toMillis());
    }
    config.put(
        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) properties.sessionTimeout().toMillis());
    config.put(
        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
        (int) Math.max(500, properties.sessionTimeout().toMillis() / 4));
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.putAll(properties.kafkaSecurity());
    return config;
  }

  /**
   * One poll, then more while the consumer is behind, up to a batch: fewer, larger writes when
   * catching up.
   */
  private List<ConsumerRecord<String, byte[]>> poll(KafkaConsumer<String, byte[]> live) {
    List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
    ConsumerRecords<String, byte[]> records = live.poll(properties.pollTimeout());
    records.forEach(batch::add);
    while (records.count() >= properties.maxPollRecords()
        && batch.size() < properties.batchRecords()) {
      records = live.poll(Duration.ZERO);
      records.forEach(batch::add);
    }
    return batch;
  }

  private void apply(List<ConsumerRecord<String, byte[]>> batch) {
    long started = System.nanoTime();
    BatchApplier.Result result = applier.apply(batch, writer, true);
    batches.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    long stored = System.currentTimeMillis();
    for (ConsumerRecord<String, byte[]> record : batch) {
      delay.record(Math.max(0, stored - record.timestamp()), TimeUnit.MILLISECONDS);
    }
    result
        .nextOffsets()
        .forEach(
            (partition, next) ->
                nextToApply.merge(
                    new TopicPartition(properties.topic(), partition), next, Math::max));
    applied.increment(result.applied());
    duplicates.increment(result.duplicates());
    portfolio.markChanged(writer.generation(), result.partnershipsChanged());
    IncomingEvent last = result.last();
    if (last != null && last.recordedAt() != null) {
      lastAppliedRecordedAt = last.recordedAt();
    }
  }

  /**
   * After a rebuild switched generations, this instance writes the new one from its stored
   * positions.
   */
  private void followGeneration() {
    int active = store.activeGeneration();
    if (writer == null || writer.generation() != active) {
      if (writer != null) {
        log.info("Generation {} is live now; projecting into it from its stored positions", active);
      }
      writer = new ReadModelWriter(store, active);
      rewind = true;
    }
  }

  private void seekToStoredPositions(Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    Map<Integer, Long> stored = store.nextOffsets(writer.generation());
    for (TopicPartition partition : partitions) {
      Long next = stored.get(partition.partition());
      if (next == null) {
        consumer.seekToBeginning(List.of(partition));
        try {
          nextToApply.put(partition, consumer.position(partition, LAG_TIMEOUT));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
          nextToApply.remove(partition); // until known, lag counts from the consumer's position
        }
      } else {
        consumer.seek(partition, next);
        nextToApply.put(partition, next);
      }
    }
  }

  private void pause(Duration backoff) {
    try {
      Thread.sleep(backoff.toMillis()); // back off before a retry, not a test wait
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Partitions given to this instance start at the positions stored with their read models. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      assigned = Set.copyOf(consumer.assignment());
      followGeneration();
      writer.forget();
      seekToStoredPositions(partitions);
      log.info(
          "Projecting partitions {} of {}",
          partitions.stream().map(TopicPartition::partition).sorted().toList(),
          properties.topic());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (writer != null) {
        writer.forget();
      }
      Set<TopicPartition> remaining = new java.util.HashSet<>(assigned);
      remaining.removeAll(partitions);
      nextToApply.keySet().removeAll(partitions);
      assigned = Set.copyOf(remaining);
    }
  }
}
