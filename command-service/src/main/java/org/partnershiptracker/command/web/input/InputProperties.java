package org.partnershiptracker.command.web.input;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a request may bring ({@code tracker.input.*}).
 *
 * @param earliestDate no fact is dated before this day
 * @param daysAhead a fact may be dated at most this many days after today (clocks and time zones of
 *     other systems differ a little)
 * @param latestPlannedDate no milestone is planned due after this day
 * @param personalData patterns of personal data refused in free text, by name; the defaults ({@code
 *     e-mail-address}, {@code uk-phone-number}, {@code nhs-number}) can be replaced, and one set to
 *     an empty value is switched off
 */
@ConfigurationProperties("tracker.input")
public record InputProperties(
    @DefaultValue("1990-01-01") LocalDate earliestDate,
    @DefaultValue("1") int daysAhead,
    @DefaultValue("2100-12-31") LocalDate latestPlannedDate,
    Map<String, String> personalData) {

  /**
   * The default patterns, in the order they are tried. Possessive quantifiers keep each match
   * linear in the length of the text (a backtracking pattern here would let one request keep a core
   * busy).
   */
  static final Map<String, String> PERSONAL_DATA = defaults();

  private static Map<String, String> defaults() {
    Map<String, String> patterns = new LinkedHashMap<>();
    patterns.put(
        "e-mail-address",
        "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++\\s*+@\\s*+[A-Za-z0-9-]++(?:\\.[A-Za-z0-9-]++)++");
    // Digit groups stay greedy (bounded, so backtracking is small); separators are possessive.
    patterns.put(
        "uk-phone-number",
        "(?:(?:\\+|\\b00)44[\\s-]?+(?:\\(0\\)[\\s-]?+)?+|\\(?+\\b0)"
            + "\\d{2,4}\\)?+[\\s-]?+\\d{3,4}[\\s-]?+\\d{3,4}\\b");
    patterns.put("nhs-number", "\\b\\d{3}[\\s-]?+\\d{3}[\\s-]?+\\d{4}\\b");
    return java.util.Collections.unmodifiableMap(patterns);
  }

  /** The patterns in force: the defaults, with the configured ones over them. */
  public Map<String, Pattern> personalDataPatterns() {
    Map<String, String> merged = new LinkedHashMap<>(PERSONAL_DATA);
    if (personalData != null) {
      merged.putAll(personalData);
    }
    Map<String, Pattern> patterns = new LinkedHashMap<>();
    merged.forEach(
        (name, regex) -> {
          if (regex != null && !regex.isBlank()) {
            patterns.put(name, Pattern.compile(regex));
          }
        });
    return patterns;
  }
}
