package org.partnershiptracker.events.partnership;

import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.Limits;
import org.partnershiptracker.events.value.PartnershipId;

import java.time.LocalDate;

/** A partnership between organisations was formed around a shared vision. */
@SchemaRevision("1")
public record PartnershipFormed(
    PartnershipId partnershipId, String name, String sharedVision, LocalDate formedOn)
    implements PartnershipEvent {
  public PartnershipFormed {
    Require.present(partnershipId, "partnershipId");
    Require.text(name, "name", Limits.NAME);
    Require.optionalText(sharedVision, "sharedVision", Limits.ACCOUNT);
    Require.present(formedOn, "formedOn");
  }

  @Override
  public LocalDate occurredOn() {
    return formedOn;
  }
}
