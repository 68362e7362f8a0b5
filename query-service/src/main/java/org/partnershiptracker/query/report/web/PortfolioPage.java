package org.partnershiptracker.query.report.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.partnershiptracker.query.access.CurrentCaller;
import org.partnershiptracker.query.readmodel.Portfolio;
import org.partnershiptracker.query.readmodel.Portfolio.Row;
import org.partnershiptracker.query.web.BadQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The analysts' portfolio at {@code /}: every partnership with its partners, today's index and
 * band, days since the last interaction, overdue milestones and open recommendations, sortable and
 * filterable on the server (no script). It reads the stored portfolio rows, not a fold per
 * partnership.
 */
@Controller
public class PortfolioPage {
  private static final Map<String, Comparator<Row>> SORTS =
      Map.of(
          "name", by(r -> r.name() == null ? "" : r.name().toLowerCase(Locale.ROOT)),
          "index", by(r -> r.trustIndex() == null ? -1 : r.trustIndex()),
          "days",
              by(
                  r ->
                      r.daysSinceLastInteraction() == null
                          ? Long.MAX_VALUE
                          : r.daysSinceLastInteraction()),
          "overdue", by(Row::overdueMilestones),
          "recommendations", by(Row::openRecommendations));

  private final Portfolio portfolio;

  public PortfolioPage(Portfolio portfolio) {
    this.portfolio = portfolio;
  }

  /** What the page shows: the rows after filters and sort, and the choices that made them. */
  public record View(
      List<Line> rows,
      int total,
      String sort,
      String order,
      String band,
      String partner,
      String sector) {}

  /**
   * A row as the page prints it: its trend drawn and its cells as text, so that the template
   * evaluates a few expressions per row (a thousand rows each request) instead of one per value.
   * {@code trendSvg} and {@code partnersHtml} are markup, their text escaped here.
   */
  public record Line(
      Row row,
      Sparkline trend,
      String index,
      String days,
      String trendSvg,
      String partnersHtml,
      String bandHtml) {

    static Line of(Row row) {
      Sparkline trend = Sparkline.of(row.trend() == null ? List.of() : row.trend());
      return new Line(
          row,
          trend,
          row.trustIndex() == null ? "–" : String.valueOf(row.trustIndex()),
          row.daysSinceLastInteraction() == null
              ? "none yet"
              : String.valueOf(row.daysSinceLastInteraction()),
          svg(trend),
          partners(row.partners()),
          row.band() == null
              ? ""
              : "<span class=\"band " + row.band() + "\">" + row.band() + "</span>");
    }

    /** The index monthly on the same scale for every row; the faint lines are the bands' 40, 70. */
    private static String svg(Sparkline trend) {
      String text = escape(trend.text());
      StringBuilder svg =
          new StringBuilder(640)
              .append("<svg class=\"trend\" role=\"img\" viewBox=\"0 0 100 24\" aria-label=\"")
              .append(text)
              .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n        <title>")
              .append(text)
              .append("</title>\n")
              .append(BAND_LINES);
      for (String segment : trend.segments()) {
        svg.append("        <polyline points=\"")
            .append(segment)
            .append("\" fill=\"none\" stroke=\"#0b5cad\" stroke-width=\"1.5\"/>\n");
      }
      if (trend.lastX() != null) {
        svg.append("        <circle cx=\"")
            .append(trend.lastX())
            .append("\" cy=\"")
            .append(trend.lastY())
            .append("\" r=\"2\" fill=\"#1a1a1a\"/>\n");
      }
      return svg.append("      </svg>").toString();
    }

    private static String partners(List<Portfolio.PartnerRow> partners) {
      StringBuilder html = new StringBuilder();
      for (int i = 0; i < partners.size(); i++) {
        Portfolio.PartnerRow partner = partners.get(i);
        html.append(i == 0 ? "" : "\n      ")
            .append("<span>")
            .append(escape(partner.name() + " (" + partner.sector() + ")"))
            .append(i == partners.size() - 1 ? "" : ", ")
            .append("</span>");
      }
      return html.toString();
    }

    private static final String BAND_LINES =
        """
                <line x1="0" x2="100" y1="8.0" y2="8.0" stroke="#8a8a8a" stroke-width="0.5" \
        stroke-dasharray="2 2"/>
                <line x1="0" x2="100" y1="14.0" y2="14.0" stroke="#8a8a8a" stroke-width="0.5" \
        stroke-dasharray="2 2"/>
        """;

    private static String escape(String text) {
      return HtmlUtils.htmlEscape(text, "UTF-8");
    }
  }

  @GetMapping("/")
  public String portfolio(
      @RequestParam(defaultValue = "index") String sort,
      @RequestParam(defaultValue = "asc") String order,
      @RequestParam(required = false) String band,
      @RequestParam(required = false) String partner,
      @RequestParam(required = false) String sector,
      Model model) {
    Comparator<Row> comparator = SORTS.get(sort);
    if (comparator == null) {
      throw new BadQuery("sort", "must be one of " + SORTS.keySet().stream().sorted().toList());
    }
    if (!order.equals("asc") && !order.equals("desc")) {
      throw new BadQuery("order", "must be asc or desc");
    }
    List<Row> all = portfolio.rows(CurrentCaller.required());
    List<Line> shown =
        all.stream()
            .filter(
                r -> blank(band) || (r.band() != null && r.band().name().equalsIgnoreCase(band)))
            .filter(r -> blank(partner) || r.partners().stream().anyMatch(p -> matches(p, partner)))
            .filter(
                r ->
                    blank(sector)
                        || r.partners().stream().anyMatch(p -> sector.equalsIgnoreCase(p.sector())))
            .sorted(order.equals("desc") ? comparator.reversed() : comparator)
            .map(Line::of)
            .toList();
    model.addAttribute("view", new View(shown, all.size(), sort, order, band, partner, sector));
    return "portfolio";
  }

  private static boolean matches(Portfolio.PartnerRow partner, String text) {
    String wanted = text.toLowerCase(Locale.ROOT);
    return partner.organisationId().toLowerCase(Locale.ROOT).contains(wanted)
        || (partner.name() != null && partner.name().toLowerCase(Locale.ROOT).contains(wanted));
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static <K extends Comparable<K>> Comparator<Row> by(Function<Row, K> key) {
    return Comparator.comparing(key).thenComparing(Row::partnershipId);
  }
}
