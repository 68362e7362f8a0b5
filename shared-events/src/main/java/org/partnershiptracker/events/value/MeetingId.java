package org.partnershiptracker.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifier of a meeting; serialised as a plain JSON string. */
public record MeetingId(@JsonValue String value) {
  public MeetingId {
    Identifier.check(value, "meeting id");
  }

  @JsonCreator
  public static MeetingId of(String value) {
    return new MeetingId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
