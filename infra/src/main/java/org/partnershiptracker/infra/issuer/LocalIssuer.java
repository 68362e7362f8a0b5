package org.partnershiptracker.infra.issuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The local stack's OpenID Connect issuer: Spring Authorization Server with a login page, the demo
 * partnership's users and machine clients, JWT access tokens (RS256) carrying {@code org} and
 * {@code roles}. Its signing key and the generated passwords and client secrets live in its data
 * directory and survive a restart.
 *
 * <p>Run: {@code LocalIssuer [--issuer.port=9000] [--issuer.url=http://localhost:9000]
 * [--issuer.query-base=http://localhost:8082] [--issuer.data-dir=data/issuer]
 * [--issuer.bind-address=127.0.0.1] [--issuer.access-token-ttl=30m]}, or the same as {@code
 * ISSUER_*} environment variables. Tests start one in-process with {@link #start(int, Path,
 * String)}.
 */
public final class LocalIssuer implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private final IssuerProperties properties;
  private final IssuerCredentials credentials;

  private LocalIssuer(ConfigurableApplicationContext context) {
    this.context = context;
    this.properties = context.getBean(IssuerProperties.class);
    this.credentials = context.getBean(IssuerCredentials.class);
  }

  public static void main(String[] args) {
    Map<String, Object> defaults = defaults();
    // Named so that it never becomes the logging configuration of tests that have infra on their
    // path.
    defaults.put("logging.config", "classpath:local-issuer-logback.xml");
    SpringApplication application = new SpringApplication(IssuerConfiguration.class);
    application.setDefaultProperties(defaults);
    LocalIssuer issuer = new LocalIssuer(application.run(args));
    System.out.println(issuer.howToUse());
  }

  /**
   * Starts an issuer in this JVM on {@code port} (0: a free one) at {@code
   * http://localhost:<port>}, with its key and credentials in {@code dataDir} and the query-service
   * pages' redirect URI under {@code queryBase}. It leaves this JVM's logging configuration alone.
   */
  public static LocalIssuer start(int port, Path dataDir, String queryBase) {
    int actualPort = port == 0 ? freePort() : port;
    SpringApplication application = new SpringApplication(IssuerConfiguration.class);
    application.setDefaultProperties(defaults());
    List<ApplicationListener<?>> listeners = new ArrayList<>(application.getListeners());
    listeners.removeIf(LoggingApplicationListener.class::isInstance);
    application.setListeners(listeners);
    return new LocalIssuer(
        application.run(
            "--issuer.port=" + actualPort,
            "--issuer.url=http://localhost:" + actualPort,
            "--issuer.data-dir=" + dataDir.toAbsolutePath(),
            "--issuer.query-base=" + queryBase));
  }

  private static Map<String, Object> defaults() {
    Map<String, Object> defaults = new LinkedHashMap<>();
    // Its own configuration file name: a service's application.properties on the same class path
    // (its tests) is not the issuer's.
    defaults.put("spring.config.name", "local-issuer");
    defaults.put("spring.application.name", "local-issuer");
    defaults.put("spring.main.banner-mode", "off");
    defaults.put("server.port", "${issuer.port:9000}");
    defaults.put("server.address", "${issuer.bind-address:127.0.0.1}");
    // Browsers share cookies across the ports of one host: the query-service's session cookie on
    // localhost:8082 must not be overwritten by the issuer's on localhost:9000.
    defaults.put("server.servlet.session.cookie.name", "ISSUER_SESSION");
    return defaults;
  }

  /** The issuer URL, as in tokens' {@code iss} and the discovery document. */
  public String issuerUrl() {
    return properties.issuerUrl();
  }

  public int port() {
    return properties.port();
  }

  public Path dataDir() {
    return properties.dataDir();
  }

  /** The demo users' passwords and the clients' secrets this issuer accepts. */
  public IssuerCredentials credentials() {
    return credentials;
  }

  /** A client-credentials access token for one of {@link DemoIdentities#CLIENTS}. */
  public String token(String clientId) {
    return ClientCredentials.token(issuerUrl(), clientId, credentials.secret(clientId));
  }

  @Override
  public void close() {
    context.close();
  }

  String howToUse() {
    String credentialsFile = credentials.file().toString();
    return IssuerJvm.READY
        + issuerUrl()
        + " (signing key and credentials in "
        + properties.dataDir().toAbsolutePath()
        + ")\n  Discovery: "
        + issuerUrl()
        + "/.well-known/openid-configuration\n  A token:   curl -s -u"
        + " demo-admin:$(sed -n 's/^client\\.demo-admin\\.secret=//p' "
        + credentialsFile
        + ") -d grant_type=client_credentials "
        + issuerUrl()
        + "/oauth2/token\n  Sign in:   "
        + DemoIdentities.USERS.stream().map(DemoIdentities.Identity::name).toList()
        + ", passwords in "
        + credentialsFile;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
