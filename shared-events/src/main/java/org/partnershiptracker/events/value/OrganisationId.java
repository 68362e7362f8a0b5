package org.partnershiptracker.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifier of a organisation; serialised as a plain JSON string. */
public record OrganisationId(@JsonValue String value) {
  public OrganisationId {
    Identifier.check(value, "organisation id");
  }

  @JsonCreator
  public static OrganisationId of(String value) {
    return new OrganisationId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
