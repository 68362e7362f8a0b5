package org.partnershiptracker.events.project;

import java.time.LocalDate;
import org.partnershiptracker.events.OccurredOn;
import org.partnershiptracker.events.ProjectEvent;
import org.partnershiptracker.events.Require;
import org.partnershiptracker.events.SchemaRevision;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

/**
 * Work on the project started. {@code dsaSignedByAllProviders} is false only when the
 * dsa-before-start policy is 'warn' and a data provider had not signed: L1 flags such projects.
 */
@SchemaRevision("1")
public record ProjectStarted(
    PartnershipId partnershipId,
    ProjectId projectId,
    @OccurredOn LocalDate startedOn,
    boolean dsaSignedByAllProviders)
    implements ProjectEvent {
  public ProjectStarted {
    ProjectEvent.requireKeys(partnershipId, projectId);
    Require.present(startedOn, "startedOn");
  }
}
