package org.partnershiptracker.infra.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.partnershiptracker.infra.kafka.KafkaUsers;

/**
 * A council's calendar system, as the demo plays it: publishes meetings as CloudEvents (structured
 * JSON mode) on its organisation's activity inbox topic with the plain Kafka client, as its own
 * Kafka user, and waits for their outcomes on its organisation's outcomes topic (README "For
 * council systems"). Every record's id is derived from the meeting's id, so publishing again
 * records nothing twice.
 */
final class InboxCalendar {
  /** The CloudEvent source of the demo's calendar (recorded as {@code recordedBy}). */
  static final String SOURCE = "https://calendar.north-council.example/demo";

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern OUTCOME = Pattern.compile("\"outcome\"\\s*:\\s*\"([^\"]+)\"");

  private final Map<String, Object> client;
  private final KafkaUsers.Credentials user;
  private final KafkaUsers.Inbox topics = KafkaUsers.Inbox.standard(List.of());
  private final String organisation;
  private final Map<String, String> meetings = new LinkedHashMap<>();

  InboxCalendar(String bootstrapServers, KafkaUsers.Credentials user, String organisation) {
    this.client = new HashMap<>(KafkaUsers.clientConfig(user));
    this.client.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    this.user = user;
    this.organisation = organisation;
  }

  /** The demo's calendar of North, from the environment run-local.sh sets; null if none. */
  static InboxCalendar fromEnvironment(String organisation) {
    String servers = System.getenv("DEMO_INBOX_BOOTSTRAP_SERVERS");
    String username = System.getenv("DEMO_INBOX_USERNAME");
    String password = System.getenv("DEMO_INBOX_PASSWORD");
    if (servers == null || username == null || password == null) {
      return null;
    }
    return new InboxCalendar(servers, new KafkaUsers.Credentials(username, password), organisation);
  }

  String organisation() {
    return organisation;
  }

  /** Keeps a meeting ({@code data} = the HTTP body) to publish. */
  void meeting(String meetingId, String heldOn, String data) {
    meetings.put(
        "demo-" + meetingId,
        """
        {"specversion":"1.0","id":"demo-%s","source":"%s","type":"org.partnershiptracker.meeting.recorded.v1",\
        "subject":"%s","time":"%sT17:00:00Z","datacontenttype":"application/json","data":%s}\
        """
            .formatted(meetingId, SOURCE, DemoPartnership.ID, heldOn, data));
  }

  int size() {
    return meetings.size();
  }

  /**
   * Publishes the meetings and waits until each has its outcome; fails if one was not recorded or
   * the outcomes do not all come within {@code timeout}.
   */
  void publishAndAwait(Duration timeout) throws Exception {
    Map<String, Object> consumerConfig = new HashMap<>(client);
    // Groups of a council system begin with its user name (its ACL).
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, user.username() + "-demo");
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    Map<String, Object> producerConfig = new HashMap<>(client);
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaConsumer<String, String> outcomes =
            new KafkaConsumer<>(
                consumerConfig, new StringDeserializer(), new StringDeserializer());
        KafkaProducer<String, String> producer =
            new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
      outcomes.subscribe(List.of(topics.outcomesOf(organisation)));
      List<Future<RecordMetadata>> sends = new ArrayList<>();
      for (String event : meetings.values()) {
        sends.add(
            producer.send(
                new ProducerRecord<>(topics.inboxOf(organisation), DemoPartnership.ID, event)));
      }
      for (Future<RecordMetadata> send : sends) {
        send.get(30, TimeUnit.SECONDS);
      }
      Map<String, String> pending = new HashMap<>(meetings);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!pending.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              pending.size() + " meetings published on the inbox got no outcome in " + timeout);
        }
        for (ConsumerRecord<String, String> record : outcomes.poll(Duration.ofMillis(500))) {
          String id = first(ID, record.value());
          if (id != null && pending.remove(id) != null) {
            String outcome = first(OUTCOME, record.value());
            if (!"recorded".equals(outcome)) {
              throw new IllegalStateException(
                  "the inbox did not record demo meeting " + id + ": " + record.value());
            }
          }
        }
      }
      outcomes.commitSync();
    }
  }

  private static String first(Pattern pattern, String json) {
    Matcher matcher = pattern.matcher(json == null ? "" : json);
    return matcher.find() ? matcher.group(1) : null;
  }
}
