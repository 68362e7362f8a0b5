package org.partnershiptracker.command.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.partnershiptracker.command.publication.PublicationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Consumes the activity inbox on one thread, every organisation's inbox topic by a pattern
 * subscription: each record gets an outcome from {@link ActivityIntake}, for the organisation its
 * topic names, published on that organisation's outcomes topic (keyed by source); a record that is
 * not recorded is also copied to the dead-letter topic with its original key, value and headers
 * plus why. Only then, with the outcome stored (in the database, beside the events) and
 * acknowledged by Kafka (acks=all), is the record's offset committed: a crash before the commit
 * redelivers the record, which then replays the stored outcome and records nothing twice.
 *
 * <p>A transient failure (the database or Kafka down) is never dead-lettered: the consumer seeks
 * back to the first record without an outcome and tries again after a pause that doubles up to
 * {@code tracker.inbox.max-retry-backoff}. The pause stays far below {@code max.poll.interval.ms}.
 *
 * <p>The plain Kafka client rather than Spring Kafka's container and DeadLetterPublishingRecoverer:
 * the service has no Spring Kafka (its publisher is the plain client too, with one set of client
 * settings, SASL included); every record here needs an outcome record besides the dead letter, in a
 * fixed order before the commit, and transient failures must be retried without end rather than
 * recovered after N attempts. That is one loop, short enough to read whole, with no second
 * framework's retry and commit semantics to reason about.
 */
public class ActivityInbox implements SmartLifecycle {
  /** Dead-letter headers, added to the record's own. */
  public static final String REASON = "reason";

  public static final String RULE = "rule";
  public static final String ERRORS = "errors";
  public static final String ORIGINAL_TOPIC = "original-topic";
  public static final String ORIGINAL_PARTITION = "original-partition";
  public static final String ORIGINAL_OFFSET = "original-offset";

  private static final Logger log = LoggerFactory.getLogger(ActivityInbox.class);

  private final java.util.function.Supplier<Consumer<String, byte[]>> consumers;
  private final Producer<String, byte[]> producer;
  private final Admin admin;
  private final ActivityIntake intake;
  private final InboxProperties properties;
  private final Duration sendTimeout;
  private final ObjectMapper json;
  private final MeterRegistry metrics;
  private final java.util.regex.Pattern inboxes;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private volatile Consumer<String, byte[]> consumer;
  private volatile Thread thread;
  private volatile boolean running;

  ActivityInbox(
      java.util.function.Supplier<Consumer<String, byte[]>> consumers,
      Producer<String, byte[]> producer,
      Admin admin,
      ActivityIntake intake,
      InboxProperties properties,
      PublicationProperties publication,
      ObjectMapper json,
      MeterRegistry metrics) {
    this.consumers = consumers;
    this.producer = producer;
    this.admin = admin;
    this.intake = intake;
    this.properties = properties;
    this.sendTimeout = publication.sendTimeout();
    this.json = json;
    this.metrics = metrics;
    this.inboxes = properties.subscription();
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::run, "activity-inbox");
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    stopping.countDown();
    Consumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    try {
      if (thread != null) {
        thread.join(TimeUnit.SECONDS.toMillis(30));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** After the command bus and the database are up; stopped before them. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }

  private void run() {
    Duration backoff = properties.retryBackoff();
    while (running) {
      try (Consumer<String, byte[]> c = consumers.get();
          KafkaClientMetrics clientMetrics = new KafkaClientMetrics(c)) {
        // Consumer lag and fetch rates, e.g. kafka_consumer_fetch_manager_records_lag_max.
        clientMetrics.bindTo(metrics);
        consumer = c;
        ensureTopics();
        // Every organisation's inbox topic, those created later too (seen within
        // metadata.max.age.ms).
        c.subscribe(inboxes);
        backoff = properties.retryBackoff();
        while (running) {
          if (consumeOnce(c)) {
            backoff = properties.retryBackoff();
          } else {
            pause(backoff);
            backoff = longer(backoff);
          }
        }
      } catch (WakeupException e) {
        // stopping
      } catch (RuntimeException e) {
        if (!running) {
          break;
        }
        log.warn("Activity inbox failed ({}); reconnecting in {}", e.toString(), backoff);
        pause(backoff);
        backoff = longer(backoff);
      } finally {
        consumer = null;
      }
    }
  }

  /**
   * Polls once and gives every record an outcome, committing as it goes; false if a transient
   * failure sent the consumer back to the first record still without one.
   */
  private boolean consumeOnce(Consumer<String, byte[]> c) {
    ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
    Map<TopicPartition, Long> next = new LinkedHashMap<>();
    for (TopicPartition partition : records.partitions()) {
      next.put(partition, records.records(partition).get(0).offset());
    }
    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    try {
      for (ConsumerRecord<String, byte[]> record : records) {
        if (!running) {
          break;
        }
        handle(record);
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        next.put(partition, record.offset() + 1);
        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
      }
      return true;
    } catch (ActivityIntake.TransientFailure e) {
      log.warn("Activity inbox: {}; will retry", e.getMessage());
      metrics.counter("tracker.inbox.retries").increment();
      next.forEach(c::seek);
      return false;
    } finally {
      if (!done.isEmpty()) {
        c.commitSync(done);
      }
      if (!running) {
        next.forEach(c::seek); // nothing further is committed; the next owner resumes here
      }
    }
  }

  /**
   * The record's outcome published on its organisation's outcomes topic (and its dead letter, if
   * any), acknowledged by Kafka. The organisation is the one the record's topic names: the broker
   * let only that organisation's principals write it.
   */
  private void handle(ConsumerRecord<String, byte[]> record) {
    String organisation =
        InboxProperties.organisationOf(inboxes, record.topic())
            .orElseThrow(() -> new IllegalStateException("not an inbox topic: " + record.topic()));
    InboxOutcome outcome;
    try {
      outcome = intake.take(organisation, record.value(), record.headers());
    } catch (ActivityIntake.TransientFailure e) {
      throw e;
    } catch (RuntimeException e) {
      log.error(
          "Activity inbox: record at {}-{}@{} failed",
          record.topic(),
          record.partition(),
          record.offset(),
          e);
      outcome =
          new InboxOutcome(
              null,
              null,
              null,
              null,
              InboxOutcome.ERROR,
              "error",
              null,
              e.toString(),
              List.of(),
              null);
    }
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    String outcomeKey = outcome.source() != null ? outcome.source() : record.key();
    sends.add(
        producer.send(
            new ProducerRecord<>(properties.outcomesOf(organisation), outcomeKey, bytes(outcome))));
    if (outcome.deadLettered()) {
      sends.add(producer.send(deadLetter(record, outcome)));
    }
    for (Future<RecordMetadata> send : sends) {
      try {
        send.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new ActivityIntake.TransientFailure("Kafka did not acknowledge an outcome", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ActivityIntake.TransientFailure("interrupted", e);
      }
    }
    metrics
        .counter(
            "tracker.inbox.records",
            "outcome",
            outcome.outcome(),
            "reason",
            outcome.reason(),
            "type",
            ActivityTypes.of(String.valueOf(outcome.type())).isPresent() ? outcome.type() : "other")
        .increment();
    if (outcome.deadLettered()) {
      metrics.counter("tracker.inbox.dead.letters", "reason", outcome.reason()).increment();
    }
  }

  /** The original key, value and headers, plus why and where from. */
  private ProducerRecord<String, byte[]> deadLetter(
      ConsumerRecord<String, byte[]> record, InboxOutcome outcome) {
    Headers headers = new RecordHeaders();
    for (Header header : record.headers()) {
      headers.add(header);
    }
    headers.add(REASON, utf8(outcome.reason()));
    if (outcome.rule() != null) {
      headers.add(RULE, utf8(outcome.rule()));
    }
    if (outcome.errors() != null && !outcome.errors().isEmpty()) {
      try {
        headers.add(ERRORS, json.writeValueAsBytes(outcome.errors()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("errors cannot be written as JSON", e);
      }
    }
    headers.add(ORIGINAL_TOPIC, utf8(record.topic()));
    headers.add(ORIGINAL_PARTITION, utf8(String.valueOf(record.partition())));
    headers.add(ORIGINAL_OFFSET, utf8(String.valueOf(record.offset())));
    return new ProducerRecord<>(
        properties.deadLetterTopic(), null, record.key(), record.value(), headers);
  }

  private void ensureTopics() {
    List<String> names = new ArrayList<>(List.of(properties.deadLetterTopic()));
    for (String organisation : properties.organisations()) {
      names.add(properties.inboxOf(organisation));
      names.add(properties.outcomesOf(organisation));
    }
    List<NewTopic> topics =
        names.stream()
            .map(name -> new NewTopic(name, properties.partitions(), (short) -1))
            .toList();
    admin
        .createTopics(topics)
        .values()
        .forEach(
            (name, created) -> {
              try {
                created.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
              } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                  throw new IllegalStateException("cannot create topic " + name, e.getCause());
                }
              } catch (TimeoutException e) {
                throw new IllegalStateException("cannot create topic " + name, e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
              }
            });
  }

  private byte[] bytes(InboxOutcome outcome) {
    try {
      return json.writeValueAsBytes(outcome);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an outcome cannot be written as JSON", e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private void pause(Duration duration) {
    try {
      stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private Duration longer(Duration backoff) {
    Duration doubled = backoff.multipliedBy(2);
    return doubled.compareTo(properties.maxRetryBackoff()) > 0
        ? properties.maxRetryBackoff()
        : doubled;
  }
}
