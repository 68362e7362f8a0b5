package org.partnershiptracker.events;

import java.util.Collection;
import java.util.Objects;

/** Checks used by the compact constructors of events and value types. */
public final class Require {
  private Require() {}

  public static <T> T present(T value, String field) {
    return Objects.requireNonNull(value, () -> field + " is required");
  }

  public static String text(String value, String field, int maxLength) {
    present(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters");
    }
    return value;
  }

  public static String optionalText(String value, String field, int maxLength) {
    return value == null ? null : text(value, field, maxLength);
  }

  public static int between(int value, int min, int max, String field) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + " must be between " + min + " and " + max);
    }
    return value;
  }

  public static <C extends Collection<?>> C notEmpty(C values, String field) {
    present(values, field);
    if (values.isEmpty()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    if (values.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException(field + " must not contain null");
    }
    return values;
  }
}
