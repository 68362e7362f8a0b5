package org.partnershiptracker.command.people.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.partnershiptracker.command.people.model.PeopleRegister;
import org.partnershiptracker.command.people.model.Person;
import org.partnershiptracker.command.rules.NotFound;
import org.partnershiptracker.command.web.access.CurrentCaller;
import org.partnershiptracker.command.web.access.NotYourOrganisation;
import org.partnershiptracker.command.web.input.FreeText;
import org.partnershiptracker.events.access.Caller;
import org.partnershiptracker.events.value.Limits;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PersonId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The people register: a person is registered once and gets a pseudonymous id, which is all that
 * events carry; erasing removes the name and e-mail for good without touching any event.
 */
@RestController
@RequestMapping("/api/people")
@Tag(name = "People", description = "Register people behind pseudonymous ids; erase them")
public class PeopleController {
  private final PeopleRegister people;

  public PeopleController(PeopleRegister people) {
    this.people = people;
  }

  public record Registration(
      @NotBlank @Size(max = Limits.NAME) @FreeText String displayName,
      @Email @Size(max = 254) String email,
      OrganisationId organisationId) {
    /** Never the name or address: a request object may be logged. */
    @Override
    public String toString() {
      return "Registration[organisationId=" + organisationId + "]";
    }
  }

  /** What the register says of a person: never the e-mail address. */
  public record Shown(
      PersonId personId, String displayName, OrganisationId organisationId, Instant erasedAt) {
    static Shown of(Person person) {
      return new Shown(
          person.personId(), person.shownAs(), person.organisationId(), person.erasedAt());
    }
  }

  @PostMapping
  @Operation(summary = "Register a person; the answer is the pseudonymous person id to use")
  public ResponseEntity<Map<String, String>> register(
      @Valid @RequestBody Registration registration) {
    Caller caller = CurrentCaller.get().orElseThrow();
    OrganisationId organisation = registration.organisationId();
    if (organisation == null && !caller.isAdmin() && caller.organisationId() != null) {
      organisation = OrganisationId.of(caller.organisationId());
    }
    if (organisation != null && !caller.isAdmin() && !caller.actsFor(organisation.value())) {
      throw new NotYourOrganisation(
          "organisationId", "an organisation registers only its own people, not " + organisation);
    }
    PersonId id = people.register(registration.displayName(), registration.email(), organisation);
    return ResponseEntity.created(URI.create("/api/people/" + id.value()))
        .body(Map.of("personId", id.value()));
  }

  @GetMapping("/{personId}")
  @Operation(summary = "Who a person id stands for ('erased person' once erased)")
  public Shown find(@PathVariable PersonId personId) {
    // A name is shown to an admin and to the person's own organisation; to others it is unknown.
    Caller caller = CurrentCaller.get().orElseThrow();
    return people
        .find(personId)
        .filter(
            person ->
                caller.isAdmin()
                    || (person.organisationId() != null
                        && caller.actsFor(person.organisationId().value())))
        .map(Shown::of)
        .orElseThrow(() -> unknown(personId));
  }

  @DeleteMapping("/{personId}")
  @Operation(summary = "Erase a person's name and e-mail for good; events keep the bare id")
  public ResponseEntity<Void> erase(@PathVariable PersonId personId) {
    if (!people.erase(personId, CurrentCaller.get().orElseThrow().subject())) {
      throw unknown(personId);
    }
    return ResponseEntity.noContent().build();
  }

  private static NotFound unknown(PersonId personId) {
    return new NotFound("no person registered with id '" + personId + "'");
  }
}
