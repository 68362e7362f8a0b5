package org.partnershiptracker.web;

import java.util.Optional;
import org.partnershiptracker.events.access.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who calls, when a request was authenticated by its bearer token: the token's subject and claims.
 */
public final class BearerCaller {
  private BearerCaller() {}

  /** Empty unless {@code authentication} is a verified bearer token. */
  public static Optional<Caller> of(Authentication authentication) {
    if (authentication instanceof JwtAuthenticationToken token) {
      return Optional.of(Caller.of(token.getToken().getSubject(), token.getToken().getClaims()));
    }
    return Optional.empty();
  }
}
