package org.partnershiptracker.infra.issuer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link LocalIssuer} in a JVM of its own, for tests whose class path does not have the issuer's
 * (optional) Spring dependencies, the services' integration tests: it runs on infra's build output,
 * {@code infra/target/classes} and the {@code infra/target/classpath.txt} that the package phase
 * writes. Plain Java. Ready once the issuer prints that it is; its output goes to a log file.
 */
public final class IssuerJvm implements AutoCloseable {
  static final String READY = "Local OpenID Connect issuer ready at ";

  private final Process process;
  private final String issuerUrl;
  private final Path dataDir;

  private IssuerJvm(Process process, String issuerUrl, Path dataDir) {
    this.process = process;
    this.issuerUrl = issuerUrl;
    this.dataDir = dataDir;
  }

  /**
   * Starts the issuer on {@code port} at {@code http://localhost:<port>} with its key and
   * credentials in {@code dataDir} and waits (up to 2 minutes) until it serves; its output is
   * appended to {@code log}.
   */
  public static IssuerJvm start(int port, Path dataDir, String queryBase, Path log)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(infraClassPath());
    command.add(LocalIssuer.class.getName());
    command.add("--issuer.port=" + port);
    command.add("--issuer.url=http://localhost:" + port);
    command.add("--issuer.data-dir=" + dataDir.toAbsolutePath());
    command.add("--issuer.query-base=" + queryBase);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CountDownLatch ready = new CountDownLatch(1);
    Thread copier =
        new Thread(() -> copyOutput(process, log, ready), "issuer-jvm-output-" + process.pid());
    copier.setDaemon(true);
    copier.start();
    IssuerJvm issuer = new IssuerJvm(process, "http://localhost:" + port, dataDir);
    // Ready is printed after the web server serves; the latch also opens when the JVM dies.
    if (!ready.await(2, TimeUnit.MINUTES) || !process.isAlive()) {
      issuer.close();
      throw new IllegalStateException("The issuer did not start; see " + log);
    }
    return issuer;
  }

  public String issuerUrl() {
    return issuerUrl;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** A client-credentials access token for one of {@link DemoIdentities#CLIENTS}. */
  public String token(String clientId) {
    return ClientCredentials.token(issuerUrl, dataDir, clientId);
  }

  /** The passwords and secrets the issuer generated in its data directory. */
  public IssuerCredentials credentials() {
    return IssuerCredentials.read(dataDir);
  }

  /** Stops the issuer (SIGTERM, then SIGKILL after 30 s). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static void copyOutput(Process process, Path log, CountDownLatch ready) {
    try (BufferedReader output =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer file =
            Files.newBufferedWriter(
                log,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
      String line;
      while ((line = output.readLine()) != null) {
        file.write(line);
        file.write('\n');
        file.flush();
        if (line.startsWith(READY)) {
          ready.countDown();
        }
      }
    } catch (IOException e) {
      // The log is for reading after a failure; the process's end is what matters here.
    } finally {
      ready.countDown();
    }
  }

  /** infra's classes (directory or jar) and the runtime class path its package phase wrote. */
  static String infraClassPath() {
    Path classes;
    try {
      classes =
          Path.of(LocalIssuer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Path classPathFile =
        classes.getParent() == null ? null : classes.getParent().resolve("classpath.txt");
    // target/classes (infra's own tests) or target/infra-<version>.jar (a reactor build's others).
    if (classPathFile == null || !Files.exists(classPathFile)) {
      throw new IllegalStateException(
          "The issuer runs on infra's build output (target/classes and target/classpath.txt,"
              + " written in infra's package phase), not on "
              + classes);
    }
    try {
      return classes + java.io.File.pathSeparator + Files.readString(classPathFile).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
