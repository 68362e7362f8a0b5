package org.partnershiptracker.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifier of a pseudonymous person; serialised as a plain JSON string. */
public record PersonId(@JsonValue String value) {
  public PersonId {
    Identifier.check(value, "pseudonymous person id");
  }

  @JsonCreator
  public static PersonId of(String value) {
    return new PersonId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
