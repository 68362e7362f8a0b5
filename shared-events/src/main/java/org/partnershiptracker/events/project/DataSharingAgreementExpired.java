package org.partnershiptracker.events.project;

import org.partnershiptracker.events.ProjectEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

import java.time.LocalDate;

/** The data sharing agreement lapsed; its signatures no longer count. */
@SchemaRevision("1")
public record DataSharingAgreementExpired(
    PartnershipId partnershipId, ProjectId projectId, int version, LocalDate expiredOn)
    implements ProjectEvent {
  public DataSharingAgreementExpired {
    Require.present(partnershipId, "partnershipId");
    Require.present(projectId, "projectId");
    Require.between(version, 1, 10_000, "version");
    Require.present(expiredOn, "expiredOn");
  }

  @Override
  public LocalDate occurredOn() {
    return expiredOn;
  }
}
