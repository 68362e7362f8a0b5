package org.partnershiptracker.command.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.events.partnership.PartnershipFormed;
import org.partnershiptracker.events.project.ProjectProposed;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

class PartnershipSequencingTest {
  private final PartnershipSequencing sequencing = new PartnershipSequencing();
  private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

  private static ProjectProposed project(String partnership, String project) {
    return new ProjectProposed(
        PartnershipId.of(partnership),
        ProjectId.of(project),
        "Demand",
        "Forecast demand",
        List.of(OrganisationId.of("north-council")),
        LocalDate.of(2025, 1, 20));
  }

  private static PartnershipFormed formed(String partnership) {
    return new PartnershipFormed(
        PartnershipId.of(partnership), "Shire", null, LocalDate.of(2025, 1, 6));
  }

  /** As the event store gives an event: from its stored form, the payload read only on demand. */
  private SerializedMessage<?> stored(Object payload) {
    return new SerializedMessage<>(
        "event-1",
        serializer.serialize(payload, byte[].class),
        serializer.serialize(MetaData.emptyInstance(), byte[].class),
        serializer);
  }

  private DomainEventMessage<?> fromAggregate(String type, String aggregateId, Object payload) {
    return new GenericDomainEventMessage<>(type, aggregateId, 0, stored(payload), Instant::now);
  }

  @Test
  void aPartnershipAndEachOfItsProjectsArePublishedInOneSequence() {
    Object shire =
        sequencing.getSequenceIdentifierFor(fromAggregate("Partnership", "shire", formed("shire")));

    assertThat(
            sequencing.getSequenceIdentifierFor(
                fromAggregate("Project", "demand", project("shire", "demand"))))
        .isEqualTo(shire);
    assertThat(
            sequencing.getSequenceIdentifierFor(
                GenericEventMessage.asEventMessage(project("shire", "housing"))))
        .isEqualTo(shire);
    assertThat(
            sequencing.getSequenceIdentifierFor(
                fromAggregate("Project", "demand", project("vale", "demand"))))
        .as("another partnership goes its own way")
        .isNotEqualTo(shire);
    assertThat(
            sequencing.getSequenceIdentifierFor(
                GenericEventMessage.asEventMessage(formed("shire"))))
        .as("an event without its aggregate is placed by its payload, the same way")
        .isEqualTo(shire);
  }

  @Test
  void aPartnershipsOwnEventIsPlacedWithoutReadingItsPayload() {
    SerializedMessage<?> stored = stored(formed("shire"));
    DomainEventMessage<?> event =
        new GenericDomainEventMessage<>("Partnership", "shire", 3, stored, Instant::now);

    assertThat(sequencing.getSequenceIdentifierFor(event)).isEqualTo("shire");
    assertThat(stored.isPayloadDeserialized()).isFalse();
  }
}
