package org.partnershiptracker.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.partnershiptracker.query.timeline.ProjectionRunner;
import org.partnershiptracker.query.timeline.RebuildProgress;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/**
 * Rebuilds. The three read models are computed from one projection, the partnership timeline, so
 * rebuilding any of them (or "partnership-timeline") replays the topic into that one store.
 */
@RestController
@RequestMapping("/admin/projections")
@Tag(name = "Operations", description = "Projection rebuilds")
public class ProjectionAdminController {
  static final Set<String> NAMES =
      Set.of(ProjectionRunner.PROJECTION, "trust-building", "interaction-frequency", "milestones");
  private final ProjectionRunner runner;

  public ProjectionAdminController(ProjectionRunner runner) {
    this.runner = runner;
  }

  @PostMapping("/{name}/rebuild")
  @Operation(summary = "Replay the events topic from the start into a new generation; the old one answers meanwhile")
  public ResponseEntity<Object> rebuild(@PathVariable String name) {
    if (!NAMES.contains(name)) {
      return unknown(name);
    }
    return ResponseEntity.accepted().body(runner.requestRebuild());
  }

  @GetMapping("/{name}/rebuild")
  @Operation(summary = "Progress of the last rebuild: events done / total and rate")
  public ResponseEntity<Object> progress(@PathVariable String name) {
    if (!NAMES.contains(name)) {
      return unknown(name);
    }
    RebuildProgress progress = runner.progress();
    return ResponseEntity.ok(progress);
  }

  private static ResponseEntity<Object> unknown(String name) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no projection '" + name + "'; known: " + NAMES);
    problem.setTitle("Not found");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
  }
}
