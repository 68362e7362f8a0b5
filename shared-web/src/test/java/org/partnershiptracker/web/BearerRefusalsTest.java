package org.partnershiptracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.firewall.RequestRejectedException;

/** The refusals the security filters answer, as a client sees them. */
class BearerRefusalsTest {
  // As the services have it: Spring's builder adds the mix-in that writes a problem's properties
  // (errors[]) at the top level.
  private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
  private final MockHttpServletResponse response = new MockHttpServletResponse();

  /** The problem answered, checked to be problem+json of this status, type and faulty field. */
  private JsonNode problem(int status, String type, String field) throws Exception {
    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    JsonNode problem = json.readTree(response.getContentAsByteArray());
    assertThat(problem.get("type").asText()).isEqualTo(ProblemTypes.BASE + type);
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(field);
    return problem;
  }

  @Test
  void noValidTokenIsA401ProblemNamingTheAuthorizationHeader() throws Exception {
    BearerRefusals.unauthenticated(json)
        .commence(
            new MockHttpServletRequest("GET", "/api/partnerships"),
            response,
            new BadCredentialsException("expired"));

    assertThat(problem(401, "unauthenticated", "Authorization").get("detail").asText())
        .contains("expired");
    assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void rolesThatDoNotAllowTheRequestAreA403ProblemNamingTheRoles() throws Exception {
    BearerRefusals.forbidden(json)
        .handle(
            new MockHttpServletRequest("POST", "/api/partnerships"),
            response,
            new AccessDeniedException("denied"));

    assertThat(problem(403, "forbidden", "roles").get("detail").asText()).contains("POST");
  }

  @Test
  void aUrlTheFirewallRefusesIsA400ProblemNamingThePath() throws Exception {
    BearerRefusals.refusedUrls(json)
        .handle(
            new MockHttpServletRequest("GET", "/api/../x"),
            response,
            new RequestRejectedException("the URL contained a potentially malicious String"));

    problem(400, "invalid-request", "path");
  }

  @Test
  void aTokensRolesClaimGrantsTheKnownRolesOnly() {
    assertThat(TokenRoles.authorities(List.of("analyst", "owner")))
        .extracting(GrantedAuthority::getAuthority)
        .containsExactly("ROLE_analyst");
    assertThat(TokenRoles.authorities(Map.of())).isEmpty();
  }
}
