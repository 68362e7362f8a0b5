package org.partnershiptracker.query.report.web;

import java.util.List;
import org.partnershiptracker.query.report.model.PartnershipReport;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile.PracticeScore;

/** The report as RFC 4180 CSV: one row per figure, {@code section,organisation,metric,value}. */
public final class ReportCsv {
  private ReportCsv() {}

  public static String toCsv(PartnershipReport report) {
    StringBuilder csv = new StringBuilder("section,organisation,metric,value\r\n");
    TrustBuildingProfile trust = report.trust();
    trustRows(csv, "", trust.scores(), trust.index(), trust.band(), trust.perceivedTrust());
    for (TrustBuildingProfile.OrganisationProfile organisation : trust.organisations()) {
      trustRows(
          csv,
          organisation.organisationId(),
          organisation.scores(),
          organisation.index(),
          organisation.band(),
          organisation.perceivedTrust());
    }
    var interactions = report.interactions();
    Section interactionRows = new Section(csv, "interactions");
    interactionRows.row("from", interactions.from());
    interactionRows.row("to", interactions.to());
    interactionRows.row("total", interactions.totalInteractions());
    interactionRows.row("onSiteDays", interactions.onSiteDays());
    interactionRows.row("daysSinceLastInteraction", interactions.daysSinceLastInteraction());
    interactionRows.row("medianGapDays", interactions.medianGapDays());
    interactionRows.row("longestGapDays", interactions.longestGapDays());
    interactionRows.row("weeksWithoutContact", interactions.weeksWithoutContact());
    interactions.byType().forEach((type, count) -> interactionRows.row("type:" + type, count));
    interactions
        .organisationPairs()
        .forEach(
            pair -> row(csv, "interactions", pair.pair(), "interactions", pair.interactions()));
    var milestones = report.milestones();
    Section milestoneRows = new Section(csv, "milestones");
    milestones.totals().forEach((status, count) -> milestoneRows.row(status.name(), count));
    milestoneRows.row("onTimeRate", milestones.onTimeRate());
    milestoneRows.row("quickWins", milestones.quickWins());
    milestoneRows.row(
        "daysFromFormationToFirstQuickWin", milestones.daysFromFormationToFirstQuickWin());
    return csv.toString();
  }

  private static void trustRows(
      StringBuilder csv,
      String organisation,
      List<PracticeScore> scores,
      Double index,
      TrustBuildingProfile.Band band,
      Double perceived) {
    for (PracticeScore score : scores) {
      row(csv, "trust", organisation, score.practice().name(), score.score());
    }
    row(csv, "trust", organisation, "index", index);
    row(csv, "trust", organisation, "band", band);
    row(csv, "trust", organisation, "perceivedTrust", perceived);
  }

  /** The rows of a section about the partnership as a whole (no organisation). */
  private record Section(StringBuilder csv, String name) {
    void row(String metric, Object value) {
      ReportCsv.row(csv, name, "", metric, value);
    }
  }

  private static void row(
      StringBuilder csv, String section, String organisation, String metric, Object value) {
    csv.append(field(section))
        .append(',')
        .append(field(organisation))
        .append(',')
        .append(field(metric))
        .append(',')
        .append(field(value == null ? "" : String.valueOf(value)))
        .append("\r\n");
  }

  /** Quotes a field that holds a comma, quote or line break, doubling its quotes (RFC 4180). */
  static String field(String value) {
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
