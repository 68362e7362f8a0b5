package org.partnershiptracker.infra.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnershiptracker.infra.process.ServiceJvm;

/**
 * The issuer in a JVM of its own, as the services' integration tests start it (their class path
 * lacks its Spring dependencies): it runs on infra's build output, so this runs after package.
 */
class IssuerJvmIT {

  @Test
  void startsInItsOwnJvmAndIssuesTokens(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("issuer.log");
    try (IssuerJvm issuer =
        IssuerJvm.start(
            ServiceJvm.freePort(), dir.resolve("issuer"), "http://localhost:8082", log)) {
      SignedJWT token = SignedJWT.parse(issuer.token("calendar-system"));

      assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.issuerUrl());
      assertThat(token.getJWTClaimsSet().getStringClaim("org")).isEqualTo("north-council");
      assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("recorder");
      assertThat(issuer.credentials().password("admin")).isNotBlank();
    }
  }
}
