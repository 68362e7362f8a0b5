package org.partnershiptracker.command.web.access;

import static org.partnershiptracker.events.access.Caller.Role.ADMIN;
import static org.partnershiptracker.events.access.Caller.Role.ANALYST;
import static org.partnershiptracker.events.access.Caller.Role.RECORDER;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.partnershiptracker.command.web.Problems;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The command-service is an OAuth2 resource server: every API call carries a bearer JWT from the
 * issuer in {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}. Which role may call what
 * is listed here, in one place (README "Security" has the same table); which partnerships a caller
 * reaches is {@link PartnerScope}'s; which organisation it acts for is {@link
 * CommandAuthorization}'s. Refusals are problem+json like every other 4xx.
 */
@Configuration
class SecurityConfiguration {
  private static final String[] PARTNERSHIP_LIFECYCLE = {
    "/api/partnerships", "/api/partnerships/*/partners", "/api/partnerships/*/closure"
  };

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
   * Tokens from the configured issuer, its keys fetched on first use (as Spring Boot's own decoder
   * does, so the service starts before the issuer answers), each verified token remembered for a
   * minute ({@link RememberedTokens}).
   */
  @Bean
  JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties) {
    String issuer = properties.getJwt().getIssuerUri();
    return new RememberedTokens(
        new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(issuer)),
        JwtValidators.createDefaultWithIssuer(issuer),
        10_000);
  }

  /**
   * No observation of each security filter, authentication and authorisation: 9-10% of the request
   * threads' time in a profile of the intake benchmark, and nothing reads them. Every request is
   * still timed as a whole ({@code http_server_requests_seconds}).
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
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
  SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
    BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
    http.csrf(csrf -> csrf.disable()) // bearer tokens only: no cookie a browser would send
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .requestMatchers(
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/asyncapi.yaml",
                        "/schemas/*")
                    .permitAll()
                    .requestMatchers("/swagger-ui/**", "/error")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasAuthority(ADMIN.authority())
                    .requestMatchers(HttpMethod.POST, PARTNERSHIP_LIFECYCLE)
                    .hasAuthority(ADMIN.authority())
                    .requestMatchers(HttpMethod.DELETE, "/api/people/*")
                    .hasAuthority(ADMIN.authority())
                    .requestMatchers(HttpMethod.GET, "/api/**")
                    .hasAnyAuthority(ANALYST.authority(), RECORDER.authority(), ADMIN.authority())
                    .requestMatchers(HttpMethod.POST, "/api/**")
                    .hasAnyAuthority(RECORDER.authority(), ADMIN.authority())
                    .anyRequest()
                    .authenticated())
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
                              "the token's roles do not allow " + request.getMethod() + " here",
                              "roles");
                        }));
    return http.build();
  }

  /** Authorities from the token's {@code roles} claim: {@code ROLE_recorder}, … */
  static JwtAuthenticationConverter roles() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(
        jwt ->
            org.partnershiptracker.events.access.Caller.rolesIn(
                    jwt.getClaims().get(org.partnershiptracker.events.access.Caller.ROLES_CLAIM))
                .stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .map(org.springframework.security.core.GrantedAuthority.class::cast)
                .toList());
    return converter;
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
    ProblemDetail problem = Problems.problem(status, type, title, detail);
    problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
