package org.partnershiptracker.query.report.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;
import org.partnershiptracker.query.readmodel.PartnershipReadModels;
import org.partnershiptracker.query.report.model.PartnershipReport;
import org.partnershiptracker.query.trust.model.TrustBuildingCalculator;
import org.partnershiptracker.query.trust.model.TrustFigures;
import org.partnershiptracker.query.trust.model.TrustTrend;
import org.partnershiptracker.query.web.QueryDates;
import org.partnershiptracker.query.web.UnknownPartnership;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The partnership page (the report grown up): the trust index over monthly as-of days since
 * formation (at most {@value #MONTHS}), each lesson's score over the same days, each public-sector
 * partner's line, and the report of the day with every score's evidence. Server-side SVG, no
 * script; it prints as it shows. Under {@code /api/partnerships/{partnershipId}/} so the partner
 * scope applies.
 */
@Controller
@EnableConfigurationProperties(PagesProperties.class)
public class PartnershipPage {
  static final int MONTHS = 24;

  private final PartnershipReadModels readModels;
  private final TrustBuildingCalculator trust;
  private final Clock clock;

  public PartnershipPage(
      PartnershipReadModels readModels, TrustBuildingCalculator trust, Clock clock) {
    this.readModels = readModels;
    this.trust = trust;
    this.clock = clock;
  }

  @GetMapping(
      value = "/api/partnerships/{partnershipId}/report.html",
      produces = MediaType.TEXT_HTML_VALUE)
  public String partnership(
      @PathVariable String partnershipId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
      Model model) {
    LocalDate day = asOf != null ? QueryDates.check("asOf", asOf) : LocalDate.now(clock);
    PartnershipFacts facts =
        readModels
            .reportFacts(partnershipId, day)
            .orElseThrow(() -> new UnknownPartnership(partnershipId));
    PartnershipReport report = PartnershipReport.of(facts, day, trust);
    List<LocalDate> days = TrustTrend.monthlyDays(facts.formedOn(), day, MONTHS);
    List<TrustFigures> figures =
        readModels
            .trustOver(partnershipId, days)
            .orElseThrow(() -> new UnknownPartnership(partnershipId));
    // The history page beside this one (same origin, the caller's own sign-in), as of this day.
    String history = "history.html?asOf=" + day;
    model.addAttribute("view", PartnershipView.of(report, facts, days, figures, history));
    return "partnership";
  }
}
