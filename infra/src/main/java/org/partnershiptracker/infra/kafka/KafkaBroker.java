package org.partnershiptracker.infra.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.utils.Time;
import org.partnershiptracker.infra.process.ServiceJvm;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run from
 * the Kafka jars on Maven Central. Its log directory survives {@link #close()}, so a broker started
 * again on the same directory and ports has every record it had: tests stop and restart it to check
 * that nothing is lost while Kafka is down.
 *
 * <p>{@link #start} runs it open (PLAINTEXT, no authorisation), as most tests want. {@link
 * #startSecured} locks it: the client listener takes only SASL/SCRAM-SHA-512, the {@code
 * StandardAuthorizer} refuses whatever no ACL allows ({@code
 * allow.everyone.if.no.acl.found=false}), and the only grants are the ones {@link
 * KafkaUsers#acls()} lists. The super user is {@link KafkaUsers#admin()}: bootstrapped into the
 * metadata log when the directory is formatted, it is the broker's identity on its own listeners
 * (inter-broker over SCRAM, and SASL/PLAIN on the controller listener, where SCRAM cannot be used
 * as the controller holds the SCRAM credentials) and the identity that creates the services' users
 * and ACLs on every start. Restarting with other passwords for the services' users takes effect;
 * the admin's password is the one the directory was formatted with.
 */
public final class KafkaBroker implements AutoCloseable {
  private final Path logDir;
  private final int port;
  private final int controllerPort;
  private final KafkaUsers users; // null: open
  private final KafkaRaftServer server;

  private KafkaBroker(
      Path logDir, int port, int controllerPort, KafkaUsers users, KafkaRaftServer server) {
    this.logDir = logDir;
    this.port = port;
    this.controllerPort = controllerPort;
    this.users = users;
    this.server = server;
  }

  /**
   * Starts an open broker (PLAINTEXT, anyone may do anything); a port of 0 picks a free one. The
   * directory is formatted on first use.
   */
  public static KafkaBroker start(Path logDir, int port, int controllerPort) {
    return start(logDir, port, controllerPort, null);
  }

  /**
   * Starts a broker that only {@code users} may use, each only as {@link KafkaUsers#acls()} allows;
   * a port of 0 picks a free one. It returns once the services' users and ACLs are in force.
   */
  public static KafkaBroker startSecured(
      Path logDir, int port, int controllerPort, KafkaUsers users) {
    if (users == null) {
      throw new IllegalArgumentException("a secured broker needs its users");
    }
    return start(logDir, port, controllerPort, users);
  }

  private static KafkaBroker start(Path logDir, int port, int controllerPort, KafkaUsers users) {
    int brokerPort = port > 0 ? port : ServiceJvm.freePort();
    int quorumPort = controllerPort > 0 ? controllerPort : ServiceJvm.freePort();
    Properties config = config(logDir.toAbsolutePath(), brokerPort, quorumPort);
    if (users != null) {
      secure(config, brokerPort, quorumPort, users.admin());
    }
    formatOnce(logDir.toAbsolutePath(), config, users);
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
    server.startup();
    KafkaBroker broker = new KafkaBroker(logDir, brokerPort, quorumPort, users, server);
    if (users != null) {
      try {
        broker.grantAccess();
      } catch (RuntimeException e) {
        broker.close();
        throw e;
      }
    }
    return broker;
  }

  /** A stopped broker's twin: same directory, same ports, same users, same records. */
  public KafkaBroker restart() {
    return start(logDir, port, controllerPort, users);
  }

  /**
   * The settings a client needs to connect as {@code user}: the bootstrap servers, and on a secured
   * broker SASL/SCRAM with the user's credentials.
   */
  public Map<String, Object> clientConfig(KafkaUsers.Credentials user) {
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    if (users != null) {
      config.putAll(KafkaUsers.clientConfig(user));
    }
    return config;
  }

  public String bootstrapServers() {
    return "localhost:" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  private static Properties config(Path logDir, int port, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
    p.put(
        "listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("num.partitions", "6");
    // One node: internal topics cannot have more than one replica.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "6");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("min.insync.replicas", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("log.flush.interval.messages", "1"); // a restarted broker keeps what it acknowledged
    return p;
  }

  /**
   * The client listener (also inter-broker) takes SASL/SCRAM-SHA-512 only; the controller listener
   * SASL/PLAIN for the admin only; whatever no ACL allows is refused.
   */
  private static void secure(
      Properties p, int port, int controllerPort, KafkaUsers.Credentials admin) {
    p.put("listeners", "CLIENT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    p.put("advertised.listeners", "CLIENT://localhost:" + port);
    p.put("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
    p.put("inter.broker.listener.name", "CLIENT");
    p.put("sasl.enabled.mechanisms", KafkaUsers.MECHANISM);
    p.put("sasl.mechanism.inter.broker.protocol", KafkaUsers.MECHANISM);
    p.put(
        "listener.name.client." + KafkaUsers.MECHANISM.toLowerCase() + ".sasl.jaas.config",
        KafkaUsers.scramLogin(admin));
    p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
    p.put("sasl.mechanism.controller.protocol", "PLAIN");
    p.put(
        "listener.name.controller.plain.sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
            + admin.username()
            + "\" password=\""
            + admin.password()
            + "\" user_"
            + admin.username()
            + "=\""
            + admin.password()
            + "\";");
    p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    p.put("allow.everyone.if.no.acl.found", "false");
    p.put("super.users", admin.principal());
  }

  /**
   * As the admin: sets the services' SCRAM credentials (again, on a restart) and creates their ACLs
   * (creating an existing one changes nothing), then waits until the broker applies them.
   */
  private void grantAccess() {
    Map<String, Object> config = clientConfig(users.admin());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    try (Admin admin = Admin.create(config)) {
      List<UserScramCredentialAlteration> credentials =
          users.services().stream()
              .<UserScramCredentialAlteration>map(
                  user ->
                      new UserScramCredentialUpsertion(
                          user.username(),
                          new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
                          user.password()))
              .toList();
      admin.alterUserScramCredentials(credentials).all().get(30, TimeUnit.SECONDS);
      admin.createAcls(users.acls()).all().get(30, TimeUnit.SECONDS);
      Set<AclBinding> wanted = Set.copyOf(users.acls());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (true) {
        Set<AclBinding> present =
            new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get());
        int known =
            admin
                .describeUserScramCredentials(
                    users.services().stream().map(KafkaUsers.Credentials::username).toList())
                .all()
                .get()
                .size();
        if (present.containsAll(wanted) && known == users.services().size()) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the broker did not apply the users and ACLs in 30 s: ACLs " + present);
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // metadata propagates in ms
      }
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("could not set up the Kafka users and ACLs", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while setting up the Kafka users and ACLs", e);
    }
  }

  private static void formatOnce(Path logDir, Properties config, KafkaUsers users) {
    try {
      if (Files.exists(logDir.resolve("meta.properties"))) {
        return;
      }
      Files.createDirectories(logDir);
      Path file = Files.createTempFile("kraft", ".properties");
      try (OutputStream out = Files.newOutputStream(file)) {
        config.store(out, "KRaft single node");
      }
      List<String> arguments =
          new java.util.ArrayList<>(
              List.of(
                  "format",
                  "-t",
                  Uuid.randomUuid().toString(),
                  "-c",
                  file.toString(),
                  "--ignore-formatted"));
      if (users != null) {
        // The super user exists from the first record of the metadata log on.
        arguments.add("--add-scram");
        arguments.add(
            KafkaUsers.MECHANISM
                + "=[name="
                + users.admin().username()
                + ",password="
                + users.admin().password()
                + "]");
      }
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      int exit =
          StorageTool.execute(
              arguments.toArray(String[]::new),
              new PrintStream(output, true, StandardCharsets.UTF_8));
      Files.deleteIfExists(file);
      if (exit != 0) {
        throw new IllegalStateException(
            "formatting " + logDir + " failed: " + output.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
