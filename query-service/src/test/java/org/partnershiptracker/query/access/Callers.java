package org.partnershiptracker.query.access;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import org.partnershiptracker.events.access.Caller;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signed-in callers for MockMvc tests: a JWT with the claims the services read. */
public final class Callers {
  private Callers() {}

  /** A caller of {@code organisation} with {@code roles}, as its bearer token would say. */
  public static RequestPostProcessor caller(String organisation, Caller.Role... roles) {
    List<String> names = java.util.Arrays.stream(roles).map(Caller.Role::claim).toList();
    return jwt()
        .jwt(
            token ->
                token
                    .subject("test-" + organisation)
                    .claim("org", organisation)
                    .claim("roles", names))
        .authorities(
            java.util.Arrays.stream(roles)
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList());
  }
}
