package org.partnershiptracker.query.report.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.partnershiptracker.query.access.CallerToken;
import org.partnershiptracker.query.web.HistoryRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The command-service's history, asked with the caller's own access token (see {@link
 * CallerToken}): the command-service applies its own roles and partner scope to the caller, so the
 * page shows exactly what the caller could read from the API.
 */
@Component
public class CommandServiceHistory implements HistorySource {
  private final RestClient client;
  private final CallerToken token;
  private final ObjectMapper json;

  @org.springframework.beans.factory.annotation.Autowired
  public CommandServiceHistory(
      RestClient.Builder builder, PagesProperties pages, CallerToken token, ObjectMapper json) {
    this(
        builder
            .requestFactory(timeouts())
            .baseUrl(pages.commandServiceUrl().replaceAll("/+$", ""))
            .build(),
        token,
        json);
  }

  CommandServiceHistory(RestClient client, CallerToken token, ObjectMapper json) {
    this.client = client;
    this.token = token;
    this.json = json;
  }

  private static SimpleClientHttpRequestFactory timeouts() {
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(Duration.ofSeconds(5));
    requests.setReadTimeout(Duration.ofSeconds(30));
    return requests;
  }

  @Override
  public JsonNode history(String partnershipId) {
    try {
      return client
          .get()
          .uri("/api/partnerships/{partnershipId}/history", partnershipId)
          .accept(MediaType.APPLICATION_JSON)
          .headers(headers -> token.accessToken().ifPresent(headers::setBearerAuth))
          .exchange(
              (request, response) -> {
                int status = response.getStatusCode().value();
                if (response.getStatusCode().is2xxSuccessful()) {
                  return json.readTree(response.getBody());
                }
                throw switch (status) {
                  case 401 ->
                      new HistoryRefused(
                          response.getStatusCode(),
                          "the command-service did not accept the caller's sign-in");
                  case 403 ->
                      new HistoryRefused(
                          response.getStatusCode(),
                          "the caller's roles do not allow reading the history");
                  case 404 ->
                      new HistoryRefused(
                          response.getStatusCode(),
                          "no partnership with id '" + partnershipId + "' in the history");
                  default ->
                      new HistoryRefused(
                          HttpStatus.BAD_GATEWAY,
                          "the command-service answered " + status + " for the history");
                };
              });
    } catch (ResourceAccessException e) {
      throw new HistoryRefused(HttpStatus.BAD_GATEWAY, "the command-service cannot be reached");
    }
  }
}
