package org.partnershiptracker.web;

import java.util.Collection;
import org.partnershiptracker.events.access.Caller;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/** A caller's roles, from its token's {@code roles} claim, as Spring Security authorities. */
public final class TokenRoles {
  private TokenRoles() {}

  /** Authorities from a bearer token's {@code roles} claim: {@code ROLE_recorder}, … */
  public static JwtAuthenticationConverter fromBearerTokens() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(
        jwt -> authorities(jwt.getClaims().get(Caller.ROLES_CLAIM)));
    return converter;
  }

  /** The authorities a {@code roles} claim grants; unknown roles grant none. */
  public static Collection<GrantedAuthority> authorities(Object rolesClaim) {
    return Caller.rolesIn(rolesClaim).stream()
        .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
        .toList();
  }

  /** Swagger UI's "Authorize" button takes a bearer token; every operation sends it. */
  public static io.swagger.v3.oas.models.OpenAPI openApiBearerSignIn() {
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
}
