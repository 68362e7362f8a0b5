package org.partnershiptracker.infra.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * @param inbox the activity inbox's topics, the command-service's group on them and the council
 *     systems' principals that write them
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
    this(admin, command, query, topic, queryGroup, Inbox.standard(List.of()));
  }

  /**
   * The three services' users ({@code admin}, {@code command-service}, {@code query-service}) of
   * the standard events topic and query group, each with a fresh random password: a test broker's.
   */
  public static KafkaUsers withFreshPasswords() {
    return new KafkaUsers(
        Credentials.fresh("admin"),
        Credentials.fresh("command-service"),
        Credentials.fresh("query-service"),
        "partnership.events",
        "query-service-read-models");
  }

  /**
   * The activity inbox (the command-service's {@code tracker.inbox.*}), one pair of topics per
   * organisation: the council systems of organisation {@code o} write {@code <topic>.o} and read
   * {@code <outcomesTopic>.o}; the command-service reads every {@code <topic>.*} in {@code group}
   * and writes the outcomes and the dead letters. The organisation of a record is the one its topic
   * names, which only that organisation's principals may write: Kafka authenticates it.
   *
   * @param topic the inbox topics' common name; an organisation's is {@code <topic>.<organisation>}
   * @param outcomesTopic the outcome topics' common name; {@code <outcomesTopic>.<organisation>}
   * @param deadLetterTopic the one dead-letter topic (operators only)
   * @param group the command-service's consumer group on the inbox topics
   * @param councilSystems the council systems' principals, each acting for one organisation
   */
  public record Inbox(
      String topic,
      String outcomesTopic,
      String deadLetterTopic,
      String group,
      List<CouncilSystem> councilSystems) {
    public Inbox {
      councilSystems = councilSystems == null ? List.of() : List.copyOf(councilSystems);
      for (CouncilSystem system : councilSystems) {
        if (!ORGANISATION_IN_TOPIC.matcher(system.organisation()).matches()
            || inboxOf(topic, system.organisation()).equals(deadLetterTopic)) {
          throw new IllegalArgumentException(
              "organisation '"
                  + system.organisation()
                  + "' cannot have an inbox topic: 1-64 letters, digits, '.', '_' or '-', and not"
                  + " the dead-letter topic's suffix");
        }
      }
    }

    /** The command-service's default names, with {@code councilSystems}. */
    public static Inbox standard(List<CouncilSystem> councilSystems) {
      return new Inbox(
          "partnership.activity.inbox",
          "partnership.activity.outcomes",
          "partnership.activity.inbox.dlt",
          "command-service-inbox",
          councilSystems);
    }

    /** The inbox topic of {@code organisation}: only its council systems write it. */
    public String inboxOf(String organisation) {
      return inboxOf(topic, organisation);
    }

    /** The outcomes topic of {@code organisation}: only its council systems read it. */
    public String outcomesOf(String organisation) {
      return inboxOf(outcomesTopic, organisation);
    }

    private static String inboxOf(String base, String organisation) {
      return base + "." + organisation;
    }
  }

  /** A council system's principal and the organisation it acts for (its inbox topic's suffix). */
  public record CouncilSystem(String organisation, Credentials credentials) {}

  // An organisation id (shared-events' Identifier) that is also valid in a topic name (no ':').
  private static final Pattern ORGANISATION_IN_TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /**
   * The users the broker creates (every one but the admin): the services and the council systems.
   */
  public List<Credentials> services() {
    List<Credentials> services = new ArrayList<>(List.of(command, query));
    inbox.councilSystems().forEach(system -> services.add(system.credentials()));
    return List.copyOf(services);
  }

  /** The same users plus a council system acting for {@code organisation}. */
  public KafkaUsers withCouncilSystem(String organisation, Credentials councilSystem) {
    List<CouncilSystem> systems = new ArrayList<>(inbox.councilSystems());
    systems.add(new CouncilSystem(organisation, councilSystem));
    return new KafkaUsers(
        admin,
        command,
        query,
        topic,
        queryGroup,
        new Inbox(
            inbox.topic(), inbox.outcomesTopic(), inbox.deadLetterTopic(), inbox.group(), systems));
  }

  public KafkaUsers {
    if (inbox == null) {
      inbox = Inbox.standard(List.of());
    }
    List<Credentials> everyone = new ArrayList<>(List.of(admin, command, query));
    inbox.councilSystems().forEach(system -> everyone.add(system.credentials()));
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
    // A council system reads in groups prefixed by its name: no other user's groups may match.
    List<String> others = new ArrayList<>(List.of(queryGroup, inbox.group()));
    everyone.forEach(user -> others.add(user.username()));
    for (CouncilSystem system : inbox.councilSystems()) {
      String name = system.credentials().username();
      if (others.stream().anyMatch(other -> !other.equals(name) && other.startsWith(name))) {
        throw new IllegalArgumentException(
            "council system user '"
                + name
                + "' is the beginning of another user's or group's name: its consumer groups"
                + " ('"
                + name
                + "*') would include theirs");
      }
    }
  }

  /** A user name and its password. */
  public record Credentials(String username, String password) {
    /** {@code username} with a fresh random password. */
    public static Credentials fresh(String username) {
      return new Credentials(username, UUID.randomUUID().toString());
    }

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
   * The activity inbox: the command-service reads every organisation's inbox topic in its group
   * (and may create them, as it creates the configured organisations' topics when they are missing;
   * prefixed ACLs, so that a new organisation needs no new ACL for the service), writes (and may
   * create) every outcomes topic and the dead-letter topic; it may not read the dead letters,
   * although their name begins like an inbox topic (a DENY, which wins over the prefixed ALLOW).
   * Each council system writes its own organisation's inbox and reads its own organisation's
   * outcomes, in consumer groups named after itself ({@code <username>*}), literal topic names
   * only: it cannot write another organisation's inbox, so a record's topic says which organisation
   * sent it. Nobody but the command-service reads the inboxes or writes the outcomes, and only an
   * admin reads the dead letters.
   */
  private List<AclBinding> inboxAcls() {
    List<AclBinding> acls = new ArrayList<>();
    ResourcePattern inboxes = prefixed(inbox.topic() + ".");
    ResourcePattern outcomes = prefixed(inbox.outcomesTopic() + ".");
    ResourcePattern dead = topic(inbox.deadLetterTopic());
    for (AclOperation operation :
        List.of(AclOperation.READ, AclOperation.DESCRIBE, AclOperation.CREATE)) {
      acls.add(allow(inboxes, command, operation));
    }
    acls.add(
        new AclBinding(
            dead,
            new AccessControlEntry(
                command.principal(), "*", AclOperation.READ, AclPermissionType.DENY)));
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
    for (CouncilSystem system : inbox.councilSystems()) {
      Credentials council = system.credentials();
      ResourcePattern own = topic(inbox.inboxOf(system.organisation()));
      ResourcePattern ownOutcomes = topic(inbox.outcomesOf(system.organisation()));
      acls.add(allow(own, council, AclOperation.WRITE));
      acls.add(allow(own, council, AclOperation.DESCRIBE));
      acls.add(allow(ownOutcomes, council, AclOperation.READ));
      acls.add(allow(ownOutcomes, council, AclOperation.DESCRIBE));
      acls.add(
          allow(
              new ResourcePattern(ResourceType.GROUP, council.username(), PatternType.PREFIXED),
              council,
              AclOperation.READ));
    }
    return acls;
  }

  private static ResourcePattern prefixed(String prefix) {
    return new ResourcePattern(ResourceType.TOPIC, prefix, PatternType.PREFIXED);
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
