package org.partnershiptracker.infra.docs;

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

/**
 * Reads the README's tables so that each service's tests can hold them to the code (as
 * spring-petclinic's I18nPropertiesSyncTest holds two sources in step).
 */
public final class ReadmeTables {
  private static final Pattern SETTING = Pattern.compile("`([a-z][a-z0-9.-]*)\\*?`");

  private ReadmeTables() {}

  /** The rows of the first table after the line {@code heading}, as the text between pipes. */
  public static List<String> rowsAfter(Path readme, String heading) throws IOException {
    List<String> lines = Files.readAllLines(readme);
    int start = lines.indexOf(heading);
    if (start < 0) {
      throw new IllegalStateException("no line '" + heading + "' in " + readme);
    }
    return lines.subList(start + 1, lines.size()).stream()
        .dropWhile(line -> !line.startsWith("|"))
        .takeWhile(line -> line.startsWith("|"))
        .skip(2) // header and separator
        .toList();
  }

  /**
   * The {@code tracker.*} settings a settings table names in its first column: {@code `a.b.c` /
   * `d`} names {@code a.b.c} and {@code a.b.d}.
   */
  public static Set<String> settingsAfter(Path readme, String heading) throws IOException {
    Set<String> names = new TreeSet<>();
    for (String row : rowsAfter(readme, heading)) {
      Matcher setting = SETTING.matcher(row.split("\\|")[1]);
      String prefix = null;
      while (setting.find()) {
        String name = setting.group(1).replaceAll("\\.$", ""); // `a.b.*` names the map a.b
        if (prefix == null) {
          prefix = name.substring(0, name.lastIndexOf('.') + 1);
          names.add(name);
        } else {
          names.add(name.contains(".") ? name : prefix + name);
        }
      }
    }
    names.removeIf(name -> !name.startsWith("tracker."));
    return names;
  }

  /**
   * Fails unless the settings table after {@code heading} in the root README lists exactly the
   * {@code tracker.*} settings of the module the tests run in (their working directory), naming
   * what is undocumented and what is documented but not read: both services check their table so.
   */
  public static void requireSettingsTableInStep(String heading) throws IOException {
    Set<String> documented = settingsAfter(Path.of("..", "README.md"), heading);
    Set<String> declared = declaredSettings(Path.of("."));
    Set<String> undocumented = new TreeSet<>(declared);
    undocumented.removeAll(documented);
    Set<String> notRead = new TreeSet<>(documented);
    notRead.removeAll(declared);
    if (!undocumented.isEmpty() || !notRead.isEmpty()) {
      throw new AssertionError(
          "README table after '"
              + heading
              + "': undocumented "
              + undocumented
              + ", documented but not read "
              + notRead);
    }
  }

  /**
   * The {@code tracker.*} settings the build's configuration processor found in a module's
   * {@code @ConfigurationProperties} records.
   */
  public static Set<String> declaredSettings(Path module) throws IOException {
    Path metadata = module.resolve("target/classes/META-INF/spring-configuration-metadata.json");
    Set<String> names = new TreeSet<>();
    for (JsonNode property : new ObjectMapper().readTree(metadata.toFile()).get("properties")) {
      String name = property.get("name").asText();
      if (name.startsWith("tracker.")) {
        names.add(name);
      }
    }
    return names;
  }
}
