package org.partnershiptracker.events.partnership;

import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.Limits;
import org.partnershiptracker.events.value.PartnershipId;

import java.time.LocalDate;

/** The partnership ended; no further activity is accepted for it. */
@SchemaRevision("1")
public record PartnershipClosed(PartnershipId partnershipId, LocalDate closedOn, String reason)
    implements PartnershipEvent {
  public PartnershipClosed {
    Require.present(partnershipId, "partnershipId");
    Require.present(closedOn, "closedOn");
    Require.optionalText(reason, "reason", Limits.REASON);
  }

  @Override
  public LocalDate occurredOn() {
    return closedOn;
  }
}
