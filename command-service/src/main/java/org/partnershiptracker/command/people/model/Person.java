package org.partnershiptracker.command.people.model;

import java.time.Instant;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PersonId;

/**
 * A registered person: who a pseudonymous id stands for. Once erased, the name and e-mail are gone
 * for good; the id, and when and by whom it was erased, remain.
 */
public record Person(
    PersonId personId,
    String displayName,
    String email,
    OrganisationId organisationId,
    Instant erasedAt,
    String erasedBy) {

  public static final String ERASED = "erased person";

  public boolean erased() {
    return erasedAt != null;
  }

  /** Never the name or address: a person may end up in a log line. */
  @Override
  public String toString() {
    return "Person[" + personId + (erased() ? ", erased" : "") + "]";
  }

  /** What a reader is shown for this person. */
  public String shownAs() {
    return erased() ? ERASED : displayName;
  }
}
