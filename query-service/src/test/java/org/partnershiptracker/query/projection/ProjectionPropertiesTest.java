package org.partnershiptracker.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProjectionPropertiesTest {
  private static ProjectionProperties with(String protocol, String username, String password) {
    Duration any = Duration.ofSeconds(1);
    return new ProjectionProperties(
        "localhost:9092",
        "partnership.events",
        "query-service-read-models",
        any,
        2000,
        20000,
        any,
        any,
        any,
        any,
        any,
        any,
        protocol,
        "SCRAM-SHA-512",
        username,
        password);
  }

  @Test
  void plainTextByDefaultAddsNoLogin() {
    assertThat(with("PLAINTEXT", null, null).kafkaSecurity())
        .containsOnlyKeys("security.protocol")
        .containsEntry("security.protocol", "PLAINTEXT");
  }

  @Test
  void saslLogsInWithTheConfiguredUser() {
    assertThat(with("SASL_PLAINTEXT", "query-service", "pw").kafkaSecurity())
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry(
            "sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"query-service\" password=\"pw\";");
  }

  @Test
  void saslWithoutCredentialsIsRefusedAndThePasswordNeverShows() {
    assertThatThrownBy(() -> with("SASL_PLAINTEXT", null, "pw").kafkaSecurity())
        .hasMessageContaining("tracker.projection.username");
    assertThat(with("SASL_PLAINTEXT", "query-service", "secret-123").toString())
        .doesNotContain("secret-123");
  }
}
