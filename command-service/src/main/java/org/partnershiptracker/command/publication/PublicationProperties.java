package org.partnershiptracker.command.publication;

import java.time.Duration;
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
 */
@ConfigurationProperties("tracker.publication")
public record PublicationProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("localhost:9092") String bootstrapServers,
    @DefaultValue("partnership.events") String topic,
    @DefaultValue("6") int partitions,
    @DefaultValue("1") short replicationFactor,
    @DefaultValue("10s") Duration sendTimeout) {}
