package org.partnershiptracker.infra.issuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The local issuer's Spring configuration: Spring Authorization Server with OpenID Connect, the
 * demo users (form login) and clients, the persisted signing key and the {@code org} / {@code
 * roles} claims. Deliberately not a {@code @SpringBootConfiguration} and not component-scanned:
 * nothing in a service's test that has infra on its path finds or starts it.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EnableConfigurationProperties(IssuerProperties.class)
@Import(IssuerHome.class)
class IssuerConfiguration {

  /** The OAuth2 and OIDC endpoints; a browser that is not signed in goes to the login page. */
  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
    OAuth2AuthorizationServerConfigurer authorizationServer =
        OAuth2AuthorizationServerConfigurer.authorizationServer();
    http.securityMatcher(authorizationServer.getEndpointsMatcher())
        .with(
            authorizationServer,
            server ->
                server.oidc(
                    oidc ->
                        oidc.userInfoEndpoint(
                            userInfo -> userInfo.userInfoMapper(IssuerConfiguration::userInfo))))
        .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
        .exceptionHandling(
            exceptions ->
                exceptions.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint("/login"),
                    new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
    return http.build();
  }

  /** Everything else: the login page (Spring Security's own form) and a small home page. */
  @Bean
  @Order(2)
  SecurityFilterChain loginPage(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            authorize ->
                authorize.requestMatchers("/error").permitAll().anyRequest().authenticated())
        .formLogin(Customizer.withDefaults());
    return http.build();
  }

  /** The userinfo response: the subject with its organisation and roles, from the ID token. */
  private static OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
    OAuth2Authorization.Token<OidcIdToken> idToken =
        context.getAuthorization().getToken(OidcIdToken.class);
    Map<String, Object> claims = new LinkedHashMap<>();
    if (idToken != null) {
      Map<String, Object> idClaims = idToken.getToken().getClaims();
      for (String name :
          List.of(
              StandardClaimNames.SUB,
              StandardClaimNames.PREFERRED_USERNAME,
              OrgAndRolesClaims.ORG,
              OrgAndRolesClaims.ROLES)) {
        if (idClaims.containsKey(name)) {
          claims.put(name, idClaims.get(name));
        }
      }
    } else {
      claims.put(StandardClaimNames.SUB, context.getAuthorization().getPrincipalName());
    }
    return new OidcUserInfo(claims);
  }

  @Bean
  IssuerCredentials issuerCredentials(IssuerProperties properties) {
    return IssuerCredentials.loadOrCreate(properties.dataDir());
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /** The demo people, each signing in with the generated password from the credentials file. */
  @Bean
  UserDetailsService users(IssuerCredentials credentials, PasswordEncoder encoder) {
    Map<String, UserDetails> users = new LinkedHashMap<>();
    for (DemoIdentities.Identity user : DemoIdentities.USERS) {
      List<SimpleGrantedAuthority> authorities = new ArrayList<>();
      user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
      users.put(
          user.name(),
          new User(user.name(), encoder.encode(credentials.password(user.name())), authorities));
    }
    return name -> {
      UserDetails user = users.get(name);
      if (user == null) {
        throw new UsernameNotFoundException(name);
      }
      // A copy: Spring Security erases the credentials of the user that signed in.
      return new User(user.getUsername(), user.getPassword(), user.getAuthorities());
    };
  }

  @Bean
  RegisteredClientRepository registeredClients(
      IssuerProperties properties, IssuerCredentials credentials, PasswordEncoder encoder) {
    TokenSettings tokens =
        TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build();
    List<RegisteredClient> clients = new ArrayList<>();
    for (DemoIdentities.Identity client : DemoIdentities.CLIENTS) {
      clients.add(
          RegisteredClient.withId(UUID.nameUUIDFromBytes(client.name().getBytes()).toString())
              .clientId(client.name())
              .clientSecret(encoder.encode(credentials.secret(client.name())))
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
              .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
              .tokenSettings(tokens)
              .clientSettings(
                  ClientSettings.builder()
                      .setting(OrgAndRolesClaims.ORG_SETTING, client.org())
                      .setting(OrgAndRolesClaims.ROLES_SETTING, client.roles())
                      .build())
              .build());
    }
    // The query-service pages: a public client (no secret to hand around), so PKCE is required.
    clients.add(
        RegisteredClient.withId(
                UUID.nameUUIDFromBytes(DemoIdentities.QUERY_PAGES_CLIENT.getBytes()).toString())
            .clientId(DemoIdentities.QUERY_PAGES_CLIENT)
            .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri(properties.queryPagesRedirectUri())
            .postLogoutRedirectUri(properties.queryPagesHome())
            .scope(OidcScopes.OPENID)
            .scope(OidcScopes.PROFILE)
            .clientSettings(
                ClientSettings.builder()
                    .requireProofKey(true)
                    .requireAuthorizationConsent(false)
                    .build())
            .tokenSettings(tokens)
            .build());
    return new InMemoryRegisteredClientRepository(clients);
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(IssuerProperties properties) {
    JWKSet keys = IssuerKeys.loadOrCreate(properties.dataDir());
    return new ImmutableJWKSet<>(keys);
  }

  @Bean
  JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
    return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(IssuerProperties properties) {
    return AuthorizationServerSettings.builder().issuer(properties.issuerUrl()).build();
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> orgAndRolesClaims() {
    return new OrgAndRolesClaims();
  }
}
