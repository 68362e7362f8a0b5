package org.partnershiptracker.command.web.access;

import java.util.Optional;
import org.partnershiptracker.events.access.Caller;
import org.partnershiptracker.web.BearerCaller;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the request being handled, from its bearer token. */
public final class CurrentCaller {
  private CurrentCaller() {}

  /** Empty outside a request, or for an anonymous one. */
  public static Optional<Caller> get() {
    return BearerCaller.of(SecurityContextHolder.getContext().getAuthentication());
  }
}
