package org.partnershiptracker.events.access;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a service's Kafka clients authenticate, from its settings ({@code
 * <prefix>.security-protocol}, {@code sasl-mechanism}, {@code username}, {@code password}): the one
 * place both services build their client login, so the producer, consumers and admin clients of
 * each connect alike.
 */
public final class KafkaLogin {
  private KafkaLogin() {}

  /**
   * The client settings: only the protocol for {@code PLAINTEXT} (or {@code SSL}); for a {@code
   * SASL_*} protocol also the mechanism and a JAAS login with the username and password, which must
   * then be set (else a message naming the settings under {@code prefix}).
   */
  public static Map<String, Object> clientSettings(
      String prefix, String protocol, String mechanism, String username, String password) {
    Map<String, Object> config = new HashMap<>();
    config.put("security.protocol", protocol);
    if (protocol.toUpperCase(Locale.ROOT).startsWith("SASL_")) {
      if (username == null || username.isBlank() || password == null || password.isEmpty()) {
        throw new IllegalStateException(
            prefix
                + ".security-protocol is "
                + protocol
                + ": set "
                + prefix
                + ".username and "
                + prefix
                + ".password");
      }
      String module =
          mechanism.toUpperCase(Locale.ROOT).startsWith("SCRAM-")
              ? "org.apache.kafka.common.security.scram.ScramLoginModule"
              : "org.apache.kafka.common.security.plain.PlainLoginModule";
      config.put("sasl.mechanism", mechanism);
      config.put(
          "sasl.jaas.config",
          module
              + " required username=\""
              + quoted(username)
              + "\" password=\""
              + quoted(password)
              + "\";");
    }
    return config;
  }

  /** Settings as a log line may show them: the password never. */
  public static String shown(
      String bootstrapServers, String topic, String protocol, String user, String password) {
    return "[bootstrapServers="
        + bootstrapServers
        + ", topic="
        + topic
        + ", securityProtocol="
        + protocol
        + ", username="
        + user
        + ", password="
        + (password == null || password.isEmpty() ? "(unset)" : "(hidden)")
        + ", ...]";
  }

  private static String quoted(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
