package org.partnershiptracker.infra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's exec jar started in a JVM of its own, as the integration tests and benchmarks do when
 * they need a real process (one that can be killed, or whose heap is capped), and the free ports
 * they give it.
 */
public final class ServiceJvm {
  private ServiceJvm() {}

  /**
   * Starts {@code java -Xmx<maxHeap> -jar <jar> --server.port=<port> <arguments>} with the java of
   * this JVM. Its output (stdout and stderr) is appended to {@code log}, so a service started again
   * on the same log keeps the first run's lines for a failing test to show.
   */
  public static Process start(Path jar, String maxHeap, int port, Path log, List<String> arguments)
      throws IOException {
    return start(jar, maxHeap, List.of(), port, log, arguments);
  }

  /** As above, with JVM options (a benchmark's flight recording, say) before {@code -jar}. */
  public static Process start(
      Path jar, String maxHeap, List<String> jvmOptions, int port, Path log, List<String> arguments)
      throws IOException {
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          jar
              + " is missing: the exec jar is built in the package phase (./mvnw verify builds"
              + " it)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + maxHeap);
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    command.addAll(arguments);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  /**
   * The exec jar the package phase builds for {@code service} (command-service, query-service), for
   * a test whose working directory is a module of this build, as Maven's test plugins run them.
   */
  public static Path execJar(String service) {
    return Path.of("..", service, "target", service + "-0.1.0-SNAPSHOT-exec.jar")
        .toAbsolutePath()
        .normalize();
  }

  /** A port nothing listens on now, for a service, broker or database to be started on. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
