package org.partnershiptracker.events.partnership;

import java.time.LocalDate;
import org.partnershiptracker.events.OccurredOn;
import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.Limits;
import org.partnershiptracker.events.value.PartnershipId;

/** The partnership ended; no further activity is accepted for it. */
@SchemaRevision("1")
public record PartnershipClosed(
    PartnershipId partnershipId, @OccurredOn LocalDate closedOn, String reason)
    implements PartnershipEvent {
  public PartnershipClosed {
    Require.present(partnershipId, "partnershipId");
    Require.present(closedOn, "closedOn");
    Require.optionalText(reason, "reason", Limits.REASON);
  }
}
