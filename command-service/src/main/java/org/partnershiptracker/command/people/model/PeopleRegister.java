package org.partnershiptracker.command.people.model;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PersonId;

/** The register of people that pseudonymous person ids stand for, kept outside the events. */
public interface PeopleRegister {
  PersonId register(String displayName, String email, OrganisationId organisationId);

  Optional<Person> find(PersonId personId);

  /** Names to show for these ids ({@link Person#ERASED} once erased); unknown ids are left out. */
  Map<PersonId, String> shownAs(Collection<PersonId> personIds);

  /** Removes the name and e-mail for good; false when the id is not registered. */
  boolean erase(PersonId personId, String erasedBy);
}
