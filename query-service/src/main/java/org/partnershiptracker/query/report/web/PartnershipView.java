package org.partnershiptracker.query.report.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;
import org.partnershiptracker.query.report.model.PartnershipReport;
import org.partnershiptracker.query.trust.model.Practice;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile;
import org.partnershiptracker.query.trust.model.TrustFigures;
import org.partnershiptracker.query.trust.model.TrustTrend;

/**
 * What the partnership page shows: the trust index over monthly as-of days with the band thresholds
 * and each public-sector partner's own index beside it, each lesson's score over the same days,
 * each chart's values as a table, and the current report. Every link keeps the page's day.
 */
public record PartnershipView(
    String partnershipId,
    String name,
    LocalDate asOf,
    int windowDays,
    LocalDate windowStart,
    Links links,
    TrendChart indexChart,
    Table indexTable,
    List<TrendChart> practiceCharts,
    Table practiceTable,
    ReportView report) {

  /** Lines of the partnership and its partners: dark, then colours of AA contrast on white. */
  static final List<String> COLOURS =
      List.of("#1a1a1a", "#0b5cad", "#a33b00", "#6a1b9a", "#00695c");

  static final List<String> DASHES = List.of("", "6 3", "2 3", "8 3 2 3", "4 4");

  /** The practices drawn as small multiples: the lessons. */
  static final List<Practice> LESSONS =
      List.of(
          Practice.L1_DATA_SHARING_FIRST,
          Practice.L2_ROLE_CLARITY,
          Practice.L3_BOTTOM_UP_ENGAGEMENT,
          Practice.L4_SHOWCASING,
          Practice.L5_REGULAR_CONTACT);

  /** The same report as JSON and CSV, the portfolio, and the partnership's history. */
  public record Links(String json, String csv, String portfolio, String history) {}

  /** A chart's text equivalent: a row per day, linking to the page as of that day. */
  public record Table(String caption, List<String> columns, List<Row> rows) {}

  public record Row(LocalDate day, String href, List<String> values) {}

  static PartnershipView of(
      PartnershipReport report,
      PartnershipFacts facts,
      List<LocalDate> days,
      List<TrustFigures> figures,
      String historyUrl) {
    TrustBuildingProfile trust = report.trust();
    LocalDate asOf = report.asOf();
    Links links = new Links("report?asOf=" + asOf, "report.csv?asOf=" + asOf, "/", historyUrl);

    // The partnership's line, then one per public-sector partner seen in any month.
    Map<String, String> partners = new LinkedHashMap<>();
    figures.forEach(
        f ->
            f.partners()
                .forEach(o -> partners.putIfAbsent(o.organisationId(), o.organisationName())));
    List<TrendChart.Line> lines = new ArrayList<>();
    lines.add(
        line(
            0,
            report.name() + " (whole partnership)",
            figures.stream().map(TrustFigures::index).toList()));
    int n = 1;
    for (Map.Entry<String, String> partner : partners.entrySet()) {
      lines.add(
          line(
              n++,
              partner.getValue(),
              figures.stream().map(f -> f.partnerIndex(partner.getKey())).toList()));
    }
    TrendChart indexChart =
        TrendChart.of(
            "Trust-building index, monthly",
            days,
            100,
            lines,
            List.of(
                new TrendChart.Level(
                    TrustTrend.STRONG_FROM, "strong from " + (int) TrustTrend.STRONG_FROM),
                new TrendChart.Level(
                    TrustTrend.DEVELOPING_FROM,
                    "developing from " + (int) TrustTrend.DEVELOPING_FROM)),
            TrendChart.Size.WIDE,
            v -> String.format(Locale.ROOT, "%.0f", v));
    Table indexTable =
        new Table(
            "Trust-building index as of each day (0–100)",
            lines.stream().map(TrendChart.Line::label).toList(),
            rows(days, lines, v -> TrendChart.fmt(v)));

    List<TrendChart.Line> practiceLines = new ArrayList<>();
    List<TrendChart> practiceCharts = new ArrayList<>();
    for (Practice practice : LESSONS) {
      TrendChart.Line line =
          new TrendChart.Line(
              practice.code(),
              COLOURS.get(1),
              "",
              figures.stream().map(f -> f.score(practice)).toList());
      practiceLines.add(line);
      practiceCharts.add(
          TrendChart.of(
              practice.code() + ": " + practice.strategy(),
              days,
              1,
              List.of(line),
              List.of(new TrendChart.Level(0.5, "advice at or below 0.5")),
              TrendChart.Size.SMALL,
              v -> String.format(Locale.ROOT, "%.1f", v)));
    }
    Table practiceTable =
        new Table(
            "Lesson scores as of each day (0–1; – is no evidence)",
            LESSONS.stream().map(Practice::code).toList(),
            rows(days, practiceLines, v -> String.format(Locale.ROOT, "%.2f", v)));

    return new PartnershipView(
        report.partnershipId(),
        report.name(),
        asOf,
        trust.windowDays(),
        trust.windowStart(),
        links,
        indexChart,
        indexTable,
        practiceCharts,
        practiceTable,
        ReportView.of(report, facts, historyUrl));
  }

  private static TrendChart.Line line(int i, String label, List<Double> values) {
    return new TrendChart.Line(
        label, COLOURS.get(i % COLOURS.size()), DASHES.get(i % DASHES.size()), values);
  }

  private static List<Row> rows(
      List<LocalDate> days,
      List<TrendChart.Line> lines,
      java.util.function.DoubleFunction<String> format) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      int day = i;
      rows.add(
          new Row(
              days.get(i),
              "report.html?asOf=" + days.get(i),
              lines.stream()
                  .map(l -> l.values().get(day))
                  .map(v -> v == null ? "–" : format.apply(v))
                  .toList()));
    }
    return rows;
  }
}
