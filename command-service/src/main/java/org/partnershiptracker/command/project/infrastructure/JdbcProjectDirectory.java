package org.partnershiptracker.command.project.infrastructure;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.partnershiptracker.command.partnership.model.ProjectDirectory;
import org.partnershiptracker.events.project.ProjectProposed;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The project directory, kept by a subscribing event handler in the same transaction as the event,
 * so it is never behind the event store.
 */
@Component
@ProcessingGroup(JdbcProjectDirectory.PROCESSING_GROUP)
class JdbcProjectDirectory implements ProjectDirectory {
  static final String PROCESSING_GROUP = "project-directory";
  private final JdbcTemplate jdbc;

  JdbcProjectDirectory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(ProjectProposed event) {
    jdbc.update(
        "INSERT INTO project_directory (project_id, partnership_id) VALUES (?, ?) ON CONFLICT DO"
            + " NOTHING",
        event.projectId().value(),
        event.partnershipId().value());
  }

  @Override
  public Optional<PartnershipId> partnershipOf(ProjectId projectId) {
    return ids(
            "SELECT partnership_id FROM project_directory WHERE project_id = ?", projectId.value())
        .findFirst()
        .map(PartnershipId::of);
  }

  @Override
  public List<ProjectId> projectsOf(PartnershipId partnershipId) {
    return ids(
            "SELECT project_id FROM project_directory WHERE partnership_id = ? ORDER BY project_id",
            partnershipId.value())
        .map(ProjectId::of)
        .toList();
  }

  /** The one id column a query over the directory selects, for one id given. */
  private Stream<String> ids(String sql, String id) {
    return jdbc.queryForList(sql, String.class, id).stream();
  }
}
