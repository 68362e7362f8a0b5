package org.partnershiptracker.query.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.query.access.CallerToken;
import org.partnershiptracker.query.web.HistoryRefused;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

/**
 * The command-service call at the HTTP boundary: a bearer-token caller's own token is relayed; a
 * refusal (401, 403, 404) keeps its status; any other failure is a 502.
 */
class CommandServiceHistoryTest {
  private static final String URL = "http://command.test/api/partnerships/shire/history";

  private MockRestServiceServer commandService;
  private CommandServiceHistory history;

  @BeforeEach
  void setUp() {
    RestClient.Builder builder = RestClient.builder().baseUrl("http://command.test");
    commandService = MockRestServiceServer.bindTo(builder).build();
    StaticListableBeanFactory none = new StaticListableBeanFactory();
    CallerToken token =
        new CallerToken(
            none.getBeanProvider(ClientRegistrationRepository.class),
            none.getBeanProvider(OAuth2AuthorizedClientRepository.class));
    history = new CommandServiceHistory(builder.build(), token, new ObjectMapper());
    Jwt jwt =
        new Jwt(
            "the-callers-token",
            Instant.now(),
            Instant.now().plusSeconds(300),
            Map.of("alg", "RS256"),
            Map.of("sub", "north-analyst", "org", "north-council", "roles", List.of("analyst")));
    SecurityContextHolder.getContext()
        .setAuthentication(
            new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_analyst"))));
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void theCallersOwnBearerTokenIsRelayed() {
    commandService
        .expect(requestTo(URL))
        .andExpect(header("Authorization", "Bearer the-callers-token"))
        .andRespond(withSuccess("[{\"eventId\":\"e1\"}]", MediaType.APPLICATION_JSON));

    assertThat(history.history("shire").get(0).get("eventId").asText()).isEqualTo("e1");
    commandService.verify();
  }

  @Test
  void aRefusalKeepsItsStatusAndAnythingElseIsABadGateway() {
    for (HttpStatus answer :
        List.of(
            HttpStatus.UNAUTHORIZED,
            HttpStatus.FORBIDDEN,
            HttpStatus.NOT_FOUND,
            HttpStatus.INTERNAL_SERVER_ERROR)) {
      commandService.reset();
      commandService.expect(requestTo(URL)).andRespond(withStatus(answer));
      HistoryRefused refused =
          catchThrowableOfType(HistoryRefused.class, () -> history.history("shire"));
      HttpStatus expected = answer.is5xxServerError() ? HttpStatus.BAD_GATEWAY : answer;
      assertThat(refused.status().value()).as(answer.toString()).isEqualTo(expected.value());
    }
  }
}
