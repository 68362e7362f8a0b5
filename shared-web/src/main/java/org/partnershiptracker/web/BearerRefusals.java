package org.partnershiptracker.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * What the security filters answer when they refuse a request, before any controller runs:
 * problem+json like every other refusal, with {@code errors[]} naming what was wrong, and the
 * {@code WWW-Authenticate} header of RFC 6750 for bearer tokens.
 */
public final class BearerRefusals {
  private static final Refusal UNAUTHENTICATED =
      new Refusal(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", "Authorization");
  private static final Refusal FORBIDDEN =
      new Refusal(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "roles");
  private static final Refusal REFUSED_URL =
      new Refusal(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "path");

  private BearerRefusals() {}

  /**
   * How a service takes bearer JWTs: their {@code roles} claim as authorities ({@link TokenRoles}),
   * and the refusals below.
   */
  public static Customizer<OAuth2ResourceServerConfigurer<HttpSecurity>> resourceServer(
      ObjectMapper json) {
    return server ->
        server
            .jwt(jwt -> jwt.jwtAuthenticationConverter(TokenRoles.fromBearerTokens()))
            .authenticationEntryPoint(unauthenticated(json))
            .accessDeniedHandler(forbidden(json));
  }

  /** 401: no token, or one that is not valid. */
  public static AuthenticationEntryPoint unauthenticated(ObjectMapper json) {
    AuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    return (request, response, e) -> {
      challenge.commence(request, response, e); // WWW-Authenticate: Bearer, with the error
      String why = "a valid bearer token is required (" + e.getMessage() + ")";
      UNAUTHENTICATED.answer(json, response, why);
    };
  }

  /** 403: the caller's roles do not allow the request. */
  public static AccessDeniedHandler forbidden(ObjectMapper json) {
    AccessDeniedHandler challenge = new BearerTokenAccessDeniedHandler();
    return (request, response, e) -> {
      challenge.handle(request, response, e);
      FORBIDDEN.answer(
          json, response, "the caller's roles do not allow " + request.getMethod() + " here");
    };
  }

  /**
   * 400: URLs Spring Security's firewall refuses ({@code ..}, {@code ;}, {@code //}, encoded
   * separators), naming the path, not Spring Boot's error page.
   */
  public static RequestRejectedHandler refusedUrls(ObjectMapper json) {
    return (request, response, e) ->
        REFUSED_URL.answer(json, response, "the URL was refused: " + e.getMessage());
  }

  /**
   * A kind of refusal: its status, problem type and title, and the part of the request at fault.
   */
  private record Refusal(HttpStatus status, String type, String title, String field) {
    void answer(ObjectMapper json, HttpServletResponse response, String detail) throws IOException {
      ProblemDetail problem = ProblemTypes.problem(status, type, title, detail);
      problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
      response.setStatus(status.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), problem);
    }
  }
}
