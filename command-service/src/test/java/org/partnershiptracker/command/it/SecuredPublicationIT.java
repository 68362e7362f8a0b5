package org.partnershiptracker.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.infra.kafka.KafkaBroker;
import org.partnershiptracker.infra.kafka.KafkaUsers;

/**
 * On a broker that requires SASL/SCRAM and ACLs, the command-service, configured with its own
 * principal, creates the topic and publishes to it (its idempotent producer included), and the
 * query-service's principal reads what it published.
 */
class SecuredPublicationIT extends OwnBrokerEachTest {
  private final KafkaUsers users = KafkaUsers.withFreshPasswords();

  SecuredPublicationIT() {
    super("secured-publication-it");
  }

  @Test
  void theCommandServicePublishesAsItsOwnPrincipal() {
    broker = KafkaBroker.startSecured(runDir.resolve("kafka"), 0, 0, users);
    app =
        CommandServiceInJvm.start(
            runDir.resolve("postgres"),
            "--tracker.publication.bootstrap-servers=" + broker.bootstrapServers(),
            "--tracker.publication.security-protocol=SASL_PLAINTEXT",
            "--tracker.publication.username=" + users.command().username(),
            "--tracker.publication.password=" + users.command().password(),
            "--tracker.publication.send-timeout=5s");
    new CommandApi(CommandServiceInJvm.port(app)).formPartnershipWithPartners("p-secured");

    Map<String, Object> config = new HashMap<>(broker.clientConfig(users.query()));
    config.put(ConsumerConfig.GROUP_ID_CONFIG, users.queryGroup());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000);
    // As the query-service's consumer: it may not create the topic, so before the publisher has
    // created it a consumer asking to auto-create it is refused (TOPIC_AUTHORIZATION_FAILED).
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    List<String> keys = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of("partnership.events"));
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
                assertThat(keys).hasSizeGreaterThanOrEqualTo(4).containsOnly("p-secured");
              });
    }
  }
}
