package org.partnershiptracker.command.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.partnershiptracker.command.publication.PublicationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the activity inbox when {@code tracker.inbox.enabled=true}: its consumer, its producer of
 * outcomes and dead letters, and its admin client, all on the cluster and with the client settings
 * of {@code tracker.publication.*} (SASL included).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tracker.inbox.enabled", havingValue = "true")
class InboxConfiguration {

  @Bean
  ActivityInbox activityInbox(
      PublicationProperties publication,
      InboxProperties properties,
      ActivityIntake intake,
      ObjectMapper json,
      MeterRegistry metrics) {
    int timeoutMs = (int) publication.sendTimeout().toMillis();
    Producer<String, byte[]> producer =
        new KafkaProducer<>(
            client(
                publication,
                Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    publication.bootstrapServers(),
                    ProducerConfig.CLIENT_ID_CONFIG,
                    "command-service-inbox-outcomes",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    true,
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    ProducerConfig.MAX_BLOCK_MS_CONFIG,
                    timeoutMs,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    timeoutMs,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                    timeoutMs,
                    ProducerConfig.LINGER_MS_CONFIG,
                    0)),
            new StringSerializer(),
            new ByteArraySerializer());
    Admin admin =
        Admin.create(
            client(
                publication,
                Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, publication.bootstrapServers(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs)));
    return new ActivityInbox(
        () ->
            new KafkaConsumer<>(
                client(
                    publication,
                    Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        publication.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        properties.group(),
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "command-service-inbox",
                        // Offsets are committed by the inbox, after each outcome is durable.
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        100,
                        // A new organisation's inbox topic is read within 30 s of its creation.
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                        30_000,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed")),
                new StringDeserializer(),
                new ByteArrayDeserializer()),
        producer,
        admin,
        intake,
        properties,
        publication,
        json,
        metrics) {
      @Override
      public void stop() {
        super.stop();
        producer.close();
        admin.close();
      }
    };
  }

  private static Map<String, Object> client(
      PublicationProperties publication, Map<String, Object> config) {
    Map<String, Object> all = new HashMap<>(config);
    all.putAll(publication.kafkaSecurity());
    return all;
  }
}
