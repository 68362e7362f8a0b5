package org.partnershiptracker.events;

import org.partnershiptracker.events.value.ProjectId;

/** A fact about one project of a partnership. */
public interface ProjectEvent extends PartnershipEvent {
  ProjectId projectId();
}
