package org.partnershiptracker.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code tracker.*} setting is a {@code @ConfigurationProperties} record, so the build writes
 * its metadata; the README's settings table must list exactly those settings.
 */
class SettingsTableTest {
  private static final Path METADATA =
      Path.of("target", "classes", "META-INF", "spring-configuration-metadata.json");
  private static final String TABLE =
      "## Configuration (`command-service/src/main/resources/application.properties`)";

  @Test
  void theReadmeDocumentsEverySettingTheServiceReads() throws IOException {
    assertThat(documented(Path.of("..", "README.md"), TABLE)).isEqualTo(declared(METADATA));
  }

  /** The settings declared by the service's properties records. */
  static Set<String> declared(Path metadata) throws IOException {
    Set<String> names = new TreeSet<>();
    for (JsonNode property : new ObjectMapper().readTree(metadata.toFile()).get("properties")) {
      String name = property.get("name").asText();
      if (name.startsWith("tracker.")) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * The {@code tracker.*} settings a README table names in its first column: {@code `a.b.c` /
   * `d`} names {@code a.b.c} and {@code a.b.d}.
   */
  static Set<String> documented(Path readme, String heading) throws IOException {
    List<String> lines = Files.readAllLines(readme);
    int start = lines.indexOf(heading);
    assertThat(start).as("README heading " + heading).isNotNegative();
    Pattern code = Pattern.compile("`([a-z][a-z0-9.-]*)`");
    Set<String> names = new TreeSet<>();
    lines.subList(start + 1, lines.size()).stream()
        .dropWhile(line -> !line.startsWith("|"))
        .takeWhile(line -> line.startsWith("|"))
        .map(line -> line.split("\\|")[1])
        .forEach(
            cell -> {
              Matcher names1 = code.matcher(cell);
              String prefix = null;
              while (names1.find()) {
                String name = names1.group(1);
                if (prefix == null) {
                  prefix = name.substring(0, name.lastIndexOf('.') + 1);
                  names.add(name);
                } else {
                  names.add(name.contains(".") ? name : prefix + name);
                }
              }
            });
    names.removeIf(name -> !name.startsWith("tracker."));
    return names;
  }
}
