package org.partnershiptracker.infra.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.partnershiptracker.infra.process.ServiceJvm;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run from
 * the Kafka jars on Maven Central. Its log directory survives {@link #close()}, so a broker started
 * again on the same directory and ports has every record it had: tests stop and restart it to check
 * that nothing is lost while Kafka is down.
 */
public final class KafkaBroker implements AutoCloseable {
  private final Path logDir;
  private final int port;
  private final int controllerPort;
  private final KafkaRaftServer server;

  private KafkaBroker(Path logDir, int port, int controllerPort, KafkaRaftServer server) {
    this.logDir = logDir;
    this.port = port;
    this.controllerPort = controllerPort;
    this.server = server;
  }

  /** Starts a broker; a port of 0 picks a free one. The directory is formatted on first use. */
  public static KafkaBroker start(Path logDir, int port, int controllerPort) {
    int brokerPort = port > 0 ? port : ServiceJvm.freePort();
    int quorumPort = controllerPort > 0 ? controllerPort : ServiceJvm.freePort();
    Properties config = config(logDir.toAbsolutePath(), brokerPort, quorumPort);
    formatOnce(logDir.toAbsolutePath(), config);
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
    server.startup();
    return new KafkaBroker(logDir, brokerPort, quorumPort, server);
  }

  /** A stopped broker's twin: same directory, same ports, same records. */
  public KafkaBroker restart() {
    return start(logDir, port, controllerPort);
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

  private static void formatOnce(Path logDir, Properties config) {
    try {
      if (Files.exists(logDir.resolve("meta.properties"))) {
        return;
      }
      Files.createDirectories(logDir);
      Path file = Files.createTempFile("kraft", ".properties");
      try (OutputStream out = Files.newOutputStream(file)) {
        config.store(out, "KRaft single node");
      }
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      int exit =
          StorageTool.execute(
              new String[] {
                "format",
                "-t",
                Uuid.randomUuid().toString(),
                "-c",
                file.toString(),
                "--ignore-formatted"
              },
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
