package org.partnershiptracker.command.web.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Bearer tokens whose signature was verified, remembered for a minute by their exact text, so that
 * a council system sending one token with every command pays for parsing and the signature check
 * once (10-12% of the request threads' time in a profile of the intake benchmark). A remembered
 * token is still checked on every use against the same validators (expiry, not-before, issuer): it
 * is refused the moment it expires. A token that fails is never remembered.
 */
final class RememberedTokens implements JwtDecoder {
  static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);

  private final JwtDecoder verifying;
  private final OAuth2TokenValidator<Jwt> stillValid;
  private final Cache<String, Jwt> verified;

  RememberedTokens(JwtDecoder verifying, OAuth2TokenValidator<Jwt> stillValid, long maxTokens) {
    this.verifying = verifying;
    this.stillValid = stillValid;
    this.verified =
        Caffeine.newBuilder().maximumSize(maxTokens).expireAfterWrite(REMEMBERED_FOR).build();
  }

  @Override
  public Jwt decode(String token) {
    Jwt known = verified.getIfPresent(token);
    if (known == null) {
      Jwt jwt = verifying.decode(token); // throws for a bad token: nothing is remembered
      verified.put(token, jwt);
      return jwt;
    }
    OAuth2TokenValidatorResult result = stillValid.validate(known);
    if (result.hasErrors()) {
      verified.invalidate(token);
      throw new JwtValidationException(message(result), result.getErrors());
    }
    return known;
  }

  /** The message the verifying decoder gives for the same failure. */
  private static String message(OAuth2TokenValidatorResult result) {
    return result.getErrors().stream()
        .map(OAuth2Error::getDescription)
        .filter(description -> description != null && !description.isEmpty())
        .findFirst()
        .map(description -> "An error occurred while attempting to decode the Jwt: " + description)
        .orElse("Unable to validate Jwt");
  }
}
