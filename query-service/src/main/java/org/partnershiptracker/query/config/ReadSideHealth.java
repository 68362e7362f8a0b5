package org.partnershiptracker.query.config;

import com.mongodb.client.MongoDatabase;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.bson.Document;
import org.partnershiptracker.query.projection.ProjectionConsumer;
import org.partnershiptracker.query.projection.ProjectionProperties;
import org.partnershiptracker.query.projection.RebuildCoordinator;
import org.partnershiptracker.query.projection.RejectedRecords;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health of what the read side depends on: MongoDB, Kafka and the projection itself. */
@Configuration(proxyBeanMethods = false)
public class ReadSideHealth {

  @Bean
  HealthIndicator mongo(MongoDatabase database) {
    return () -> {
      try {
        database.runCommand(new Document("ping", 1));
        return Health.up().withDetail("database", database.getName()).build();
      } catch (RuntimeException e) {
        return Health.down(e).build();
      }
    };
  }

  @Bean(destroyMethod = "close")
  Admin readSideKafkaAdmin(ProjectionProperties properties) {
    Map<String, Object> config = new HashMap<>(properties.kafkaSecurity());
    config.putAll(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000));
    return Admin.create(config);
  }

  @Bean
  HealthIndicator kafka(Admin readSideKafkaAdmin, ProjectionProperties properties) {
    return () -> {
      try {
        String clusterId =
            readSideKafkaAdmin
                .describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                .clusterId()
                .get(3, TimeUnit.SECONDS);
        return Health.up()
            .withDetail("bootstrapServers", properties.bootstrapServers())
            .withDetail("clusterId", clusterId)
            .build();
      } catch (Exception e) {
        return Health.down()
            .withDetail("bootstrapServers", properties.bootstrapServers())
            .withDetail("error", String.valueOf(e.getMessage()))
            .build();
      }
    };
  }

  /**
   * The projection: DOWN while its batches fail (they are retried), UP otherwise; records set aside
   * are a warning detail, since the projection goes on without them.
   */
  @Bean
  HealthIndicator projection(
      ProjectionConsumer consumer, RebuildCoordinator rebuilds, RejectedRecords rejected) {
    return () -> {
      Health.Builder health =
          consumer.lastError() == null
              ? Health.up()
              : Health.down().withDetail("lastError", consumer.lastError());
      health
          .withDetail("lastPollAt", String.valueOf(consumer.lastPollAt()))
          .withDetail("partitions", consumer.assignedPartitions())
          .withDetail("lagEvents", consumer.lagEvents());
      try {
        health.withDetail("rebuild", rebuilds.progress().state());
        long count = rejected.count();
        health.withDetail("rejectedEvents", count);
        if (count > 0) {
          Document latest = rejected.latest();
          health.withDetail(
              "warning",
              count
                  + " record(s) set aside in rejected_events; latest: partition "
                  + latest.get("partition")
                  + " offset "
                  + latest.get("offset")
                  + " ("
                  + latest.get("reason")
                  + ")");
        }
      } catch (RuntimeException e) {
        health.withDetail(
            "rejectedEvents",
            "unknown: " + e.getMessage()); // MongoDB is unreachable: the mongo component says so
      }
      return health.build();
    };
  }
}
