package org.partnershiptracker.infra.issuer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The demo users' passwords and the machine clients' secrets, generated at random on the issuer's
 * first start and kept in {@code credentials.properties} in its data directory (mode 600) so that a
 * restart reuses them. Keys: {@code user.<name>.password} and {@code client.<id>.secret}. Plain
 * Java: the demo loader reads the same file with {@link #read(Path)}.
 */
public final class IssuerCredentials {
  public static final String FILE_NAME = "credentials.properties";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final Map<String, String> values;

  private IssuerCredentials(Path file, Map<String, String> values) {
    this.file = file;
    this.values = Map.copyOf(values);
  }

  /**
   * The credentials in {@code dataDir}, with any user or client that has none yet given a new
   * random one (and the file written again, mode 600). Creates the directory if needed.
   */
  public static synchronized IssuerCredentials loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    Map<String, String> values = Files.exists(file) ? load(file) : new TreeMap<>();
    boolean changed = false;
    for (DemoIdentities.Identity user : DemoIdentities.USERS) {
      changed |= values.putIfAbsent(userKey(user.name()), randomSecret()) == null;
    }
    for (DemoIdentities.Identity client : DemoIdentities.CLIENTS) {
      changed |= values.putIfAbsent(clientKey(client.name()), randomSecret()) == null;
    }
    if (changed) {
      write(dataDir, file, values);
    }
    return new IssuerCredentials(file, values);
  }

  /** The credentials a running (or earlier) issuer wrote in {@code dataDir}. */
  public static IssuerCredentials read(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      throw new IllegalStateException(
          file + " is missing: the local issuer writes it on its first start");
    }
    return new IssuerCredentials(file, load(file));
  }

  public Path file() {
    return file;
  }

  /** The password of a demo user (who signs in on the login page). */
  public String password(String userName) {
    return get(userKey(userName));
  }

  /** The client secret of a machine client (client-credentials grant). */
  public String secret(String clientId) {
    return get(clientKey(clientId));
  }

  private String get(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new NoSuchElementException(key + " is not in " + file);
    }
    return value;
  }

  private static String userKey(String name) {
    return "user." + name + ".password";
  }

  private static String clientKey(String clientId) {
    return "client." + clientId + ".secret";
  }

  /** 192 random bits, URL-safe Base64 (nothing to escape in a URL, a header or a shell). */
  private static String randomSecret() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Map<String, String> load(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> values = new TreeMap<>();
    properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
    return values;
  }

  private static void write(Path dataDir, Path file, Map<String, String> values) {
    try {
      Files.createDirectories(dataDir);
      Path temporary = createPrivateFile(dataDir, FILE_NAME);
      try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        writer.write(
            "# The local issuer's demo passwords and client secrets, generated on its first start"
                + " and reused.\n# Delete this file (with the issuer stopped) for new ones.\n");
        for (Map.Entry<String, String> entry : values.entrySet()) {
          writer.write(entry.getKey() + "=" + entry.getValue() + "\n");
        }
      }
      moveIntoPlace(temporary, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new empty file next to where {@code name} goes, readable only by its owner (POSIX). */
  static Path createPrivateFile(Path dir, String name) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempFile(
          dir,
          name,
          ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return Files.createTempFile(dir, name, ".tmp");
  }

  static void moveIntoPlace(Path temporary, Path target) throws IOException {
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
