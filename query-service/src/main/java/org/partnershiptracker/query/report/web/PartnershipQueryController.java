package org.partnershiptracker.query.report.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.partnershiptracker.query.access.CurrentCaller;
import org.partnershiptracker.query.interaction.model.Granularity;
import org.partnershiptracker.query.interaction.model.InteractionFrequency;
import org.partnershiptracker.query.milestone.model.MilestoneReport;
import org.partnershiptracker.query.milestone.model.MilestoneStatus;
import org.partnershiptracker.query.readmodel.PartnershipReadModels;
import org.partnershiptracker.query.readmodel.Portfolio;
import org.partnershiptracker.query.report.model.PartnershipReport;
import org.partnershiptracker.query.trust.model.TrustBuildingCalculator;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile;
import org.partnershiptracker.query.web.BadQuery;
import org.partnershiptracker.query.web.QueryDates;
import org.partnershiptracker.query.web.UnknownPartnership;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The query API: read models of one partnership as of any date, from the materialised documents.
 * Dates are ISO (2025-03-31), between 1990-01-01 and 2100-12-31.
 */
@RestController
@RequestMapping("/api/partnerships")
@Tag(
    name = "Partnership read models",
    description = "Trust building, interaction frequency and milestones")
public class PartnershipQueryController {
  private final PartnershipReadModels readModels;
  private final Portfolio portfolio;
  private final TrustBuildingCalculator trust;
  private final Clock clock;

  public PartnershipQueryController(
      PartnershipReadModels readModels,
      Portfolio portfolio,
      TrustBuildingCalculator trust,
      Clock clock) {
    this.readModels = readModels;
    this.trust = trust;
    this.portfolio = portfolio;
    this.clock = clock;
  }

  @GetMapping
  @Operation(
      summary =
          "The partnerships known to the read side, with today's trust index, band, days since the"
              + " last interaction and overdue milestones")
  public List<Portfolio.Row> partnerships() {
    return portfolio.rows(CurrentCaller.required());
  }

  @GetMapping("/{partnershipId}/trust")
  @Operation(
      summary = "Trust-building scores, index, band, evidence and recommendations as of a date")
  public TrustBuildingProfile trust(
      @PathVariable String partnershipId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
      @RequestParam(required = false) Integer windowDays) {
    if (windowDays != null && (windowDays < 7 || windowDays > 3660)) {
      throw new BadQuery("windowDays", "must be between 7 and 3660");
    }
    LocalDate day = dayOrToday("asOf", asOf);
    if (windowDays != null) {
      QueryDates.check("windowDays", day.minusDays(windowDays));
    }
    return found(partnershipId, readModels.trust(partnershipId, day, windowDays));
  }

  @GetMapping("/{partnershipId}/interactions")
  @Operation(summary = "Interaction frequency between two dates, by week or month")
  public InteractionFrequency interactions(
      @PathVariable String partnershipId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "week") String granularity) {
    LocalDate end = dayOrToday("to", to);
    LocalDate start = from != null ? QueryDates.check("from", from) : end.minusDays(89);
    QueryDates.checkRange("from", start, end);
    Granularity unit = parse(Granularity.class, "granularity", granularity);
    return found(partnershipId, readModels.interactions(partnershipId, start, end, unit));
  }

  @GetMapping("/{partnershipId}/milestones")
  @Operation(summary = "Milestones and quick wins as of a date, optionally of one status")
  public MilestoneReport milestones(
      @PathVariable String partnershipId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
      @RequestParam(required = false) String status) {
    MilestoneStatus filter = status == null ? null : parse(MilestoneStatus.class, "status", status);
    return found(
        partnershipId, readModels.milestones(partnershipId, dayOrToday("asOf", asOf), filter));
  }

  @GetMapping("/{partnershipId}/report")
  @Operation(summary = "The three read models together, as JSON")
  public PartnershipReport report(
      @PathVariable String partnershipId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate asOf) {
    return reportOf(partnershipId, dayOrToday("asOf", asOf));
  }

  @GetMapping(value = "/{partnershipId}/report.csv", produces = "text/csv")
  @Operation(summary = "The report as CSV (section, organisation, metric, value)")
  public ResponseEntity<String> reportCsv(
      @PathVariable String partnershipId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate asOf) {
    LocalDate day = dayOrToday("asOf", asOf);
    String csv = ReportCsv.toCsv(reportOf(partnershipId, day));
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + partnershipId + "-" + day + ".csv\"")
        .body(csv);
  }

  private PartnershipReport reportOf(String partnershipId, LocalDate day) {
    return found(
        partnershipId,
        readModels.reportFacts(partnershipId, day).map(f -> PartnershipReport.of(f, day, trust)));
  }

  private static <T> T found(String partnershipId, Optional<T> answer) {
    return answer.orElseThrow(() -> new UnknownPartnership(partnershipId));
  }

  /** An enum parameter in any case, or a 400 that lists the values. */
  private static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadQuery(
          parameter,
          "must be one of "
              + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
    }
  }

  private LocalDate dayOrToday(String parameter, LocalDate day) {
    return day != null ? QueryDates.check(parameter, day) : LocalDate.now(clock);
  }
}
