package org.partnershiptracker.events.value;

import java.util.regex.Pattern;

/**
 * The rule every identifier follows: 1 to 64 characters of letters, digits, '.', '_', ':' or '-'.
 * The '@' and spaces are excluded on purpose, so that an e-mail address or a name cannot be used as
 * a person id: events carry pseudonymous ids only.
 */
public final class Identifier {
  /** The form of every id, for validators at the edges (HTTP, Kafka inbox). */
  public static final String PATTERN = "[A-Za-z0-9._:-]{1,64}";

  /** What {@link #PATTERN} asks, in words, for error messages. */
  public static final String FORM_DESCRIPTION =
      "must be 1-64 letters, digits, '.', '_', ':' or '-'";

  private static final Pattern FORM = Pattern.compile(PATTERN);

  private Identifier() {}

  public static String check(String value, String kind) {
    if (value == null) {
      throw new IllegalArgumentException(kind + " is required");
    }
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(kind + " " + FORM_DESCRIPTION + " (got '" + value + "')");
    }
    return value;
  }
}
