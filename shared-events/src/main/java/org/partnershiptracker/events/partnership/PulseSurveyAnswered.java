package org.partnershiptracker.events.partnership;

import java.time.LocalDate;
import org.partnershiptracker.events.OccurredOn;
import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;

/** Someone at one partner rated their trust in another partner, 1 (low) to 5 (high). */
@SchemaRevision("1")
public record PulseSurveyAnswered(
    PartnershipId partnershipId,
    OrganisationId respondentOrganisationId,
    OrganisationId aboutOrganisationId,
    int trust,
    @OccurredOn LocalDate answeredOn)
    implements PartnershipEvent {
  public PulseSurveyAnswered {
    Require.present(partnershipId, "partnershipId");
    Require.present(respondentOrganisationId, "respondentOrganisationId");
    Require.present(aboutOrganisationId, "aboutOrganisationId");
    Require.between(trust, 1, 5, "trust");
    Require.present(answeredOn, "answeredOn");
  }
}
