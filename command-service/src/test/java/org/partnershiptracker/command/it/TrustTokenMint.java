package org.partnershiptracker.command.it;

import java.util.Map;
import org.partnershiptracker.infra.security.TokenMint;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Makes the service under test trust the test JVM's {@link TokenMint}, as it would any issuer. */
class TrustTokenMint implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "token-mint",
                Map.of(
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                    TokenMint.shared().issuer())));
  }
}
