package org.partnershiptracker.command.web.access;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.partnershiptracker.events.partnership.PartnerJoined;
import org.partnershiptracker.events.partnership.PartnerLeft;
import org.partnershiptracker.events.value.PartnershipId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every organisation that is or was a partner of each partnership, kept by a subscribing event
 * handler in the same transaction as the event (never behind the event store): a caller reads the
 * partnerships its organisation is or was a partner of, and writes only to those it is a partner of
 * now.
 */
@Component
@ProcessingGroup(PartnerDirectory.PROCESSING_GROUP)
public class PartnerDirectory {
  static final String PROCESSING_GROUP = "partner-directory";
  private final JdbcTemplate jdbc;

  PartnerDirectory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(PartnerJoined event) {
    jdbc.update(
        "INSERT INTO partner_directory (partnership_id, organisation_id) VALUES (?, ?) ON CONFLICT"
            + " (partnership_id, organisation_id) DO UPDATE SET left_on = NULL",
        event.partnershipId().value(),
        event.organisationId().value());
  }

  @EventHandler
  void on(PartnerLeft event) {
    jdbc.update(
        "UPDATE partner_directory SET left_on = ? WHERE partnership_id = ? AND organisation_id = ?",
        event.leftOn(),
        event.partnershipId().value(),
        event.organisationId().value());
  }

  /** Whether {@code organisationId} is a partner now: it may write to the partnership. */
  public boolean isPartner(PartnershipId partnershipId, String organisationId) {
    return listed(partnershipId, organisationId, " AND left_on IS NULL");
  }

  /** Whether {@code organisationId} is or was a partner of the partnership: it may read it. */
  public boolean isOrWasPartner(PartnershipId partnershipId, String organisationId) {
    return listed(partnershipId, organisationId, "");
  }

  private boolean listed(PartnershipId partnershipId, String organisationId, String andAlso) {
    return organisationId != null
        && Boolean.TRUE.equals(
            jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM partner_directory WHERE partnership_id = ? AND"
                    + " organisation_id = ?"
                    + andAlso
                    + ")",
                Boolean.class,
                partnershipId.value(),
                organisationId));
  }
}
