package org.partnershiptracker.command.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PublicationPropertiesTest {
  private static PublicationProperties with(String protocol, String username, String password) {
    return new PublicationProperties(
        true,
        "localhost:9092",
        "partnership.events",
        6,
        (short) 1,
        Duration.ofSeconds(10),
        protocol,
        "SCRAM-SHA-512",
        username,
        password,
        Integer.MAX_VALUE);
  }

  @Test
  void plainTextByDefaultAddsNoLogin() {
    assertThat(with("PLAINTEXT", null, null).kafkaSecurity())
        .containsOnlyKeys("security.protocol")
        .containsEntry("security.protocol", "PLAINTEXT");
  }

  @Test
  void saslLogsInWithTheConfiguredUser() {
    assertThat(with("SASL_PLAINTEXT", "command-service", "p\"w\\d").kafkaSecurity())
        .containsEntry("security.protocol", "SASL_PLAINTEXT")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry(
            "sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"command-service\" password=\"p\\\"w\\\\d\";");
  }

  @Test
  void saslWithoutCredentialsIsRefusedAndThePasswordNeverShows() {
    assertThatThrownBy(() -> with("SASL_PLAINTEXT", "command-service", "").kafkaSecurity())
        .hasMessageContaining("tracker.publication.password");
    assertThat(with("SASL_PLAINTEXT", "command-service", "secret-123").toString())
        .doesNotContain("secret-123");
  }
}
