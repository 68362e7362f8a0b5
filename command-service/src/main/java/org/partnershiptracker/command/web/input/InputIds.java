package org.partnershiptracker.command.web.input;

import java.util.regex.Pattern;

/**
 * Rules for ids that enter the history through a request, on top of the form every id has ({@code
 * Identifier}): an id starts with a letter or a digit (so that no id becomes a formula in a
 * spreadsheet: {@code -}, {@code +}, {@code =}, {@code @}), and a person id does not look like a
 * name or an address ({@code Jane.Doe}, {@code jane.doe:example.org}). They apply to request bodies
 * only: ids already in the history keep reading as they were recorded.
 */
final class InputIds {
  private static final Pattern FIRST_CHARACTER = Pattern.compile("[A-Za-z0-9].*", Pattern.DOTALL);
  private static final Pattern NAME_LIKE = Pattern.compile("[A-Za-z]+[._][A-Za-z]+");
  private static final Pattern WITH_DOMAIN =
      Pattern.compile(".*:[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+", Pattern.DOTALL);

  private InputIds() {}

  /** Why a request may not bring this new id, or null. */
  static String refusal(String id, boolean person) {
    if (!FIRST_CHARACTER.matcher(id).matches()) {
      return "a new id must start with a letter or a digit";
    }
    if (person && (NAME_LIKE.matcher(id).matches() || WITH_DOMAIN.matcher(id).matches())) {
      return "a person id is a pseudonym, never a name or an address (got '" + id + "')";
    }
    return null;
  }
}
