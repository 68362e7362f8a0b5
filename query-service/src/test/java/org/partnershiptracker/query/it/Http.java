package org.partnershiptracker.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.partnershiptracker.infra.security.TokenMint;

/** Real HTTP calls to either service, for the end-to-end tests. */
final class Http {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private Http() {}

  record Response(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A GET with the test operator's token (admin, recorder, analyst). */
  static Response get(String url) {
    return send(signedIn(HttpRequest.newBuilder(URI.create(url)), url, null).GET().build());
  }

  /** A GET with {@code token} as bearer (null: no Authorization header). */
  static Response get(String url, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  /** A POST signed in as the test operator, acting for the organisation the request names. */
  static Response post(String url, String json) {
    return send(
        signedIn(HttpRequest.newBuilder(URI.create(url)), url, json)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  static HttpRequest.Builder signedIn(HttpRequest.Builder request, String url, String json) {
    return request.header(
        "Authorization",
        "Bearer " + TokenMint.shared().operatorTokenFor(URI.create(url).getPath(), json));
  }

  static Response postOk(String url, String json) {
    Response response = post(url, json);
    if (response.status() >= 300) {
      throw new AssertionError(
          "POST " + url + " gave " + response.status() + ": " + response.body());
    }
    return response;
  }

  static Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Response(-1, String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A value as the service serves it: written by the service's own mapper and read back, so numbers
   * compare alike.
   */
  static JsonNode asServed(ObjectMapper serviceJson, Object value) {
    try {
      return JSON.readTree(serviceJson.writeValueAsString(value));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
