package org.partnershiptracker.command.web.access;

import static org.partnershiptracker.events.access.Caller.Role.ADMIN;
import static org.partnershiptracker.events.access.Caller.Role.ANALYST;
import static org.partnershiptracker.events.access.Caller.Role.RECORDER;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.partnershiptracker.web.BearerRefusals;
import org.partnershiptracker.web.TokenRoles;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
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
    return TokenRoles.openApiBearerSignIn();
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

  /** URLs Spring Security's firewall refuses are a 400 problem+json naming the path. */
  @Bean
  RequestRejectedHandler refusedUrls(ObjectMapper json) {
    return BearerRefusals.refusedUrls(json);
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
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
        .oauth2ResourceServer(BearerRefusals.resourceServer(json));
    return http.build();
  }
}
