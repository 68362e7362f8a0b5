package org.partnershiptracker.events;

import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

/** A fact about one project of a partnership. */
public interface ProjectEvent extends PartnershipEvent {
  ProjectId projectId();

  /**
   * The check every project event's constructor starts with: the two keys it is filed under, its
   * partnership and its project, are required (stated once here rather than in twelve records).
   */
  static void requireKeys(PartnershipId partnershipId, ProjectId projectId) {
    Require.present(partnershipId, "partnershipId");
    Require.present(projectId, "projectId");
  }
}
