package org.partnershiptracker.infra.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may use a secured {@link KafkaBroker}, all from configuration: the broker's own super user
 * ({@code admin}, which the broker also uses to talk to itself and to create the others), the
 * command-service's principal (the only writer of {@code topic}) and the query-service's principal
 * (the only reader of {@code topic}, in the consumer group {@code queryGroup}). Every client
 * authenticates with SASL/SCRAM-SHA-512; the principal is {@code User:<username>}.
 *
 * @param admin the super user
 * @param command the command-service: writes (and may create) the events topic
 * @param query the query-service: reads the events topic, in its group or with no group (rebuilds)
 * @param topic the events topic
 * @param queryGroup the query-service's consumer group
 */
public record KafkaUsers(
    Credentials admin, Credentials command, Credentials query, String topic, String queryGroup) {

  /** The SASL mechanism of every client of a secured broker. */
  public static final String MECHANISM = "SCRAM-SHA-512";

  // Safe in a JAAS option and in the storage tool's "[name=...,password=...]" bootstrap syntax.
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~+/@-]+");

  public KafkaUsers {
    for (Credentials user : List.of(admin, command, query)) {
      if (!SAFE.matcher(user.username()).matches() || !SAFE.matcher(user.password()).matches()) {
        throw new IllegalArgumentException(
            "Kafka user names and passwords are letters, digits and ._~+/@- only (user '"
                + user.username()
                + "')");
      }
    }
    if (admin.username().equals(command.username())
        || admin.username().equals(query.username())
        || command.username().equals(query.username())) {
      throw new IllegalArgumentException("the admin, command and query users must be different");
    }
  }

  /** A user name and its password. */
  public record Credentials(String username, String password) {
    @Override
    public String toString() {
      return username + " (password hidden)";
    }

    public String principal() {
      return "User:" + username;
    }
  }

  /**
   * The settings a Kafka client (producer, consumer or admin) needs to authenticate as {@code user}
   * on a secured broker.
   */
  public static Map<String, Object> clientConfig(Credentials user) {
    return Map.of(
        CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
        "SASL_PLAINTEXT",
        SaslConfigs.SASL_MECHANISM,
        MECHANISM,
        SaslConfigs.SASL_JAAS_CONFIG,
        scramLogin(user));
  }

  static String scramLogin(Credentials user) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user.username()
        + "\" password=\""
        + user.password()
        + "\";";
  }

  /**
   * The access each service gets, no more: the command-service's producer writes the topic (an
   * idempotent producer needs no more than WRITE on a topic since Kafka 2.8) and its admin client
   * creates it when it is missing (CREATE, DESCRIBE); the query-service's live projection reads it
   * in its group (READ topic, READ group; commits included), its rebuild reads it with no group
   * (READ, and DESCRIBE for partitions and offsets). Anything else, including every other principal
   * and every other topic or group, is refused ({@code allow.everyone.if.no.acl.found=false}).
   */
  public List<AclBinding> acls() {
    List<AclBinding> acls = new ArrayList<>();
    ResourcePattern events = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
    for (AclOperation operation :
        List.of(AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE)) {
      acls.add(allow(events, command, operation));
    }
    for (AclOperation operation : List.of(AclOperation.READ, AclOperation.DESCRIBE)) {
      acls.add(allow(events, query, operation));
    }
    acls.add(
        allow(
            new ResourcePattern(ResourceType.GROUP, queryGroup, PatternType.LITERAL),
            query,
            AclOperation.READ));
    return acls;
  }

  private static AclBinding allow(
      ResourcePattern resource, Credentials user, AclOperation operation) {
    return new AclBinding(
        resource,
        new AccessControlEntry(user.principal(), "*", operation, AclPermissionType.ALLOW));
  }
}
