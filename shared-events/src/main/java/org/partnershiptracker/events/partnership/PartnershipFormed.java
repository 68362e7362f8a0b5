package org.partnershiptracker.events.partnership;

import java.time.LocalDate;
import org.partnershiptracker.events.OccurredOn;
import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.Limits;
import org.partnershiptracker.events.value.PartnershipId;

/** A partnership between organisations was formed around a shared vision. */
@SchemaRevision("1")
public record PartnershipFormed(
    PartnershipId partnershipId, String name, String sharedVision, @OccurredOn LocalDate formedOn)
    implements PartnershipEvent {
  public PartnershipFormed {
    Require.present(partnershipId, "partnershipId");
    Require.text(name, "name", Limits.NAME);
    Require.optionalText(sharedVision, "sharedVision", Limits.ACCOUNT);
    Require.present(formedOn, "formedOn");
  }
}
