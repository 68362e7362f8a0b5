package org.partnershiptracker.infra.issuer;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local issuer's settings, as {@code --issuer.*} arguments or {@code ISSUER_*} environment
 * variables (e.g. {@code ISSUER_PORT}).
 *
 * @param port the HTTP port (default 9000)
 * @param url the issuer URL in tokens and discovery (default {@code http://localhost:<port>})
 * @param queryBase the query-service pages' base URL, for their redirect URI
 * @param dataDir where the signing key and the generated credentials are kept
 * @param bindAddress the address HTTP listens on (default loopback only)
 * @param accessTokenTtl how long an access token lives
 */
@ConfigurationProperties("issuer")
record IssuerProperties(
    @DefaultValue("9000") int port,
    String url,
    @DefaultValue("http://localhost:8082") String queryBase,
    @DefaultValue("data/issuer") Path dataDir,
    @DefaultValue("127.0.0.1") String bindAddress,
    @DefaultValue("30m") Duration accessTokenTtl) {

  String issuerUrl() {
    return url == null || url.isBlank()
        ? "http://localhost:" + port
        : ClientCredentials.stripSlash(url.strip());
  }

  String queryPagesRedirectUri() {
    return ClientCredentials.stripSlash(queryBase.strip())
        + "/login/oauth2/code/"
        + DemoIdentities.QUERY_PAGES_REGISTRATION;
  }

  String queryPagesHome() {
    return ClientCredentials.stripSlash(queryBase.strip()) + "/";
  }
}
