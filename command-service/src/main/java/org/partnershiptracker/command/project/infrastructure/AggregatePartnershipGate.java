package org.partnershiptracker.command.project.infrastructure;

import java.time.LocalDate;
import java.util.Collection;
import org.axonframework.modelling.command.Repository;
import org.partnershiptracker.command.partnership.model.Partnership;
import org.partnershiptracker.command.project.model.PartnershipGate;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Loads the Partnership aggregate in the project command's unit of work and lets it check the
 * activity. An unknown partnership surfaces as Axon's AggregateNotFoundException (HTTP 404).
 */
@Component
class AggregatePartnershipGate implements PartnershipGate {
  // A provider: Axon registers the repository while the context starts, after this component.
  private final ObjectProvider<Repository<Partnership>> partnerships;

  AggregatePartnershipGate(ObjectProvider<Repository<Partnership>> partnerships) {
    this.partnerships = partnerships;
  }

  @Override
  public void requireActivity(
      PartnershipId partnershipId, LocalDate on, Collection<OrganisationId> organisations) {
    partnerships
        .getObject()
        .load(partnershipId.value())
        .execute(partnership -> partnership.requireActivity(on, organisations));
  }
}
