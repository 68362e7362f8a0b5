package org.partnershiptracker.query.config;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.bson.Document;
import org.partnershiptracker.query.timeline.ProjectionProperties;
import org.partnershiptracker.query.timeline.ProjectionRunner;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.concurrent.TimeUnit;

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
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000));
  }

  @Bean
  HealthIndicator kafka(Admin readSideKafkaAdmin, ProjectionProperties properties) {
    return () -> {
      try {
        String clusterId =
            readSideKafkaAdmin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).clusterId().get(3, TimeUnit.SECONDS);
        return Health.up().withDetail("bootstrapServers", properties.bootstrapServers()).withDetail("clusterId", clusterId).build();
      } catch (Exception e) {
        return Health.down().withDetail("bootstrapServers", properties.bootstrapServers()).withDetail("error", String.valueOf(e.getMessage())).build();
      }
    };
  }

  @Bean
  HealthIndicator projection(ProjectionRunner runner) {
    return () -> {
      Health.Builder health = runner.lastError() == null ? Health.up() : Health.down().withDetail("lastError", runner.lastError());
      return health
          .withDetail("lastPollAt", String.valueOf(runner.lastPollAt()))
          .withDetail("rebuild", runner.progress().state())
          .build();
    };
  }
}
