package org.partnershiptracker.query.access;

import java.util.Optional;
import org.partnershiptracker.events.access.Caller;
import org.partnershiptracker.web.BearerCaller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The caller of the request being handled: from its bearer token (the JSON API), or from the ID
 * token of a person signed in through the browser (the pages).
 */
public final class CurrentCaller {
  private CurrentCaller() {}

  /** Empty outside a request, or for an anonymous one. */
  public static Optional<Caller> get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
      return Optional.of(Caller.of(user.getSubject(), user.getClaims()));
    }
    return BearerCaller.of(authentication);
  }

  /** The caller, for code that runs only behind the security filter. */
  public static Caller required() {
    return get().orElseThrow(() -> new IllegalStateException("no signed-in caller"));
  }
}
