package org.partnershiptracker.command.publication;

import java.time.Duration;
import java.util.Map;
import org.partnershiptracker.events.access.KafkaLogin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how events are published ({@code tracker.publication.*}).
 *
 * @param enabled publish to Kafka at all (tests of the command side alone turn it off)
 * @param bootstrapServers the Kafka cluster
 * @param topic the events topic
 * @param partitions partitions when the publisher has to create the topic
 * @param replicationFactor replicas when the publisher has to create the topic (3 in production)
 * @param sendTimeout how long to wait for Kafka's acknowledgement before retrying
 * @param securityProtocol how the producer and admin client connect: {@code PLAINTEXT}, or {@code
 *     SASL_PLAINTEXT} / {@code SASL_SSL} to a cluster that requires SASL
 * @param saslMechanism the SASL mechanism when the protocol is SASL ({@code SCRAM-SHA-512}, {@code
 *     SCRAM-SHA-256} or {@code PLAIN})
 * @param username the service's Kafka user (its principal) when the protocol is SASL
 * @param password that user's password when the protocol is SASL
 * @param maxClaimedSegments how many of the publisher's segments this instance claims at most (its
 *     publishing threads, one per segment; see application.properties); unset, every segment, so
 *     one instance publishes everything and another takes over when it stops; set it (e.g. segments
 *     ÷ instances) to have several instances publish side by side
 */
@ConfigurationProperties("tracker.publication")
public record PublicationProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("localhost:9092") String bootstrapServers,
    @DefaultValue("partnership.events") String topic,
    @DefaultValue("6") int partitions,
    @DefaultValue("1") short replicationFactor,
    @DefaultValue("10s") Duration sendTimeout,
    @DefaultValue("PLAINTEXT") String securityProtocol,
    @DefaultValue("SCRAM-SHA-512") String saslMechanism,
    String username,
    String password,
    @DefaultValue("2147483647") int maxClaimedSegments) {

  /**
   * The client settings that authenticate every Kafka client of the service: none for {@code
   * PLAINTEXT} (or {@code SSL}); for a {@code SASL_*} protocol the mechanism and a login with the
   * username and password, which must then be set.
   */
  public Map<String, Object> kafkaSecurity() {
    return KafkaLogin.clientSettings(
        "tracker.publication", securityProtocol, saslMechanism, username, password);
  }

  /** Never shows the password (the record's own toString would). */
  @Override
  public String toString() {
    return "PublicationProperties"
        + KafkaLogin.shown(bootstrapServers, topic, securityProtocol, username, password);
  }
}
