package org.partnershiptracker.infra.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * An OpenID issuer for tests: serves discovery ({@code /.well-known/openid-configuration}) and its
 * signing keys ({@code /jwks}) on a local port, and signs access tokens with the claims the
 * services read ({@code sub}, {@code org}, {@code roles}). The services validate these tokens
 * exactly as they validate a production issuer's: through {@code issuer-uri}, discovery and the key
 * set. A second mint is a second issuer, with other keys (a "wrong issuer" for tests).
 */
public final class TokenMint implements AutoCloseable {
  private static final java.util.regex.Pattern DEPARTURE =
      java.util.regex.Pattern.compile("/partners/([^/?]+)/departure");
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
  private static TokenMint shared;

  private final RSAKey key;
  private final HttpServer server;
  private final String issuer;

  private TokenMint() {
    try {
      key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    String discovery =
        """
        {"issuer":"%s","jwks_uri":"%s/jwks","subject_types_supported":["public"],\
        "id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"],\
        "authorization_endpoint":"%s/authorize","token_endpoint":"%s/token"}\
        """
            .formatted(issuer, issuer, issuer, issuer);
    String keys = new JWKSet(key.toPublicJWK()).toString();
    serve("/.well-known/openid-configuration", discovery);
    serve("/jwks", keys);
    server.start();
  }

  /** A new issuer on a free port. */
  public static TokenMint start() {
    return new TokenMint();
  }

  /** One issuer for a whole test JVM: the services under test trust it. */
  public static synchronized TokenMint shared() {
    if (shared == null) {
      shared = new TokenMint();
    }
    return shared;
  }

  /** What services put in {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}. */
  public String issuer() {
    return issuer;
  }

  /** The setting that makes a service trust this issuer, as a command-line argument. */
  public String issuerArgument() {
    return "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer;
  }

  /** A token valid for 30 minutes. */
  public String token(String subject, String organisation, String... roles) {
    return token(subject, organisation, Duration.ofMinutes(30), roles);
  }

  /** A token that expires after {@code lifetime} (negative: expired already). */
  public String token(String subject, String organisation, Duration lifetime, String... roles) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(subject)
            .claim("org", organisation)
            .claim("roles", List.of(roles))
            .issueTime(Date.from(now.plus(lifetime).minus(Duration.ofMinutes(30))))
            .expirationTime(Date.from(now.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /**
   * A test operator's token (admin, recorder and analyst) for a request, acting for the
   * organisation the request names where an organisation acts only for itself (a signature, a
   * survey answer, a departure), as that organisation's system would send it; else for {@code uni}.
   */
  public String operatorTokenFor(String path, String json) {
    String organisation = "uni";
    java.util.regex.Matcher departure = DEPARTURE.matcher(path);
    if (departure.find()) {
      organisation = departure.group(1);
    } else if (json != null) {
      try {
        com.fasterxml.jackson.databind.JsonNode body = JSON.readTree(json);
        for (String field : new String[] {"byOrganisationId", "respondentOrganisationId"}) {
          if (body != null && body.path(field).isTextual()) {
            organisation = body.path(field).asText();
          }
        }
      } catch (IOException notJson) {
        // a test of a malformed body: the default caller sends it
      }
    }
    return token("test-operator", organisation, "admin", "recorder", "analyst");
  }

  /** {@code Bearer <token>}, for an Authorization header. */
  public String bearer(String subject, String organisation, String... roles) {
    return "Bearer " + token(subject, organisation, roles);
  }

  private void serve(String path, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    server.createContext(
        path,
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
