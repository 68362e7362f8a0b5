package org.partnershiptracker.command.rules;

import org.partnershiptracker.events.value.OrganisationId;

/**
 * A command an organisation gives only for itself (a signature, a survey answer, a departure): the
 * caller's organisation must be the one it names, whoever the caller is.
 */
public interface ActsForOrganisation {
  /** The organisation the command acts for. */
  OrganisationId actingOrganisation();

  /** The request field that names it, for the 403 that refuses another organisation. */
  String actingField();
}
