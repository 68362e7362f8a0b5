package org.partnershiptracker.command.people.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.partnershiptracker.command.people.model.PeopleRegister;
import org.partnershiptracker.command.people.model.Person;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PersonId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The people register in the command-service's PostgreSQL (table {@code person}). */
@Repository
class JdbcPeopleRegister implements PeopleRegister {
  private final NamedParameterJdbcTemplate jdbc;

  JdbcPeopleRegister(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public PersonId register(String displayName, String email, OrganisationId organisationId) {
    // A random id says nothing about the person: it is the pseudonym events carry.
    PersonId id = PersonId.of("person-" + UUID.randomUUID());
    jdbc.update(
        "INSERT INTO person (person_id, display_name, email, organisation_id)"
            + " VALUES (:id, :name, :email, :organisation)",
        new MapSqlParameterSource("id", id.value())
            .addValue("name", displayName)
            .addValue("email", email)
            .addValue("organisation", organisationId == null ? null : organisationId.value()));
    return id;
  }

  @Override
  public Optional<Person> find(PersonId personId) {
    List<Person> found =
        jdbc.query(
            "SELECT * FROM person WHERE person_id = :id",
            new MapSqlParameterSource("id", personId.value()),
            (row, n) -> person(row));
    return found.stream().findFirst();
  }

  @Override
  public Map<PersonId, String> shownAs(Collection<PersonId> personIds) {
    Map<PersonId, String> shown = new HashMap<>();
    if (personIds.isEmpty()) {
      return shown;
    }
    jdbc.query(
        "SELECT * FROM person WHERE person_id IN (:ids)",
        new MapSqlParameterSource("ids", personIds.stream().map(PersonId::value).toList()),
        row -> {
          Person person = person(row);
          shown.put(person.personId(), person.shownAs());
        });
    return shown;
  }

  @Override
  public boolean erase(PersonId personId, String erasedBy) {
    return jdbc.update(
            "UPDATE person SET display_name = NULL, email = NULL,"
                + " erased_at = COALESCE(erased_at, now()), erased_by = COALESCE(erased_by, :by)"
                + " WHERE person_id = :id",
            new MapSqlParameterSource("id", personId.value()).addValue("by", erasedBy))
        == 1;
  }

  private static Person person(ResultSet row) throws SQLException {
    Timestamp erasedAt = row.getTimestamp("erased_at");
    String organisation = row.getString("organisation_id");
    return new Person(
        PersonId.of(row.getString("person_id")),
        row.getString("display_name"),
        row.getString("email"),
        organisation == null ? null : OrganisationId.of(organisation),
        erasedAt == null ? null : erasedAt.toInstant(),
        row.getString("erased_by"));
  }
}
