package org.partnershiptracker.query.access;

import static org.partnershiptracker.events.access.Caller.Role.ADMIN;
import static org.partnershiptracker.events.access.Caller.Role.ANALYST;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.partnershiptracker.events.access.Caller;
import org.partnershiptracker.web.BearerRefusals;
import org.partnershiptracker.web.TokenRoles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
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
    return TokenRoles.openApiBearerSignIn();
  }

  /** URLs Spring Security's firewall refuses are a 400 problem+json naming the path. */
  @Bean
  RequestRejectedHandler refusedUrls(ObjectMapper json) {
    return BearerRefusals.refusedUrls(json);
  }

  @Bean
  SecurityFilterChain queries(
      HttpSecurity http,
      ObjectMapper json,
      ObjectProvider<InMemoryClientRegistrationRepository> registrations)
      throws Exception {
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
        .oauth2ResourceServer(BearerRefusals.resourceServer(json));
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

  /** Authorities of a person signed in through the browser, from the ID token's roles. */
  static GrantedAuthoritiesMapper pageRoles() {
    return granted -> {
      List<GrantedAuthority> mapped = new ArrayList<>(granted);
      for (GrantedAuthority authority : granted) {
        if (authority instanceof OidcUserAuthority oidc) {
          mapped.addAll(
              TokenRoles.authorities(oidc.getIdToken().getClaims().get(Caller.ROLES_CLAIM)));
        }
      }
      return mapped;
    };
  }
}
