package org.partnershiptracker.events.partnership;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.partnershiptracker.events.OccurredOn;
import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.Limits;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;
import org.partnershiptracker.events.value.QuickWinId;

/** A small, early result was delivered to a partner (I2: start small). */
@SchemaRevision("1")
public record QuickWinDelivered(
    PartnershipId partnershipId,
    QuickWinId quickWinId,
    ProjectId projectId,
    String title,
    @OccurredOn LocalDate deliveredOn,
    OrganisationId beneficiaryOrganisationId,
    BigDecimal estimatedSavingGbp)
    implements PartnershipEvent {
  public QuickWinDelivered {
    Require.present(partnershipId, "partnershipId");
    Require.present(quickWinId, "quickWinId");
    Require.text(title, "title", Limits.NAME);
    Require.present(deliveredOn, "deliveredOn");
    Require.present(beneficiaryOrganisationId, "beneficiaryOrganisationId");
    if (estimatedSavingGbp != null && estimatedSavingGbp.signum() < 0) {
      throw new IllegalArgumentException("estimatedSavingGbp must not be negative");
    }
  }
}
