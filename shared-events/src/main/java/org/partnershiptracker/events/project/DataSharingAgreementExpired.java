package org.partnershiptracker.events.project;

import java.time.LocalDate;
import org.partnershiptracker.events.OccurredOn;
import org.partnershiptracker.events.ProjectEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

/** The data sharing agreement lapsed; its signatures no longer count. */
@SchemaRevision("1")
public record DataSharingAgreementExpired(
    PartnershipId partnershipId, ProjectId projectId, int version, @OccurredOn LocalDate expiredOn)
    implements ProjectEvent {
  public DataSharingAgreementExpired {
    ProjectEvent.requireKeys(partnershipId, projectId);
    Require.between(version, 1, 10_000, "version");
    Require.present(expiredOn, "expiredOn");
  }
}
