package org.partnershiptracker.query.access;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The access token of the request's caller, to relay to the command-service so that it decides by
 * the caller's own organisation and roles: an API caller's bearer token as it came, or the access
 * token the issuer gave a person's browser session (client registration {@code tracker}). Never a
 * token of the query-service's own.
 */
@Component
public class CallerToken {
  private final ObjectProvider<ClientRegistrationRepository> registrations;
  private final ObjectProvider<OAuth2AuthorizedClientRepository> authorizedClients;
  private volatile OAuth2AuthorizedClientManager manager;

  public CallerToken(
      ObjectProvider<ClientRegistrationRepository> registrations,
      ObjectProvider<OAuth2AuthorizedClientRepository> authorizedClients) {
    this.registrations = registrations;
    this.authorizedClients = authorizedClients;
  }

  /** Empty for an anonymous request, or a session whose access token is no longer held. */
  public Optional<String> accessToken() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken bearer) {
      return Optional.of(bearer.getToken().getTokenValue());
    }
    if (authentication instanceof OAuth2AuthenticationToken session
        && SecurityConfiguration.REGISTRATION.equals(session.getAuthorizedClientRegistrationId())) {
      OAuth2AuthorizedClientManager clients = manager();
      if (clients == null) {
        return Optional.empty();
      }
      // Refreshes the token when the issuer gave a refresh token and it has expired; the request
      // and response come from the request context.
      OAuth2AuthorizedClient client =
          clients.authorize(
              OAuth2AuthorizeRequest.withClientRegistrationId(SecurityConfiguration.REGISTRATION)
                  .principal(session)
                  .build());
      return Optional.ofNullable(client).map(c -> c.getAccessToken().getTokenValue());
    }
    return Optional.empty();
  }

  private OAuth2AuthorizedClientManager manager() {
    OAuth2AuthorizedClientManager current = manager;
    if (current == null) {
      ClientRegistrationRepository clients = registrations.getIfAvailable();
      OAuth2AuthorizedClientRepository authorized = authorizedClients.getIfAvailable();
      if (clients == null || authorized == null) {
        return null;
      }
      current = new DefaultOAuth2AuthorizedClientManager(clients, authorized);
      manager = current;
    }
    return current;
  }
}
