package org.partnershiptracker.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifier of a project; serialised as a plain JSON string. */
public record ProjectId(@JsonValue String value) {
  public ProjectId {
    Identifier.check(value, "project id");
  }

  @JsonCreator
  public static ProjectId of(String value) {
    return new ProjectId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
