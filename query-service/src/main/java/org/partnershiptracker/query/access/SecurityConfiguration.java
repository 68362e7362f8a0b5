package org.partnershiptracker.query.access;

import static org.partnershiptracker.events.access.Caller.Role.ADMIN;
import static org.partnershiptracker.events.access.Caller.Role.ANALYST;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.partnershiptracker.events.access.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The query-service is an OAuth2 resource server (the JSON API takes bearer JWTs from {@code
 * spring.security.oauth2.resourceserver.jwt.issuer-uri}) and, when a client registration {@code
 * tracker} is configured, signs people in through the browser for the pages (OpenID Connect, with
 * CSRF protection on the session). Which role may read what is listed here; which partnerships a
 * caller reaches is {@link PartnerScope}'s. Refusals of API calls are problem+json.
 */
@Configuration
public class SecurityConfiguration {
  /** The client registration the pages sign in with. */
  static final String REGISTRATION = "tracker";

  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src"
          + " 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  /** Swagger UI's "Authorize" button takes a bearer token; every operation sends it. */
  @Bean
  io.swagger.v3.oas.models.OpenAPI bearerSignIn() {
    return new io.swagger.v3.oas.models.OpenAPI()
        .components(
            new io.swagger.v3.oas.models.Components()
                .addSecuritySchemes(
                    "bearer",
                    new io.swagger.v3.oas.models.security.SecurityScheme()
                        .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")))
        .addSecurityItem(
            new io.swagger.v3.oas.models.security.SecurityRequirement().addList("bearer"));
  }

  /**
   * URLs Spring Security's firewall refuses before any filter runs ({@code ..}, {@code ;}, {@code
   * //}, encoded separators) are a 400 problem+json naming the path, like every other refusal, not
   * Spring Boot's error page.
   */
  @Bean
  RequestRejectedHandler refusedUrls(ObjectMapper json) {
    return (request, response, e) ->
        write(
            json,
            response,
            HttpStatus.BAD_REQUEST,
            "invalid-request",
            "Invalid request",
            "the URL was refused: " + e.getMessage(),
            "path");
  }

  @Bean
  SecurityFilterChain queries(
      HttpSecurity http,
      ObjectMapper json,
      ObjectProvider<InMemoryClientRegistrationRepository> registrations)
      throws Exception {
    BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
    String[] reader = {ANALYST.authority(), ADMIN.authority()};
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html")
                    .permitAll()
                    .requestMatchers("/swagger-ui/**", "/error")
                    .permitAll()
                    .requestMatchers("/actuator/**", "/admin/**")
                    .hasAuthority(ADMIN.authority())
                    .requestMatchers("/", "/api/**")
                    .hasAnyAuthority(reader)
                    .anyRequest()
                    .authenticated())
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(frame -> frame.deny()))
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(roles()))
                    .authenticationEntryPoint(
                        (request, response, e) -> {
                          bearer.commence(request, response, e);
                          write(
                              json,
                              response,
                              HttpStatus.UNAUTHORIZED,
                              "unauthenticated",
                              "Unauthenticated",
                              "a valid bearer token is required (" + e.getMessage() + ")",
                              "Authorization");
                        })
                    .accessDeniedHandler(
                        (request, response, e) -> {
                          denied.handle(request, response, e);
                          write(
                              json,
                              response,
                              HttpStatus.FORBIDDEN,
                              "forbidden",
                              "Forbidden",
                              "the caller's roles do not allow " + request.getMethod() + " here",
                              "roles");
                        }));
    InMemoryClientRegistrationRepository pages = registrations.getIfAvailable();
    ClientRegistration login = pages == null ? null : pages.findByRegistrationId(REGISTRATION);
    if (login != null) {
      // People at a browser are sent to the issuer's login page; API clients still get a 401.
      MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
      browser.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
      http.oauth2Login(
              oauth -> oauth.userInfoEndpoint(user -> user.userAuthoritiesMapper(pageRoles())))
          .exceptionHandling(
              exceptions ->
                  exceptions.defaultAuthenticationEntryPointFor(
                      new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION),
                      browser));
    } else {
      http.csrf(csrf -> csrf.disable()); // no sign-in by browser: bearer tokens only, no cookies
    }
    return http.build();
  }

  /** Authorities from a bearer token's {@code roles} claim: {@code ROLE_analyst}, … */
  static JwtAuthenticationConverter roles() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(
        jwt -> authorities(jwt.getClaims().get(Caller.ROLES_CLAIM)));
    return converter;
  }

  /** Authorities of a person signed in through the browser, from the ID token's roles. */
  static GrantedAuthoritiesMapper pageRoles() {
    return granted -> {
      List<GrantedAuthority> mapped = new ArrayList<>(granted);
      for (GrantedAuthority authority : granted) {
        if (authority instanceof OidcUserAuthority oidc) {
          mapped.addAll(authorities(oidc.getIdToken().getClaims().get(Caller.ROLES_CLAIM)));
        }
      }
      return mapped;
    };
  }

  private static Collection<GrantedAuthority> authorities(Object rolesClaim) {
    return Caller.rolesIn(rolesClaim).stream()
        .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
        .toList();
  }

  private static void write(
      ObjectMapper json,
      HttpServletResponse response,
      HttpStatus status,
      String type,
      String title,
      String detail,
      String field)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://partnership-tracker.org/problems/" + type));
    problem.setTitle(title);
    problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
