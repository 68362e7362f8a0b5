package org.partnershiptracker.query.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * MongoDB through the plain driver. With no {@code spring.data.mongodb.uri}, a MongoDB-wire server
 * (mongo-java-server with its H2 file store) is started so one command runs everything; the code
 * only uses standard driver calls, so a real MongoDB runs it unchanged.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MongoConnectionProperties.class, EmbeddedMongoProperties.class})
public class MongoConfiguration {
  private static final Logger log = LoggerFactory.getLogger(MongoConfiguration.class);

  @Bean(destroyMethod = "shutdownNow")
  @Conditional(NoMongoUri.class)
  public MongoServer embeddedMongo(EmbeddedMongoProperties properties) throws IOException {
    if (properties.dataDir() == null) {
      throw new IllegalStateException(
          "tracker.embedded-mongo.data-dir must be set when spring.data.mongodb.uri is blank");
    }
    Path directory = Path.of(properties.dataDir()).toAbsolutePath().normalize();
    Files.createDirectories(directory);
    MongoServer server =
        new MongoServer(new H2Backend(directory.resolve("read-models.mv").toString()));
    server.bind("localhost", properties.port());
    log.info(
        "Embedded MongoDB-wire server on {} with data in {}", server.getLocalAddress(), directory);
    return server;
  }

  @Bean(destroyMethod = "close")
  public MongoClient mongoClient(
      ObjectProvider<MongoServer> embedded, MongoConnectionProperties properties) {
    String uri = properties.uri();
    String connection =
        uri.isBlank()
            ? "mongodb://"
                + embedded.getObject().getLocalAddress().getHostString()
                + ":"
                + embedded.getObject().getLocalAddress().getPort()
            : uri;
    // Fail within seconds when MongoDB is unreachable (the driver's default waits 30 s): the
    // projection retries its batch, and health answers promptly. A URI's own setting wins.
    return MongoClients.create(
        MongoClientSettings.builder()
            .applyToClusterSettings(
                cluster -> cluster.serverSelectionTimeout(5, java.util.concurrent.TimeUnit.SECONDS))
            .applyConnectionString(new ConnectionString(connection))
            .build());
  }

  @Bean
  public MongoDatabase readModelDatabase(MongoClient client, MongoConnectionProperties properties) {
    return client.getDatabase(properties.database());
  }

  static class NoMongoUri implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String uri = context.getEnvironment().getProperty("spring.data.mongodb.uri");
      return uri == null || uri.isBlank();
    }
  }
}
