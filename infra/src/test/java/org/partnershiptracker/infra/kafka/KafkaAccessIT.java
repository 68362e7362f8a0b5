package org.partnershiptracker.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnershiptracker.infra.kafka.KafkaUsers.Credentials;

/**
 * A secured broker lets each service do its part and nothing else: only the command-service's
 * principal writes partnership.events, only the query-service's reads it (in its own group), and a
 * client with no account, a wrong password or plain text gets nothing.
 */
class KafkaAccessIT {
  private static final KafkaUsers USERS =
      KafkaUsers.withFreshPasswords()
          .withCouncilSystem("north-council", Credentials.fresh("north-council-system"))
          .withCouncilSystem("south-council", Credentials.fresh("south-council-system"));
  private static final String TOPIC = USERS.topic();
  private static final String GROUP = USERS.queryGroup();
  private static final String INBOX = "partnership.activity.inbox.north-council";
  private static final String OUTCOMES = "partnership.activity.outcomes.north-council";
  private static final String SOUTH_INBOX = "partnership.activity.inbox.south-council";
  private static final String SOUTH_OUTCOMES = "partnership.activity.outcomes.south-council";
  private static final String DEAD_LETTERS = "partnership.activity.inbox.dlt";

  @TempDir static Path dir;
  private static KafkaBroker broker;

  @BeforeAll
  static void start() throws Exception {
    broker = KafkaBroker.startSecured(dir.resolve("kafka"), 0, 0, USERS);
    // The command-service creates the inbox's topics (CREATE on them all), as it does on start.
    try (Admin admin = Admin.create(broker.clientConfig(USERS.command()))) {
      admin
          .createTopics(
              List.of(INBOX, OUTCOMES, SOUTH_INBOX, SOUTH_OUTCOMES, DEAD_LETTERS).stream()
                  .map(name -> new NewTopic(name, 1, (short) 1))
                  .toList())
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    try (KafkaProducer<String, String> producer = producer(broker.clientConfig(USERS.command()))) {
      producer.send(new ProducerRecord<>(TOPIC, "p-1", "first")).get(30, TimeUnit.SECONDS);
    }
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void theCommandServiceWritesAndTheQueryServiceReadsInItsGroup() throws Exception {
    try (KafkaProducer<String, String> producer = producer(broker.clientConfig(USERS.command()))) {
      producer.send(new ProducerRecord<>(TOPIC, "p-2", "second")).get(30, TimeUnit.SECONDS);
    }
    try (KafkaConsumer<String, String> consumer =
        consumer(broker.clientConfig(USERS.query()), GROUP)) {
      consumer.subscribe(List.of(TOPIC));
      assertReads(consumer, "first", "second");
      consumer.commitSync(); // the group's offsets too
    }
  }

  @Test
  void aCouncilSystemWritesTheInboxAndTheCommandServiceReadsItAndAnswers() throws Exception {
    Credentials council = north();
    try (KafkaProducer<String, String> producer = producer(broker.clientConfig(council))) {
      producer.send(new ProducerRecord<>(INBOX, "p-1", "activity")).get(30, TimeUnit.SECONDS);
      assertThat(failureOfSend(producer, TOPIC)).isInstanceOf(TopicAuthorizationException.class);
      assertThat(failureOfSend(producer, OUTCOMES)).isInstanceOf(TopicAuthorizationException.class);
    }
    try (KafkaConsumer<String, String> consumer =
        consumer(broker.clientConfig(USERS.command()), "command-service-inbox")) {
      consumer.subscribe(List.of(INBOX));
      assertReads(consumer, "activity");
      consumer.commitSync();
    }
    try (KafkaProducer<String, String> producer = producer(broker.clientConfig(USERS.command()))) {
      producer.send(new ProducerRecord<>(OUTCOMES, "src", "recorded")).get(30, TimeUnit.SECONDS);
      producer.send(new ProducerRecord<>(DEAD_LETTERS, "p-1", "dead")).get(30, TimeUnit.SECONDS);
    }
    try (KafkaConsumer<String, String> consumer =
        consumer(broker.clientConfig(council), council.username() + "-outcomes")) {
      consumer.subscribe(List.of(OUTCOMES));
      assertReads(consumer, "recorded");
    }
  }

  @Test
  void aCouncilSystemMayNotWriteAnotherOrganisationsInbox() {
    try (KafkaProducer<String, String> producer = producer(broker.clientConfig(north()))) {
      assertThat(failureOfSend(producer, SOUTH_INBOX))
          .as("the topic names the organisation, and only its principal writes it")
          .isInstanceOf(TopicAuthorizationException.class);
      assertThat(failureOfSend(producer, "partnership.activity.inbox.new-council"))
          .as("nor one that does not exist yet")
          .isInstanceOf(TopicAuthorizationException.class);
      assertThat(failureOfSend(producer, DEAD_LETTERS))
          .isInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void aCouncilSystemMayNotReadAnotherOrganisationsOutcomes() throws Exception {
    try (KafkaProducer<String, String> producer = producer(broker.clientConfig(USERS.command()))) {
      producer
          .send(new ProducerRecord<>(SOUTH_OUTCOMES, "src", "south's outcome"))
          .get(30, TimeUnit.SECONDS);
    }
    assertReadRefused(north(), SOUTH_OUTCOMES);
    // South reads its own, in its own group; not in north's.
    try (KafkaConsumer<String, String> consumer =
        consumer(broker.clientConfig(south()), south().username() + "-outcomes")) {
      consumer.subscribe(List.of(SOUTH_OUTCOMES));
      assertReads(consumer, "south's outcome");
    }
    try (KafkaConsumer<String, String> consumer =
        consumer(broker.clientConfig(south()), north().username() + "-outcomes")) {
      consumer.subscribe(List.of(SOUTH_OUTCOMES));
      assertPollFails(consumer, GroupAuthorizationException.class);
    }
  }

  @Test
  void theCommandServiceReadsEveryOrganisationsInboxButNotTheDeadLetters() throws Exception {
    try (KafkaProducer<String, String> producer = producer(broker.clientConfig(south()))) {
      producer.send(new ProducerRecord<>(SOUTH_INBOX, "p-1", "south")).get(30, TimeUnit.SECONDS);
    }
    try (KafkaConsumer<String, String> consumer =
        consumer(broker.clientConfig(USERS.command()), USERS.inbox().group())) {
      // As the service subscribes: every inbox topic but the dead letters.
      consumer.subscribe(
          java.util.regex.Pattern.compile("partnership\\.activity\\.inbox\\.(?!dlt$).+"));
      List<String> topics = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> topics.add(r.topic()));
                assertThat(topics).contains(SOUTH_INBOX);
              });
      assertThat(topics).doesNotContain(DEAD_LETTERS);
    }
    assertReadRefused(USERS.command(), DEAD_LETTERS);
  }

  @Test
  void aCouncilSystemMayNotReadTheInboxOrTheDeadLetters() {
    for (String topic : List.of(INBOX, DEAD_LETTERS)) {
      assertReadRefused(north(), topic);
    }
  }

  private static Credentials north() {
    return USERS.inbox().councilSystems().get(0).credentials();
  }

  private static Credentials south() {
    return USERS.inbox().councilSystems().get(1).credentials();
  }

  /** {@code user} reading {@code topic} in a group it may use is refused the topic. */
  private static void assertReadRefused(Credentials user, String topic) {
    String group = user.equals(USERS.command()) ? USERS.inbox().group() : user.username() + "-peek";
    try (KafkaConsumer<String, String> consumer = consumer(broker.clientConfig(user), group)) {
      consumer.subscribe(List.of(topic));
      assertPollFails(consumer, TopicAuthorizationException.class);
    }
  }

  @Test
  void theQueryServiceReadsWithoutAGroupAsItsRebuildDoes() {
    try (KafkaConsumer<String, String> consumer =
        consumer(broker.clientConfig(USERS.query()), null)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(TOPIC, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      assertReads(consumer, "first");
    }
  }

  @Test
  void theQueryServiceMayNotWrite() {
    Map<String, Object> config = broker.clientConfig(USERS.query());
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    try (KafkaProducer<String, String> producer = producer(config)) {
      assertThat(failureOfSend(producer, TOPIC)).isInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void theQueryServiceMayNotReadInAnotherGroup() {
    try (KafkaConsumer<String, String> consumer =
        consumer(broker.clientConfig(USERS.query()), "someone-elses-group")) {
      consumer.subscribe(List.of(TOPIC));
      assertPollFails(consumer, GroupAuthorizationException.class);
    }
  }

  @Test
  void theCommandServiceMayNotRead() {
    try (KafkaConsumer<String, String> consumer =
        consumer(broker.clientConfig(USERS.command()), null)) {
      consumer.assign(List.of(new TopicPartition(TOPIC, 0)));
      consumer.seekToBeginning(List.of(new TopicPartition(TOPIC, 0)));
      assertPollFails(consumer, TopicAuthorizationException.class);
    }
  }

  @Test
  void theCommandServiceMayNotWriteOtherTopics() {
    try (KafkaProducer<String, String> producer = producer(broker.clientConfig(USERS.command()))) {
      assertThat(failureOfSend(producer, "other.topic"))
          .isInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void anUnknownUserIsRefused() {
    Map<String, Object> config =
        broker.clientConfig(new Credentials("intruder", "does-not-matter"));
    try (KafkaProducer<String, String> producer = producer(config)) {
      assertThat(failureOfSend(producer, TOPIC)).isInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void aWrongPasswordIsRefused() {
    Map<String, Object> config =
        broker.clientConfig(new Credentials(USERS.command().username(), "wrong-password"));
    try (KafkaProducer<String, String> producer = producer(config)) {
      assertThat(failureOfSend(producer, TOPIC)).isInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void anAnonymousPlainTextClientGetsNothing() {
    // No SASL at all: the broker drops the connection before any request, so the client never
    // even learns the topic's partitions.
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    try (KafkaProducer<String, String> producer = producer(config)) {
      assertThat(failureOfSend(producer, TOPIC)).isInstanceOf(TimeoutException.class);
    }
  }

  @Test
  void aRestartedSecuredBrokerStillKnowsItsUsersAndTheirRights(@TempDir Path own) throws Exception {
    KafkaBroker first = KafkaBroker.startSecured(own, 0, 0, USERS);
    try (KafkaProducer<String, String> producer = producer(first.clientConfig(USERS.command()))) {
      producer.send(new ProducerRecord<>(TOPIC, "k", "before")).get(30, TimeUnit.SECONDS);
    }
    first.close();
    try (KafkaBroker restarted = first.restart()) {
      try (KafkaProducer<String, String> producer =
          producer(restarted.clientConfig(USERS.command()))) {
        producer.send(new ProducerRecord<>(TOPIC, "k", "after")).get(30, TimeUnit.SECONDS);
      }
      Map<String, Object> config = restarted.clientConfig(USERS.query());
      config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
      try (KafkaProducer<String, String> producer = producer(config)) {
        assertThat(failureOfSend(producer, TOPIC)).isInstanceOf(TopicAuthorizationException.class);
      }
    }
  }

  /** Polls {@code consumer} until it has read {@code values}. */
  private static void assertReads(KafkaConsumer<String, String> consumer, String... values) {
    List<String> read = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.value()));
              assertThat(read).contains(values);
            });
  }

  /** A poll of {@code consumer} fails with {@code failure} (once the broker has answered). */
  private static void assertPollFails(
      KafkaConsumer<String, String> consumer, Class<? extends Throwable> failure) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThatThrownBy(() -> consumer.poll(Duration.ofMillis(500)))
                    .isInstanceOf(failure));
  }

  /** What a send fails with (the producer gives up within a few seconds). */
  private static Throwable failureOfSend(KafkaProducer<String, String> producer, String topic) {
    try {
      producer.send(new ProducerRecord<>(topic, "k", "refused?")).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("the send to " + topic + " was accepted");
  }

  private static KafkaProducer<String, String> producer(Map<String, Object> config) {
    Map<String, Object> all = new HashMap<>(config);
    all.put(ProducerConfig.ACKS_CONFIG, "all");
    all.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
    all.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
    all.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
    all.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(all, new StringSerializer(), new StringSerializer());
  }

  private static KafkaConsumer<String, String> consumer(Map<String, Object> config, String group) {
    Map<String, Object> all = new HashMap<>(config);
    if (group != null) {
      all.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    all.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    all.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(all, new StringDeserializer(), new StringDeserializer());
  }
}
