package org.partnershiptracker.query.projection;

import java.time.Duration;
import java.util.Map;
import org.partnershiptracker.events.access.KafkaLogin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the projection reads the events topic ({@code tracker.projection.*}).
 *
 * @param group instances with the same group share the topic's partitions
 * @param batchRecords records gathered from consecutive polls into one batch of writes while the
 *     consumer is behind
 * @param batchWait how long the broker may hold a fetch to gather more events (up to 256 KiB) when
 *     few are waiting; 0 fetches each event as it comes. Writing a batch costs much the same for
 *     one event of a partnership as for several, so a live service writes fewer, larger batches for
 *     a little more latency
 * @param sessionTimeout how soon the group gives a silent instance's partitions to the others
 * @param maxRetryBackoff longest pause between retries of a batch that failed (MongoDB down): it is
 *     never skipped
 * @param rebuildStallTimeout a rebuild that reads nothing for this long, before it has read to the
 *     end, fails
 * @param rebuildCatchUpTimeout how long a rebuild may take to catch up with the live projection
 *     once it has read to the end
 * @param portfolioRefresh how often rows of the portfolio that received events are recomputed, once
 *     caught up (while behind, at most once a minute)
 * @param securityProtocol how the consumers and admin client connect: {@code PLAINTEXT}, or {@code
 *     SASL_PLAINTEXT} / {@code SASL_SSL} to a cluster that requires SASL
 * @param saslMechanism the SASL mechanism when the protocol is SASL ({@code SCRAM-SHA-512}, {@code
 *     SCRAM-SHA-256} or {@code PLAIN})
 * @param username the service's Kafka user (its principal) when the protocol is SASL
 * @param password that user's password when the protocol is SASL
 */
@ConfigurationProperties("tracker.projection")
public record ProjectionProperties(
    @DefaultValue("localhost:9092") String bootstrapServers,
    @DefaultValue("partnership.events") String topic,
    @DefaultValue("query-service-read-models") String group,
    @DefaultValue("500ms") Duration pollTimeout,
    @DefaultValue("2000") int maxPollRecords,
    @DefaultValue("20000") int batchRecords,
    @DefaultValue("50ms") Duration batchWait,
    @DefaultValue("10s") Duration sessionTimeout,
    @DefaultValue("30s") Duration maxRetryBackoff,
    @DefaultValue("2m") Duration rebuildStallTimeout,
    @DefaultValue("10m") Duration rebuildCatchUpTimeout,
    @DefaultValue("2s") Duration portfolioRefresh,
    @DefaultValue("PLAINTEXT") String securityProtocol,
    @DefaultValue("SCRAM-SHA-512") String saslMechanism,
    String username,
    String password) {

  /**
   * The client settings that authenticate every Kafka client of the service: none for {@code
   * PLAINTEXT} (or {@code SSL}); for a {@code SASL_*} protocol the mechanism and a login with the
   * username and password, which must then be set.
   */
  public Map<String, Object> kafkaSecurity() {
    return KafkaLogin.clientSettings(
        "tracker.projection", securityProtocol, saslMechanism, username, password);
  }

  /** Never shows the password (the record's own toString would). */
  @Override
  public String toString() {
    return "ProjectionProperties"
        + KafkaLogin.shown(bootstrapServers, topic, securityProtocol, username, password);
  }
}
