package org.partnershiptracker.command.history.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.partnershiptracker.command.partnership.model.ProjectDirectory;
import org.partnershiptracker.command.people.model.PeopleRegister;
import org.partnershiptracker.command.rules.NotFound;
import org.partnershiptracker.command.web.access.CommandAuthorization;
import org.partnershiptracker.command.web.access.CurrentCaller;
import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.events.access.Caller;
import org.partnershiptracker.events.partnership.RoleDesignated;
import org.partnershiptracker.events.partnership.RoleReassigned;
import org.partnershiptracker.events.partnership.RoleVacated;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.PersonId;
import org.partnershiptracker.events.value.ProjectId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit history of a partnership: its own events and its projects' events, in the order the
 * event store appended them.
 */
@RestController
@Tag(name = "History", description = "The recorded events of a partnership, for audit")
public class HistoryController {
  private final EventStore eventStore;
  private final ProjectDirectory projects;
  private final NamedParameterJdbcTemplate jdbc;
  private final PeopleRegister register;

  public HistoryController(
      EventStore eventStore,
      ProjectDirectory projects,
      NamedParameterJdbcTemplate jdbc,
      PeopleRegister register) {
    this.eventStore = eventStore;
    this.register = register;
    this.projects = projects;
    this.jdbc = jdbc;
  }

  /**
   * One recorded event. {@code position} is the event store's global order; {@code recordedBy} and
   * {@code recordedByOrganisation} say whose token recorded it (absent on events recorded before
   * sign-in existed); {@code people} names the people it refers to, for analysts and admins.
   */
  public record HistoryEntry(
      long position,
      String aggregateType,
      String aggregateId,
      long sequenceNumber,
      String eventId,
      String type,
      String revision,
      Instant timestamp,
      Object payload,
      String recordedBy,
      String recordedByOrganisation,
      Map<String, String> people) {
    HistoryEntry naming(Map<String, String> names) {
      return new HistoryEntry(
          position,
          aggregateType,
          aggregateId,
          sequenceNumber,
          eventId,
          type,
          revision,
          timestamp,
          payload,
          recordedBy,
          recordedByOrganisation,
          names);
    }
  }

  @GetMapping("/api/partnerships/{partnershipId}/history")
  @Operation(summary = "The partnership's events in order, with type, time, sequence and payload")
  public List<HistoryEntry> history(@PathVariable String partnershipId) {
    PartnershipId id = PartnershipId.of(partnershipId);
    List<String> aggregateIds = new ArrayList<>();
    aggregateIds.add(id.value());
    projects.projectsOf(id).stream().map(ProjectId::value).forEach(aggregateIds::add);

    Map<String, Long> positions = positionsOf(aggregateIds);
    List<HistoryEntry> entries = new ArrayList<>();
    for (String aggregateId : aggregateIds) {
      // From sequence 0 and not through the snapshot: the audit needs every event.
      eventStore
          .readEvents(aggregateId, 0)
          .asStream()
          .forEach(event -> entries.add(entry(event, positions)));
    }
    if (entries.isEmpty()) {
      throw new NotFound("no partnership with id '" + partnershipId + "'");
    }
    entries.sort(Comparator.comparingLong(HistoryEntry::position));
    return withNames(entries);
  }

  private Map<String, Long> positionsOf(List<String> aggregateIds) {
    Map<String, Long> positions = new HashMap<>();
    jdbc.query(
        "SELECT eventIdentifier, globalIndex FROM DomainEventEntry WHERE aggregateIdentifier IN"
            + " (:ids)",
        new MapSqlParameterSource("ids", aggregateIds),
        row -> {
          positions.put(row.getString(1), row.getLong(2));
        });
    return positions;
  }

  private static HistoryEntry entry(DomainEventMessage<?> event, Map<String, Long> positions) {
    return new HistoryEntry(
        positions.getOrDefault(event.getIdentifier(), -1L),
        event.getType(),
        event.getAggregateIdentifier(),
        event.getSequenceNumber(),
        event.getIdentifier(),
        event.getPayloadType().getSimpleName(),
        PartnershipEvent.revisionOf(event.getPayloadType()),
        event.getTimestamp(),
        event.getPayload(),
        (String) event.getMetaData().get(CommandAuthorization.RECORDED_BY),
        (String) event.getMetaData().get(CommandAuthorization.RECORDED_BY_ORGANISATION),
        Map.of());
  }

  /**
   * Each entry names the people its event refers to, as the register shows them now (read at
   * request time, so an erased person reads "erased person" everywhere at once).
   */
  private List<HistoryEntry> withNames(List<HistoryEntry> entries) {
    boolean mayReadNames =
        CurrentCaller.get().map(c -> c.isAdmin() || c.has(Caller.Role.ANALYST)).orElse(false);
    if (!mayReadNames) {
      return entries; // systems that only record get the pseudonyms they sent
    }
    Set<PersonId> ids = new HashSet<>();
    entries.forEach(entry -> ids.addAll(peopleIn(entry.payload())));
    Map<PersonId, String> shown = register.shownAs(ids);
    return entries.stream()
        .map(
            entry -> {
              Map<String, String> people = new TreeMap<>();
              peopleIn(entry.payload())
                  .forEach(
                      id ->
                          Optional.ofNullable(shown.get(id))
                              .ifPresent(name -> people.put(id.value(), name)));
              return entry.naming(people);
            })
        .toList();
  }

  private static List<PersonId> peopleIn(Object payload) {
    if (payload instanceof RoleDesignated designated) {
      return List.of(designated.personId());
    }
    if (payload instanceof RoleReassigned reassigned) {
      return List.of(reassigned.fromPersonId(), reassigned.toPersonId());
    }
    if (payload instanceof RoleVacated vacated && vacated.personId() != null) {
      return List.of(vacated.personId());
    }
    return List.of();
  }
}
