package org.partnershiptracker.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.partnershiptracker.query.interaction.Granularity;
import org.partnershiptracker.query.interaction.InteractionFrequency;
import org.partnershiptracker.query.interaction.InteractionFrequencyCalculator;
import org.partnershiptracker.query.milestone.MilestoneCalculator;
import org.partnershiptracker.query.milestone.MilestoneReport;
import org.partnershiptracker.query.milestone.MilestoneStatus;
import org.partnershiptracker.query.report.PartnershipReport;
import org.partnershiptracker.query.report.ReportCsv;
import org.partnershiptracker.query.report.ReportPage;
import org.partnershiptracker.query.timeline.RecordedEvent;
import org.partnershiptracker.query.timeline.TimelineStore;
import org.partnershiptracker.query.trust.TrustBuildingCalculator;
import org.partnershiptracker.query.trust.TrustBuildingProfile;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The query API: read models of one partnership as of any date. Dates are ISO (2025-03-31). */
@RestController
@RequestMapping("/api/partnerships")
@Tag(name = "Partnership read models", description = "Trust building, interaction frequency and milestones")
public class PartnershipQueryController {
  private final TimelineStore timeline;
  private final TrustBuildingCalculator trust;
  private final Clock clock;

  public PartnershipQueryController(TimelineStore timeline, TrustBuildingCalculator trust, Clock clock) {
    this.timeline = timeline;
    this.trust = trust;
    this.clock = clock;
  }

  @GetMapping
  @Operation(summary = "The partnerships known to the read side, with their current trust index")
  public List<Map<String, Object>> partnerships() {
    LocalDate today = LocalDate.now(clock);
    return timeline.summaries().stream()
        .map(summary -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("partnershipId", summary.getString("_id"));
          row.put("name", summary.getString("name"));
          row.put("formedOn", summary.getString("formedOn"));
          row.put("eventCount", summary.get("eventCount"));
          TrustBuildingProfile profile = trust.calculate(timeline.eventsOf(summary.getString("_id")), today, null);
          row.put("trustIndex", profile.index());
          row.put("band", profile.band());
          return row;
        })
        .toList();
  }

  @GetMapping("/{partnershipId}/trust")
  @Operation(summary = "Trust-building scores, index, band, evidence and recommendations as of a date")
  public TrustBuildingProfile trust(
      @PathVariable String partnershipId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
      @RequestParam(required = false) Integer windowDays) {
    if (windowDays != null && (windowDays < 7 || windowDays > 3660)) {
      throw new BadQuery("windowDays", "must be between 7 and 3660");
    }
    return trust.calculate(events(partnershipId), dayOrToday(asOf), windowDays);
  }

  @GetMapping("/{partnershipId}/interactions")
  @Operation(summary = "Interaction frequency between two dates, by week or month")
  public InteractionFrequency interactions(
      @PathVariable String partnershipId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "week") String granularity) {
    LocalDate end = dayOrToday(to);
    LocalDate start = from != null ? from : end.minusDays(89);
    if (start.isAfter(end)) {
      throw new BadQuery("from", "must not be after 'to' (" + end + ")");
    }
    Granularity unit = parse(Granularity.class, "granularity", granularity);
    return InteractionFrequencyCalculator.calculate(events(partnershipId), start, end, unit);
  }

  @GetMapping("/{partnershipId}/milestones")
  @Operation(summary = "Milestones and quick wins as of a date, optionally of one status")
  public MilestoneReport milestones(
      @PathVariable String partnershipId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
      @RequestParam(required = false) String status) {
    MilestoneStatus filter = status == null ? null : parse(MilestoneStatus.class, "status", status);
    return MilestoneCalculator.calculate(events(partnershipId), dayOrToday(asOf), filter);
  }

  @GetMapping("/{partnershipId}/report")
  @Operation(summary = "The three read models together, as JSON")
  public PartnershipReport report(
      @PathVariable String partnershipId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    return PartnershipReport.of(events(partnershipId), dayOrToday(asOf), trust);
  }

  @GetMapping(value = "/{partnershipId}/report.csv", produces = "text/csv")
  @Operation(summary = "The report as CSV (section, organisation, metric, value)")
  public ResponseEntity<String> reportCsv(
      @PathVariable String partnershipId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    LocalDate day = dayOrToday(asOf);
    String csv = ReportCsv.toCsv(PartnershipReport.of(events(partnershipId), day, trust));
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + partnershipId + "-" + day + ".csv\"")
        .body(csv);
  }

  @GetMapping(value = "/{partnershipId}/report.html", produces = MediaType.TEXT_HTML_VALUE)
  @Operation(summary = "The report as a page to read and print, with charts")
  public String reportPage(
      @PathVariable String partnershipId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    return ReportPage.html(PartnershipReport.of(events(partnershipId), dayOrToday(asOf), trust));
  }

  private List<RecordedEvent> events(String partnershipId) {
    List<RecordedEvent> events = timeline.eventsOf(partnershipId);
    if (events.isEmpty()) {
      throw new UnknownPartnership(partnershipId);
    }
    return events;
  }

  /** An enum parameter in any case, or a 400 that lists the values. */
  private static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadQuery(parameter, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
    }
  }

  private LocalDate dayOrToday(LocalDate day) {
    return day != null ? day : LocalDate.now(clock);
  }

  static class UnknownPartnership extends RuntimeException {
    UnknownPartnership(String partnershipId) {
      super("no partnership with id '" + partnershipId + "' has reached the read side");
    }
  }

  static class BadQuery extends RuntimeException {
    final String parameter;

    BadQuery(String parameter, String message) {
      super(parameter + ": " + message);
      this.parameter = parameter;
    }
  }

}
