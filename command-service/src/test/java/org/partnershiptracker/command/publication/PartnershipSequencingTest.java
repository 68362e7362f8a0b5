package org.partnershiptracker.command.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.events.partnership.PartnershipFormed;
import org.partnershiptracker.events.project.ProjectProposed;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

class PartnershipSequencingTest {
  private final PartnershipSequencing sequencing = new PartnershipSequencing();

  private static ProjectProposed project(String partnership, String project) {
    return new ProjectProposed(
        PartnershipId.of(partnership),
        ProjectId.of(project),
        "Demand",
        "Forecast demand",
        List.of(OrganisationId.of("north-council")),
        LocalDate.of(2025, 1, 20));
  }

  @Test
  void aPartnershipAndEachOfItsProjectsArePublishedInOneSequence() {
    Object shire =
        sequencing.getSequenceIdentifierFor(
            GenericEventMessage.asEventMessage(
                new PartnershipFormed(
                    PartnershipId.of("shire"), "Shire", null, LocalDate.of(2025, 1, 6))));

    assertThat(
            sequencing.getSequenceIdentifierFor(
                GenericEventMessage.asEventMessage(project("shire", "demand"))))
        .isEqualTo(shire);
    assertThat(
            sequencing.getSequenceIdentifierFor(
                GenericEventMessage.asEventMessage(project("shire", "housing"))))
        .isEqualTo(shire);
    assertThat(
            sequencing.getSequenceIdentifierFor(
                GenericEventMessage.asEventMessage(project("vale", "demand"))))
        .as("another partnership goes its own way")
        .isNotEqualTo(shire);
  }
}
