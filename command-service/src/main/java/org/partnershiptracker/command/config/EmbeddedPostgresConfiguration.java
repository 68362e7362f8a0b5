package org.partnershiptracker.command.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded default: with no {@code spring.datasource.url}, start a real PostgreSQL from the
 * binaries on Maven Central, keeping its data in a directory so that a restart keeps the events,
 * and keep it running ({@link EmbeddedDatabase}). With a URL set, Spring Boot's own DataSource is
 * used and nothing starts here.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
public class EmbeddedPostgresConfiguration {

  @Bean(destroyMethod = "close")
  public EmbeddedDatabase embeddedDatabase(EmbeddedPostgresProperties properties)
      throws IOException {
    return new EmbeddedDatabase(
        properties.dataDir().toAbsolutePath().normalize(), properties.port());
  }

  /**
   * Fails within 2 s when the database is gone (Hikari's default waits 30 s): requests answer 503
   * promptly.
   */
  @Bean
  public DataSource dataSource(EmbeddedDatabase database, EmbeddedPostgresProperties properties) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(database.jdbcUrl());
    config.setUsername("postgres");
    config.setPoolName("embedded-postgres");
    config.setMaximumPoolSize(properties.poolSize());
    config.setConnectionTimeout(2_000);
    config.setValidationTimeout(1_000);
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
