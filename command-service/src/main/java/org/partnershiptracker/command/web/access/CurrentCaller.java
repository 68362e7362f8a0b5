package org.partnershiptracker.command.web.access;

import java.util.Optional;
import org.partnershiptracker.events.access.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller of the request being handled, from its bearer token. */
public final class CurrentCaller {
  private CurrentCaller() {}

  /** Empty outside a request, or for an anonymous one. */
  public static Optional<Caller> get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken token) {
      return Optional.of(Caller.of(token.getToken().getSubject(), token.getToken().getClaims()));
    }
    return Optional.empty();
  }
}
