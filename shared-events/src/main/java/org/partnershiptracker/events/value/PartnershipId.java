package org.partnershiptracker.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifier of a partnership; serialised as a plain JSON string. */
public record PartnershipId(@JsonValue String value) {
  public PartnershipId {
    Identifier.check(value, "partnership id");
  }

  @JsonCreator
  public static PartnershipId of(String value) {
    return new PartnershipId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
