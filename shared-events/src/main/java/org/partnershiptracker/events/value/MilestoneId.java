package org.partnershiptracker.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifier of a milestone; serialised as a plain JSON string. */
public record MilestoneId(@JsonValue String value) {
  public MilestoneId {
    Identifier.check(value, "milestone id");
  }

  @JsonCreator
  public static MilestoneId of(String value) {
    return new MilestoneId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
