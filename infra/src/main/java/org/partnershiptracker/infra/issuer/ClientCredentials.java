package org.partnershiptracker.infra.issuer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gets an access token from the local issuer with the client-credentials grant, as a machine client
 * (a council's system, the demo loader) does: {@code POST {issuer}/oauth2/token} with HTTP Basic
 * client authentication. Plain Java (java.net.http), usable where Spring is not on the path.
 */
public final class ClientCredentials {
  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private ClientCredentials() {}

  /** An access token for {@code clientId}, whose secret the issuer stored in {@code dataDir}. */
  public static String token(String issuerUrl, Path dataDir, String clientId) {
    return token(issuerUrl, clientId, IssuerCredentials.read(dataDir).secret(clientId));
  }

  /**
   * An access token (a JWT) for {@code clientId} with {@code secret}; the issuer's refusal (a wrong
   * secret gives 401) is an {@link IllegalStateException} naming the status and body.
   */
  public static String token(String issuerUrl, String clientId, String secret) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (urlEncode(clientId) + ":" + urlEncode(secret)).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stripSlash(issuerUrl) + "/oauth2/token"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    HttpResponse<String> response;
    try {
      response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("The issuer at " + issuerUrl + " is not reachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while getting a token", e);
    }
    Matcher token = ACCESS_TOKEN.matcher(response.body());
    if (response.statusCode() != 200 || !token.find()) {
      throw new IllegalStateException(
          "The issuer refused a token for "
              + clientId
              + ": HTTP "
              + response.statusCode()
              + " "
              + response.body());
    }
    return token.group(1);
  }

  // RFC 6749 2.3.1: the client id and secret are form-encoded before Basic encoding.
  private static String urlEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
