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
 * (the only reader of {@code topic}, in the consumer group {@code queryGroup}), and for the
 * activity inbox the command-service again and, optionally, a council-system principal ({@link
 * Inbox}). Every client authenticates with SASL/SCRAM-SHA-512; the principal is {@code
 * User:<username>}.
 *
 * @param admin the super user
 * @param command the command-service: writes (and may create) the events topic
 * @param query the query-service: reads the events topic, in its group or with no group (rebuilds)
 * @param topic the events topic
 * @param queryGroup the query-service's consumer group
 * @param inbox the activity inbox's topics, the command-service's group on it and the optional
 *     council-system principal that writes it
 */
public record KafkaUsers(
    Credentials admin,
    Credentials command,
    Credentials query,
    String topic,
    String queryGroup,
    Inbox inbox) {

  /** The SASL mechanism of every client of a secured broker. */
  public static final String MECHANISM = "SCRAM-SHA-512";

  // Safe in a JAAS option and in the storage tool's "[name=...,password=...]" bootstrap syntax.
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~+/@-]+");

  /** The users of the events topic; the inbox with its default names and no council system. */
  public KafkaUsers(
      Credentials admin, Credentials command, Credentials query, String topic, String queryGroup) {
    this(admin, command, query, topic, queryGroup, Inbox.standard(null));
  }

  /**
   * The activity inbox (the command-service's {@code tracker.inbox.*}): council systems write
   * {@code topic} and read {@code outcomesTopic}; the command-service reads {@code topic} in {@code
   * group} and writes the outcomes and the dead letters.
   *
   * @param councilSystem the council systems' principal, or null for none
   */
  public record Inbox(
      String topic,
      String outcomesTopic,
      String deadLetterTopic,
      String group,
      Credentials councilSystem) {
    /** The command-service's default names, with {@code councilSystem} (may be null). */
    public static Inbox standard(Credentials councilSystem) {
      return new Inbox(
          "partnership.activity.inbox",
          "partnership.activity.outcomes",
          "partnership.activity.inbox.dlt",
          "command-service-inbox",
          councilSystem);
    }
  }

  /**
   * The users the broker creates (every one but the admin): the services and the council system.
   */
  public List<Credentials> services() {
    List<Credentials> services = new ArrayList<>(List.of(command, query));
    if (inbox.councilSystem() != null) {
      services.add(inbox.councilSystem());
    }
    return List.copyOf(services);
  }

  /** The same users plus the council systems' principal, on the inbox's default names. */
  public KafkaUsers withCouncilSystem(Credentials councilSystem) {
    return new KafkaUsers(admin, command, query, topic, queryGroup, Inbox.standard(councilSystem));
  }

  public KafkaUsers {
    if (inbox == null) {
      inbox = Inbox.standard(null);
    }
    List<Credentials> everyone = new ArrayList<>(List.of(admin, command, query));
    if (inbox.councilSystem() != null) {
      everyone.add(inbox.councilSystem());
    }
    if (everyone.stream().map(Credentials::username).distinct().count() != everyone.size()) {
      throw new IllegalArgumentException("every Kafka user must have its own name");
    }
    for (Credentials user : everyone) {
      if (!SAFE.matcher(user.username()).matches() || !SAFE.matcher(user.password()).matches()) {
        throw new IllegalArgumentException(
            "Kafka user names and passwords are letters, digits and ._~+/@- only (user '"
                + user.username()
                + "')");
      }
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
    acls.addAll(inboxAcls());
    return acls;
  }

  /**
   * The activity inbox: the command-service reads the inbox in its group (and may create it, as it
   * creates all three topics when they are missing), writes (and may create) the outcomes and the
   * dead-letter topics; the council systems' principal, if there is one, writes the inbox and reads
   * the outcomes in consumer groups named after itself ({@code <username>*}). Nobody but the
   * command-service reads the inbox or writes the outcomes, and only an admin reads the dead
   * letters.
   */
  private List<AclBinding> inboxAcls() {
    List<AclBinding> acls = new ArrayList<>();
    ResourcePattern in = topic(inbox.topic());
    ResourcePattern outcomes = topic(inbox.outcomesTopic());
    ResourcePattern dead = topic(inbox.deadLetterTopic());
    for (AclOperation operation :
        List.of(AclOperation.READ, AclOperation.DESCRIBE, AclOperation.CREATE)) {
      acls.add(allow(in, command, operation));
    }
    acls.add(
        allow(
            new ResourcePattern(ResourceType.GROUP, inbox.group(), PatternType.LITERAL),
            command,
            AclOperation.READ));
    for (ResourcePattern written : List.of(outcomes, dead)) {
      for (AclOperation operation :
          List.of(AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE)) {
        acls.add(allow(written, command, operation));
      }
    }
    Credentials council = inbox.councilSystem();
    if (council != null) {
      acls.add(allow(in, council, AclOperation.WRITE));
      acls.add(allow(in, council, AclOperation.DESCRIBE));
      acls.add(allow(outcomes, council, AclOperation.READ));
      acls.add(allow(outcomes, council, AclOperation.DESCRIBE));
      acls.add(
          allow(
              new ResourcePattern(ResourceType.GROUP, council.username(), PatternType.PREFIXED),
              council,
              AclOperation.READ));
    }
    return acls;
  }

  private static ResourcePattern topic(String name) {
    return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
  }

  private static AclBinding allow(
      ResourcePattern resource, Credentials user, AclOperation operation) {
    return new AclBinding(
        resource,
        new AccessControlEntry(user.principal(), "*", operation, AclPermissionType.ALLOW));
  }
}
