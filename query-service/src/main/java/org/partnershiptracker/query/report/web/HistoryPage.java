package org.partnershiptracker.query.report.web;

import java.time.LocalDate;
import org.partnershiptracker.query.web.QueryDates;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The partnership's recorded events as a page people can open: the command-service's history (JSON,
 * bearer token) read with the caller's own token and shown a row per event, each row anchored by
 * its event id and a meeting also by its meeting id ({@code #meeting-…}, where the partnership
 * page's drill-down links point). Under {@code /api/partnerships/{partnershipId}/} so the partner
 * scope applies before the command-service is asked.
 */
@Controller
public class HistoryPage {
  private final HistorySource source;

  public HistoryPage(HistorySource source) {
    this.source = source;
  }

  @GetMapping(
      value = "/api/partnerships/{partnershipId}/history.html",
      produces = MediaType.TEXT_HTML_VALUE)
  public String history(
      @PathVariable String partnershipId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
      Model model) {
    String back = "report.html";
    if (asOf != null) {
      back += "?asOf=" + QueryDates.check("asOf", asOf);
    }
    model.addAttribute("view", HistoryView.of(partnershipId, back, source.history(partnershipId)));
    return "history";
  }
}
