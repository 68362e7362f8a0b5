package org.partnershiptracker.command.web.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class RememberedTokensTest {
  private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

  private final AtomicInteger verified = new AtomicInteger();
  private final MutableClock clock = new MutableClock(NOW);
  private final JwtTimestampValidator expiry = timestamps(clock);

  /** Verifies by the token's text: "good-N" expires N minutes from NOW, anything else is bad. */
  private final JwtDecoder verifying =
      token -> {
        verified.incrementAndGet();
        if (!token.startsWith("good-")) {
          throw new BadJwtException("An error occurred while attempting to decode the Jwt: bad");
        }
        long minutes = Long.parseLong(token.substring("good-".length()));
        return Jwt.withTokenValue(token)
            .header("alg", "RS256")
            .subject("north-council-system")
            .issuedAt(NOW)
            .expiresAt(NOW.plus(Duration.ofMinutes(minutes)))
            .build();
      };

  @Test
  void aTokenIsVerifiedOnceThenRemembered() {
    RememberedTokens tokens = new RememberedTokens(verifying, expiry, 100);

    Jwt first = tokens.decode("good-30");
    Jwt second = tokens.decode("good-30");

    assertThat(second).isSameAs(first);
    assertThat(verified).hasValue(1);
  }

  @Test
  void aRememberedTokenIsRefusedOnceItExpires() {
    RememberedTokens tokens = new RememberedTokens(verifying, expiry, 100);
    tokens.decode("good-1");

    clock.now = NOW.plus(Duration.ofMinutes(3)); // past expiry and the 60 s clock skew

    assertThatThrownBy(() -> tokens.decode("good-1"))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageStartingWith(
            "An error occurred while attempting to decode the Jwt: Jwt expired");
    assertThat(verified).hasValue(1);
  }

  @Test
  void aBadTokenIsNeverRemembered() {
    RememberedTokens tokens = new RememberedTokens(verifying, expiry, 100);

    assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

    assertThat(verified).hasValue(2);
  }

  @Test
  void differentTokensAreVerifiedEachOnTheirOwn() {
    RememberedTokens tokens = new RememberedTokens(verifying, expiry, 100);

    tokens.decode("good-10");
    tokens.decode("good-20");
    tokens.decode("good-10");

    assertThat(verified).hasValue(2);
  }

  private static JwtTimestampValidator timestamps(Clock clock) {
    JwtTimestampValidator validator = new JwtTimestampValidator();
    validator.setClock(clock);
    return validator;
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
