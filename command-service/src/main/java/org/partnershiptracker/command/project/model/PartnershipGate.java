package org.partnershiptracker.command.project.model;

import java.time.LocalDate;
import java.util.Collection;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;

/**
 * How a project asks its partnership whether an activity may happen: the partnership must exist and
 * be open, and the organisations named must be its partners. The rules themselves live in the
 * Partnership aggregate.
 */
public interface PartnershipGate {
  void requireActivity(
      PartnershipId partnershipId, LocalDate on, Collection<OrganisationId> organisations);
}
