package org.partnershiptracker.infra.issuer;

import java.util.List;
import java.util.Optional;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the caller's organisation ({@code org}) and roles ({@code roles}) into access tokens and ID
 * tokens: for a machine client (client-credentials grant) from its registered client settings, for
 * a person (authorization code, refresh) from the user directory by the signed-in name.
 */
final class OrgAndRolesClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {
  static final String ORG = "org";
  static final String ROLES = "roles";
  static final String ORG_SETTING = "tracker.org";
  static final String ROLES_SETTING = "tracker.roles";

  @Override
  public void customize(JwtEncodingContext context) {
    boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
    boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
    if (!accessToken && !idToken) {
      return;
    }
    caller(context)
        .ifPresent(
            who ->
                context.getClaims().claim(ORG, who.org()).claim(ROLES, List.copyOf(who.roles())));
  }

  private static Optional<DemoIdentities.Identity> caller(JwtEncodingContext context) {
    if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
      ClientSettings settings = context.getRegisteredClient().getClientSettings();
      String org = settings.getSetting(ORG_SETTING);
      List<String> roles = settings.getSetting(ROLES_SETTING);
      return org == null
          ? Optional.empty()
          : Optional.of(
              new DemoIdentities.Identity(context.getRegisteredClient().getClientId(), org, roles));
    }
    return DemoIdentities.user(context.getPrincipal().getName());
  }
}
