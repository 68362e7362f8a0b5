package org.partnershiptracker.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifier of a role; serialised as a plain JSON string. */
public record RoleId(@JsonValue String value) {
  public RoleId {
    Identifier.check(value, "role id");
  }

  @JsonCreator
  public static RoleId of(String value) {
    return new RoleId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
