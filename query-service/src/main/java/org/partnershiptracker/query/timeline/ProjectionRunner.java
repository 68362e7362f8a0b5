package org.partnershiptracker.query.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.partnershiptracker.events.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consumes partnership.events into the timeline. One thread owns every write: each poll's
 * records are written in one bulk write, followed by the positions they reach, both in MongoDB.
 * The consumer is assigned the topic's partitions and seeks to the stored positions itself, so
 * Kafka's consumer-group offsets play no part; at-least-once delivery is absorbed by the
 * timeline's idempotent writes.
 *
 * <p>A rebuild reads the topic from the beginning into a new generation with a second consumer on
 * the same thread, while queries keep reading the current one; once it has caught up with the
 * live consumer on every partition, the new generation becomes the live one.
 */
@Component
@EnableConfigurationProperties(ProjectionProperties.class)
public class ProjectionRunner implements SmartLifecycle {
  public static final String PROJECTION = "partnership-timeline";
  private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);

  private final TimelineStore store;
  private final EventDecoder decoder;
  private final ProjectionProperties properties;
  private final AtomicBoolean rebuildRequested = new AtomicBoolean();
  private volatile boolean running;
  private volatile Thread thread;
  private volatile KafkaConsumer<String, byte[]> live;
  private volatile RebuildProgress progress;
  private volatile Instant lastPollAt;
  private volatile String lastError;
  private final AtomicLong lagEvents = new AtomicLong();
  private volatile Instant lastAppliedRecordedAt;
  private final Counter applied;

  public ProjectionRunner(TimelineStore store, EventDecoder decoder, ProjectionProperties properties, MeterRegistry metrics) {
    this.store = store;
    this.decoder = decoder;
    this.properties = properties;
    this.progress = RebuildProgress.idle(store.activeGeneration());
    this.applied = Counter.builder("tracker.projection.events.applied").description("Events written to the live read models")
        .tag("projection", PROJECTION).register(metrics);
    Gauge.builder("tracker.projection.lag.events", lagEvents::get).description("Events on the topic not yet in the read models")
        .tag("projection", PROJECTION).register(metrics);
    Gauge.builder("tracker.projection.lag.seconds", this::lagSeconds)
        .description("Age of the oldest event not yet in the read models, 0 when caught up")
        .tag("projection", PROJECTION).register(metrics);
    Gauge.builder("tracker.rebuild.events.done", () -> progress.eventsDone()).tag("projection", PROJECTION).register(metrics);
    Gauge.builder("tracker.rebuild.events.total", () -> progress.eventsTotal()).tag("projection", PROJECTION).register(metrics);
    Gauge.builder("tracker.rebuild.running", () -> "RUNNING".equals(progress.state()) ? 1 : 0)
        .tag("projection", PROJECTION).register(metrics);
  }

  /** Approximation: how old the last applied event was when more were waiting behind it. */
  private double lagSeconds() {
    Instant last = lastAppliedRecordedAt;
    return lagEvents.get() == 0 || last == null ? 0 : Math.max(0, Duration.between(last, Instant.now()).toSeconds());
  }

  /** Asks for a rebuild; it starts on the consumer thread at its next turn. */
  public RebuildProgress requestRebuild() {
    if (!"RUNNING".equals(progress.state())) {
      rebuildRequested.set(true);
    }
    return progress;
  }

  public RebuildProgress progress() {
    return progress;
  }

  public Instant lastPollAt() {
    return lastPollAt;
  }

  public String lastError() {
    return lastError;
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::run, "projection-" + PROJECTION);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    KafkaConsumer<String, byte[]> consumer = live;
    if (consumer != null) {
      consumer.wakeup();
    }
    try {
      if (thread != null) {
        thread.join(Duration.ofSeconds(10).toMillis());
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
    Rebuild rebuild = null;
    try (KafkaConsumer<String, byte[]> consumer = newConsumer("live")) {
      live = consumer;
      while (running) {
        try {
          // Positions are read from MongoDB only to (re)assign, not on every poll.
          if (consumer.assignment().isEmpty() && !assign(consumer, store.positions(store.activeGeneration()))) {
            consumer.poll(properties.pollTimeout()); // no topic yet: wait without spinning
            continue;
          }
          // While a rebuild runs the live poll must not wait: the rebuild's polls share this thread.
          ConsumerRecords<String, byte[]> records = consumer.poll(rebuild == null ? properties.pollTimeout() : Duration.ZERO);
          applied.increment(apply(store.activeGeneration(), records));
          lagEvents.set(consumer.assignment().stream().mapToLong(p -> consumer.currentLag(p).orElse(0)).sum());
          lastPollAt = Instant.now();
          lastError = null;
          if (rebuild == null && rebuildRequested.getAndSet(false)) {
            rebuild = new Rebuild();
          }
          if (rebuild != null && rebuild.step(consumer)) {
            rebuild = null;
          }
        } catch (WakeupException e) {
          // stop() woke the consumer up
        } catch (RuntimeException e) {
          lastError = e.getMessage();
          log.error("Projection {} failed a poll; retrying", PROJECTION, e);
          pause();
        }
      }
    } finally {
      if (rebuild != null) {
        rebuild.close();
      }
    }
  }

  private KafkaConsumer<String, byte[]> newConsumer(String role) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
            ConsumerConfig.CLIENT_ID_CONFIG, "query-service-" + role,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollRecords(),
            ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  /** Assigns every partition of the topic once it exists, at the stored positions. */
  private boolean assign(KafkaConsumer<String, byte[]> consumer, Map<Integer, Long> positions) {
    if (!consumer.assignment().isEmpty()) {
      return true;
    }
    List<PartitionInfo> partitions = consumer.partitionsFor(properties.topic(), Duration.ofSeconds(5));
    if (partitions == null || partitions.isEmpty()) {
      return false;
    }
    List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(assigned);
    for (TopicPartition partition : assigned) {
      Long next = positions.get(partition.partition());
      if (next == null) {
        consumer.seekToBeginning(List.of(partition));
      } else {
        consumer.seek(partition, next);
      }
    }
    return true;
  }

  /** Writes one poll's records and the positions after them to the given generation. */
  private int apply(int generation, ConsumerRecords<String, byte[]> records) {
    if (records.isEmpty()) {
      return 0;
    }
    List<EventEnvelope<JsonNode>> events = new ArrayList<>();
    Map<Integer, Long> nextOffsets = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      nextOffsets.merge(record.partition(), record.offset() + 1, Math::max);
      try {
        EventEnvelope<JsonNode> envelope = decoder.envelope(record.value());
        decoder.decode(envelope); // refuse now what queries could not read later
        events.add(envelope);
      } catch (EventDecoder.UnreadableEvent e) {
        log.error("Record {}-{} is not a readable event: {}", record.partition(), record.offset(), e.getMessage());
        store.reject(record.partition(), record.offset(), e.getMessage(), record.value());
      }
    }
    store.append(generation, events, nextOffsets);
    if (!events.isEmpty()) {
      lastAppliedRecordedAt = events.get(events.size() - 1).timestamp();
    }
    return records.count();
  }

  private void pause() {
    try {
      Thread.sleep(properties.pollTimeout().toMillis()); // back off after a failure, not a test wait
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** A replay of the whole topic into a new generation, driven by the consumer thread. */
  private final class Rebuild {
    private final int generation = store.prepareGeneration();
    private final KafkaConsumer<String, byte[]> consumer = newConsumer("rebuild");
    private final Instant startedAt = Instant.now();
    private final long total;
    private long done;
    private Instant lastLog = Instant.now();

    Rebuild() {
      assign(consumer, Map.of());
      Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
      Map<TopicPartition, Long> beginning = consumer.beginningOffsets(consumer.assignment());
      total = end.entrySet().stream().mapToLong(e -> e.getValue() - beginning.get(e.getKey())).sum();
      report("RUNNING", null);
      log.info("Rebuild of {} started into generation {}: {} events on the topic", PROJECTION, generation, total);
    }

    /** One poll of the replay; true once it has caught up and taken over. */
    boolean step(KafkaConsumer<String, byte[]> liveConsumer) {
      done += apply(generation, consumer.poll(Duration.ofMillis(100)));
      report("RUNNING", null);
      if (Duration.between(lastLog, Instant.now()).toSeconds() >= 2) {
        lastLog = Instant.now();
        log.info("Rebuild of {}: {} / {} events, {} events/s", PROJECTION, done, total, String.format("%.0f", progress.eventsPerSecond()));
      }
      boolean caughtUp =
          liveConsumer.assignment().stream()
              .allMatch(p -> consumer.assignment().contains(p) && consumer.position(p) >= liveConsumer.position(p));
      if (!caughtUp) {
        return false;
      }
      store.activate(generation);
      for (TopicPartition partition : liveConsumer.assignment()) {
        liveConsumer.seek(partition, consumer.position(partition));
      }
      report("COMPLETED", Instant.now());
      log.info("Rebuild of {} completed: {} events in {} s ({} events/s); generation {} is live",
          PROJECTION, done, Duration.between(startedAt, Instant.now()).toSeconds(),
          String.format("%.0f", progress.eventsPerSecond()), generation);
      close();
      return true;
    }

    void close() {
      consumer.close();
    }

    private void report(String state, Instant finishedAt) {
      double seconds = Math.max(0.001, Duration.between(startedAt, Instant.now()).toMillis() / 1000.0);
      progress = new RebuildProgress(PROJECTION, state, generation, done, Math.max(total, done), done / seconds, startedAt, finishedAt);
    }
  }
}
