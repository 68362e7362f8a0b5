package org.partnershiptracker.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.partnershiptracker.infra.security.TokenMint;

/**
 * A client of the command-service's HTTP API, over real HTTP, for integration tests. It signs in
 * with a token from the test JVM's {@link TokenMint}: by default an operator who is admin, recorder
 * and analyst; a command an organisation gives only for itself (a signature, a survey answer, a
 * departure) goes with a token of the organisation it names, as that organisation's system would
 * send it. {@link #as} gives a client with another caller's token.
 */
final class CommandApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String token;

  CommandApi(int port) {
    this("http://localhost:" + port, null);
  }

  private CommandApi(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** The same API, called with {@code token} (null: no Authorization header at all). */
  CommandApi withToken(String token) {
    return new CommandApi(baseUrl, token == null ? "" : token);
  }

  /** The same API, called by {@code subject} of {@code organisation} with {@code roles}. */
  CommandApi as(String subject, String organisation, String... roles) {
    return withToken(TokenMint.shared().token(subject, organisation, roles));
  }

  private String tokenFor(String path, String json) {
    if (token != null) {
      return token.isEmpty() ? null : token;
    }
    return TokenMint.shared().operatorTokenFor(path, json);
  }

  record Response(int status, JsonNode body, Map<String, java.util.List<String>> headers) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElse(null);
    }

    String contentType() {
      return header("Content-Type");
    }
  }

  Response post(String path, String json) {
    return post(path, json, null);
  }

  Response post(String path, String json, String idempotencyKey) {
    HttpRequest.Builder request =
        to(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    authorize(request, path, json);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request.build());
  }

  /** Posts a CSV file ({@code text/csv}, UTF-8). */
  Response postCsv(String path, String csv) {
    HttpRequest.Builder request =
        to(path)
            .header("Content-Type", "text/csv; charset=utf-8")
            .POST(
                HttpRequest.BodyPublishers.ofString(csv, java.nio.charset.StandardCharsets.UTF_8));
    return send(signedIn(request, path, null).build());
  }

  /** A GET whose body is not JSON (a CSV template): the raw response. */
  HttpResponse<String> getText(String path) {
    return exchange(signedIn(to(path).GET(), path, null).build());
  }

  Response delete(String path) {
    return send(signedIn(to(path).DELETE(), path, null).build());
  }

  Response get(String path) {
    return send(signedIn(to(path).GET(), path, null).build());
  }

  /** A request to this API's {@code path}, not yet signed in. */
  private HttpRequest.Builder to(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path));
  }

  /** A request as {@link #post} would send it, for tests that send it their own way. */
  HttpRequest.Builder signedIn(HttpRequest.Builder request, String path, String json) {
    authorize(request, path, json);
    return request;
  }

  private void authorize(HttpRequest.Builder request, String path, String json) {
    String bearer = tokenFor(path, json);
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
  }

  private Response send(HttpRequest request) {
    HttpResponse<String> response = exchange(request);
    try {
      JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
      return new Response(response.statusCode(), body, response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a request and reads its body as text. */
  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A partnership's history, oldest first; anything but 200 fails the test. */
  JsonNode history(String partnershipId) {
    return expectStatus(200, get("/api/partnerships/" + partnershipId + "/history")).body();
  }

  /** The entries of a partnership's history whose event is of this type, oldest first. */
  List<JsonNode> historyOf(String partnershipId, String type) {
    List<JsonNode> entries = new ArrayList<>();
    history(partnershipId)
        .forEach(
            entry -> {
              if (type.equals(entry.get("type").asText())) {
                entries.add(entry);
              }
            });
    return entries;
  }

  /** Forms a partnership with two councils and a university, the cast of most tests. */
  void formPartnershipWithPartners(String partnershipId) {
    expectStatus(
        201,
        post(
            "/api/partnerships",
            """
            {"partnershipId":"%s","name":"Shire data partnership","sharedVision":"Better services from shared data","formedOn":"2025-01-06"}
            """
                .formatted(partnershipId)));
    joinPartner(partnershipId, "north-council", "North County Council", "LOCAL_AUTHORITY");
    joinPartner(partnershipId, "south-council", "South County Council", "LOCAL_AUTHORITY");
    joinPartner(partnershipId, "uni", "Shire University", "UNIVERSITY");
  }

  void joinPartner(String partnershipId, String organisationId, String name, String sector) {
    expectStatus(
        201,
        post(
            "/api/partnerships/" + partnershipId + "/partners",
            """
            {"organisationId":"%s","organisationName":"%s","sector":"%s","joinedOn":"2025-01-06"}
            """
                .formatted(organisationId, name, sector)));
  }

  /** Expects the 409 problem of a refused command, naming the rule that refused it. */
  static Response expectRefused(String rule, Response response) {
    expectStatus(409, response);
    String refusedBy = response.body().get("rule").asText();
    if (!refusedBy.equals(rule)) {
      throw new AssertionError(
          "expected a refusal by rule " + rule + " but got " + refusedBy + ": " + response.body());
    }
    return response;
  }

  static Response expectStatus(int status, Response response) {
    if (response.status() != status) {
      throw new AssertionError(
          "expected HTTP " + status + " but got " + response.status() + ": " + response.body());
    }
    return response;
  }
}
