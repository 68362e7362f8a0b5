package org.partnershiptracker.infra.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

/**
 * The issuer's RSA signing key, generated on its first start and kept as a JWK set (private part
 * included, mode 600) in {@code signing-key.jwks.json} in its data directory, so that tokens issued
 * before a restart still verify after it.
 */
final class IssuerKeys {
  static final String FILE_NAME = "signing-key.jwks.json";

  private IssuerKeys() {}

  static synchronized JWKSet loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      if (Files.exists(file)) {
        return JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
      }
      RSAKey key =
          new RSAKeyGenerator(2048)
              .keyID(UUID.randomUUID().toString())
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .generate();
      JWKSet keys = new JWKSet(key);
      Files.createDirectories(dataDir);
      Path temporary = IssuerCredentials.createPrivateFile(dataDir, FILE_NAME);
      try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        writer.write(keys.toString(false));
      }
      IssuerCredentials.moveIntoPlace(temporary, file);
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("The signing key in " + file + " is unusable", e);
    }
  }
}
