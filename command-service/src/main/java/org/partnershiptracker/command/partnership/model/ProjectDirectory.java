package org.partnershiptracker.command.partnership.model;

import java.util.List;
import java.util.Optional;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

/** Which partnership each project belongs to (projects are aggregates of their own). */
public interface ProjectDirectory {
  Optional<PartnershipId> partnershipOf(ProjectId projectId);

  List<ProjectId> projectsOf(PartnershipId partnershipId);
}
