package org.partnershiptracker.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifier of a quick win; serialised as a plain JSON string. */
public record QuickWinId(@JsonValue String value) {
  public QuickWinId {
    Identifier.check(value, "quick win id");
  }

  @JsonCreator
  public static QuickWinId of(String value) {
    return new QuickWinId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
