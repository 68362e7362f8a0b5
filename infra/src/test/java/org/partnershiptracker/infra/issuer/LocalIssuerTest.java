package org.partnershiptracker.infra.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** The local issuer started in-process, spoken to over real HTTP as the services and pages do. */
class LocalIssuerTest {
  private static final String QUERY_BASE = "http://localhost:8082";
  private static final String REDIRECT_URI = QUERY_BASE + "/login/oauth2/code/tracker";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  private static LocalIssuer issuer;

  @BeforeAll
  static void start() {
    // Tomcat logs through java.util.logging; to logback-test.xml with the rest.
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
    issuer = LocalIssuer.start(0, dataDir, QUERY_BASE);
  }

  @AfterAll
  static void stop() {
    if (issuer != null) {
      issuer.close();
    }
  }

  @Test
  void publishesItsOpenIdConfiguration() throws Exception {
    HttpResponse<String> response = get(issuer.issuerUrl() + "/.well-known/openid-configuration");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode discovery = JSON.readTree(response.body());
    assertThat(discovery.path("issuer").asText()).isEqualTo(issuer.issuerUrl());
    assertThat(discovery.path("token_endpoint").asText())
        .isEqualTo(issuer.issuerUrl() + "/oauth2/token");
    assertThat(discovery.path("jwks_uri").asText()).isEqualTo(issuer.issuerUrl() + "/oauth2/jwks");
    assertThat(discovery.path("id_token_signing_alg_values_supported").toString())
        .contains("RS256");
  }

  @Test
  void aCouncilSystemGetsASignedTokenWithItsOrganisationAndRoles() throws Exception {
    String token =
        ClientCredentials.token(
            issuer.issuerUrl(),
            "north-council-system",
            issuer.credentials().secret("north-council-system"));

    JWTClaimsSet claims = verified(token);
    assertThat(claims.getIssuer()).isEqualTo(issuer.issuerUrl());
    assertThat(claims.getSubject()).isEqualTo("north-council-system");
    assertThat(claims.getStringClaim("org")).isEqualTo("north-council");
    assertThat(claims.getStringListClaim("roles")).containsExactly("recorder");
    assertThat(claims.getExpirationTime().toInstant())
        .isBetween(Instant.now().plusSeconds(29 * 60), Instant.now().plusSeconds(31 * 60));
  }

  @Test
  void everyDemoClientGetsItsOwnClaims() throws Exception {
    for (DemoIdentities.Identity client : DemoIdentities.CLIENTS) {
      JWTClaimsSet claims = verified(issuer.token(client.name()));
      assertThat(claims.getSubject()).isEqualTo(client.name());
      assertThat(claims.getStringClaim("org")).isEqualTo(client.org());
      assertThat(claims.getStringListClaim("roles")).isEqualTo(client.roles());
    }
    // The demo loader's way: the secret from the credentials file in the data directory.
    assertThat(
            verified(ClientCredentials.token(issuer.issuerUrl(), dataDir, "demo-admin"))
                .getStringListClaim("roles"))
        .containsExactly("admin");
  }

  @Test
  void aWrongSecretIsRefusedWith401() throws Exception {
    HttpResponse<String> response =
        send(
            http(),
            postForm("/oauth2/token", "grant_type=client_credentials")
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                "north-council-system:wrong".getBytes(StandardCharsets.UTF_8)))
                .build());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThatThrownBy(
            () -> ClientCredentials.token(issuer.issuerUrl(), "north-council-system", "wrong"))
        .hasMessageContaining("HTTP 401");
  }

  @Test
  void servesTheLoginPage() throws Exception {
    HttpResponse<String> response = get(issuer.issuerUrl() + "/login");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("name=\"username\"", "name=\"password\"");
  }

  @Test
  void keepsItsCredentialsPrivate() throws Exception {
    for (String file : new String[] {IssuerCredentials.FILE_NAME, IssuerKeys.FILE_NAME}) {
      assertThat(
              PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(file))))
          .isEqualTo("rw-------");
    }
  }

  /**
   * What the query-service pages do: authorization code with PKCE as the public client {@code
   * query-pages}; a person signs in on the login page; the ID token, the access token and the
   * userinfo carry their organisation and roles.
   */
  @Test
  void aPersonSignsInForThePagesAndTheirTokensCarryOrganisationAndRoles() throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String verifier = "a-code-verifier-of-at-least-43-characters-0123456789";
    String challenge =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    String authorize =
        issuer.issuerUrl()
            + "/oauth2/authorize?"
            + form(
                Map.of(
                    "response_type", "code",
                    "client_id", "query-pages",
                    "scope", "openid profile",
                    "redirect_uri", REDIRECT_URI,
                    "state", "state-1",
                    "nonce", "nonce-1",
                    "code_challenge", challenge,
                    "code_challenge_method", "S256"));

    HttpResponse<String> toLogin = send(browser, getHtml(authorize));
    assertThat(toLogin.statusCode()).isEqualTo(302);
    assertThat(location(toLogin)).endsWith("/login");

    HttpResponse<String> loginPage = send(browser, getHtml(issuer.issuerUrl() + "/login"));
    Matcher csrf =
        Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> signedIn =
        send(
            browser,
            postForm(
                    "/login",
                    form(
                        Map.of(
                            "username", "uni-recorder",
                            "password", issuer.credentials().password("uni-recorder"),
                            "_csrf", csrf.group(1))))
                .build());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(location(signedIn)).contains("/oauth2/authorize");

    HttpResponse<String> toPages = send(browser, getHtml(absolute(location(signedIn))));
    assertThat(toPages.statusCode()).isEqualTo(302);
    assertThat(location(toPages)).startsWith(REDIRECT_URI + "?code=").contains("state=state-1");
    String code = URLDecoderHelper.query(URI.create(location(toPages)).getRawQuery()).get("code");

    HttpResponse<String> tokens =
        send(
            browser,
            postForm(
                    "/oauth2/token",
                    form(
                        Map.of(
                            "grant_type", "authorization_code",
                            "code", code,
                            "redirect_uri", REDIRECT_URI,
                            "client_id", "query-pages",
                            "code_verifier", verifier)))
                .build());
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(tokens.body());

    JWTClaimsSet idToken = verified(body.path("id_token").asText());
    assertThat(idToken.getIssuer()).isEqualTo(issuer.issuerUrl());
    assertThat(idToken.getSubject()).isEqualTo("uni-recorder");
    assertThat(idToken.getAudience()).containsExactly("query-pages");
    assertThat(idToken.getStringClaim("nonce")).isEqualTo("nonce-1");
    assertThat(idToken.getStringClaim("org")).isEqualTo(DemoIdentities.UNI);
    assertThat(idToken.getStringListClaim("roles")).containsExactly("recorder", "analyst");

    String accessToken = body.path("access_token").asText();
    JWTClaimsSet access = verified(accessToken);
    assertThat(access.getSubject()).isEqualTo("uni-recorder");
    assertThat(access.getStringClaim("org")).isEqualTo(DemoIdentities.UNI);
    assertThat(access.getStringListClaim("roles")).containsExactly("recorder", "analyst");

    HttpResponse<String> userInfo =
        send(
            HttpClient.newHttpClient(),
            HttpRequest.newBuilder(URI.create(issuer.issuerUrl() + "/userinfo"))
                .header("Authorization", "Bearer " + accessToken)
                .build());
    assertThat(userInfo.statusCode()).as(userInfo.body()).isEqualTo(200);
    JsonNode info = JSON.readTree(userInfo.body());
    assertThat(info.path("sub").asText()).isEqualTo("uni-recorder");
    assertThat(info.path("org").asText()).isEqualTo(DemoIdentities.UNI);
    assertThat(info.path("roles").toString()).isEqualTo("[\"recorder\",\"analyst\"]");
  }

  @Test
  void aRestartOnTheSameDataKeepsTheKeyAndTheCredentials(@TempDir Path ownData) throws Exception {
    String tokenBefore;
    String keyIdBefore;
    String credentialsBefore;
    try (LocalIssuer first = LocalIssuer.start(0, ownData, QUERY_BASE)) {
      tokenBefore = first.token("south-council-system");
      keyIdBefore = keys(first).getKeys().get(0).getKeyID();
      credentialsBefore = Files.readString(ownData.resolve(IssuerCredentials.FILE_NAME));
    }
    try (LocalIssuer second = LocalIssuer.start(0, ownData, QUERY_BASE)) {
      JWKSet keys = keys(second);
      assertThat(keys.getKeys()).hasSize(1);
      assertThat(keys.getKeys().get(0).getKeyID()).isEqualTo(keyIdBefore);
      assertThat(Files.readString(ownData.resolve(IssuerCredentials.FILE_NAME)))
          .isEqualTo(credentialsBefore);
      assertThat(second.credentials().secret("south-council-system"))
          .isEqualTo(IssuerCredentials.read(ownData).secret("south-council-system"));
      // A token from before the restart still verifies against the key published after it.
      SignedJWT jwt = SignedJWT.parse(tokenBefore);
      assertThat(jwt.verify(new RSASSAVerifier(keys.getKeyByKeyId(keyIdBefore).toRSAKey())))
          .isTrue();
      assertThat(verified(second, second.token("south-council-system")).getStringClaim("org"))
          .isEqualTo("south-council");
    }
  }

  private static JWTClaimsSet verified(String token) throws Exception {
    return verified(issuer, token);
  }

  /** The token's claims once its RS256 signature checks out against the issuer's JWKS. */
  private static JWTClaimsSet verified(LocalIssuer by, String token) throws Exception {
    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    RSAKey key = keys(by).getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
    assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature").isTrue();
    return jwt.getJWTClaimsSet();
  }

  private static JWKSet keys(LocalIssuer by) throws Exception {
    HttpResponse<String> response = get(by.issuerUrl() + "/oauth2/jwks");
    assertThat(response.statusCode()).isEqualTo(200);
    JWKSet keys = JWKSet.parse(response.body());
    assertThat(keys.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    return keys;
  }

  private static HttpClient http() {
    return HttpClient.newHttpClient();
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return send(http(), HttpRequest.newBuilder(URI.create(url)).build());
  }

  private static HttpRequest getHtml(String url) {
    return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build();
  }

  /** A form posted to the issuer's {@code path}. */
  private static HttpRequest.Builder postForm(String path, String form) {
    return HttpRequest.newBuilder(URI.create(issuer.issuerUrl() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request)
      throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }

  private static String absolute(String location) {
    return location.startsWith("/") ? issuer.issuerUrl() + location : location;
  }

  private static String form(Map<String, String> fields) {
    return new LinkedHashMap<>(fields)
        .entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  private static final class URLDecoderHelper {
    static Map<String, String> query(String rawQuery) {
      Map<String, String> values = new LinkedHashMap<>();
      for (String pair : rawQuery.split("&")) {
        int equals = pair.indexOf('=');
        values.put(
            java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
      return values;
    }
  }
}
