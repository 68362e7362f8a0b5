package org.partnershiptracker.query.projection.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import java.util.function.Supplier;
import org.partnershiptracker.query.projection.ProjectionConsumer;
import org.partnershiptracker.query.projection.RebuildCoordinator;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilds. All read models come from one projection, {@value ProjectionConsumer#PROJECTION}; the
 * names of the earlier releases are kept as aliases of it.
 */
@RestController
@RequestMapping("/admin/projections")
@Tag(name = "Operations", description = "Projection rebuilds")
public class ProjectionAdminController {
  static final Set<String> NAMES =
      Set.of(
          ProjectionConsumer.PROJECTION,
          "partnership-timeline",
          "trust-building",
          "interaction-frequency",
          "milestones");
  private final RebuildCoordinator rebuilds;

  public ProjectionAdminController(RebuildCoordinator rebuilds) {
    this.rebuilds = rebuilds;
  }

  @PostMapping("/{name}/rebuild")
  @Operation(
      summary =
          "Replay the events topic into a new generation; the current one answers until the new one"
              + " proves complete")
  public ResponseEntity<Object> rebuild(@PathVariable String name) {
    return ifKnown(name, () -> ResponseEntity.accepted().body(rebuilds.request()));
  }

  @GetMapping("/{name}/rebuild")
  @Operation(
      summary =
          "Progress of the last rebuild: state, records done / total, applied, duplicates,"
              + " rejected, rate, ETA, reason")
  public ResponseEntity<Object> progress(@PathVariable String name) {
    return ifKnown(name, () -> ResponseEntity.ok(rebuilds.progress()));
  }

  /** Every name of the read models answers the same; any other name is a 404. */
  private static ResponseEntity<Object> ifKnown(
      String name, Supplier<ResponseEntity<Object>> answer) {
    return NAMES.contains(name) ? answer.get() : unknown(name);
  }

  private static ResponseEntity<Object> unknown(String name) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND,
            "no projection '"
                + name
                + "'; known: "
                + ProjectionConsumer.PROJECTION
                + " (aliases "
                + NAMES
                + ")");
    problem.setTitle("Not found");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
  }
}
