package org.partnershiptracker.query.report.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * band, days since the last interaction, overdue milestones and open recommendations, sortable,
 * filterable and paged on the server (no script): the filters and the sort apply to every row the
 * caller may see, then one page of them ({@value #DEFAULT_SIZE} by default) is drawn. It reads the
 * stored portfolio rows, not a fold per partnership.
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

  /** Rows per page unless {@code size} says otherwise. */
  static final int DEFAULT_SIZE = 50;

  /** The most rows a page draws: 1,000 rows made a 1.4 MB page that took ~400 ms to render. */
  static final int MAX_SIZE = 200;

  /** Page links either side of the current one before a gap. */
  private static final int NEAR = 2;

  private final Portfolio portfolio;

  public PortfolioPage(Portfolio portfolio) {
    this.portfolio = portfolio;
  }

  /**
   * What the page shows: one page of the rows after filters and sort, the choices that made them,
   * and where the page stands: rows {@code first}..{@code last} (1-based, 0 when none) of {@code
   * matching} rows, of {@code total} the caller may see.
   */
  public record View(
      List<Line> rows,
      int total,
      int matching,
      int first,
      int last,
      Pages pages,
      String sort,
      String order,
      String band,
      String partner,
      String sector,
      int size) {

    /** Whether a filter is set (the count then says how many rows it kept). */
    public boolean filtered() {
      return !blank(band) || !blank(partner) || !blank(sector);
    }

    /** The size as a parameter of the form: none when it is the default. */
    public Integer sizeParameter() {
      return size == DEFAULT_SIZE ? null : size;
    }

    /** The link a column's header sorts by: ascending, or descending if it sorts so already. */
    public String sortLink(String column) {
      String next = sort.equals(column) && order.equals("asc") ? "desc" : "asc";
      return link(column, next, band, partner, sector, size, 1);
    }
  }

  /**
   * The pagination: the current page of {@code count}, the previous and next pages' links (null at
   * either end), and the links of the first, last and nearby pages with gaps between them.
   */
  public record Pages(int current, int count, String previous, String next, List<PageLink> links) {}

  /** A page's link; a gap ({@code number} 0) stands for the pages left out. */
  public record PageLink(int number, String href, boolean current) {
    public boolean gap() {
      return number == 0;
    }
  }

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
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size,
      Model model) {
    Comparator<Row> comparator = SORTS.get(sort);
    if (comparator == null) {
      throw new BadQuery("sort", "must be one of " + SORTS.keySet().stream().sorted().toList());
    }
    if (!order.equals("asc") && !order.equals("desc")) {
      throw new BadQuery("order", "must be asc or desc");
    }
    if (page < 1) {
      throw new BadQuery("page", "must be 1 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new BadQuery("size", "must be from 1 to " + MAX_SIZE);
    }
    List<Row> all = portfolio.rows(CurrentCaller.required());
    List<Row> matching =
        all.stream()
            .filter(
                r -> blank(band) || (r.band() != null && r.band().name().equalsIgnoreCase(band)))
            .filter(r -> blank(partner) || r.partners().stream().anyMatch(p -> matches(p, partner)))
            .filter(
                r ->
                    blank(sector)
                        || r.partners().stream().anyMatch(p -> sector.equalsIgnoreCase(p.sector())))
            .sorted(order.equals("desc") ? comparator.reversed() : comparator)
            .toList();
    // A page past the end (the rows changed, or a filter left fewer) shows the last one.
    int count = Math.max(1, (matching.size() + size - 1) / size);
    int current = Math.min(page, count);
    int from = (current - 1) * size;
    int to = Math.min(matching.size(), from + size);
    List<Line> shown = matching.subList(from, to).stream().map(Line::of).toList();
    model.addAttribute(
        "view",
        new View(
            shown,
            all.size(),
            matching.size(),
            shown.isEmpty() ? 0 : from + 1,
            to,
            pages(current, count, n -> link(sort, order, band, partner, sector, size, n)),
            sort,
            order,
            band,
            partner,
            sector,
            size));
    return "portfolio";
  }

  /** The first, the last and the pages near the current one, a gap wherever pages are left out. */
  static Pages pages(int current, int count, java.util.function.IntFunction<String> href) {
    List<PageLink> links = new ArrayList<>();
    int previousShown = 0;
    for (int n = 1; n <= count; n++) {
      if (n == 1 || n == count || Math.abs(n - current) <= NEAR) {
        if (n > previousShown + 1) {
          links.add(new PageLink(0, null, false));
        }
        links.add(new PageLink(n, href.apply(n), n == current));
        previousShown = n;
      }
    }
    return new Pages(
        current,
        count,
        current > 1 ? href.apply(current - 1) : null,
        current < count ? href.apply(current + 1) : null,
        List.copyOf(links));
  }

  /** The page's address with these choices; defaults and blank filters are left out. */
  static String link(
      String sort, String order, String band, String partner, String sector, int size, int page) {
    StringBuilder uri = new StringBuilder("/?sort=").append(encode(sort));
    uri.append("&order=").append(encode(order));
    if (!blank(band)) uri.append("&band=").append(encode(band));
    if (!blank(partner)) uri.append("&partner=").append(encode(partner));
    if (!blank(sector)) uri.append("&sector=").append(encode(sector));
    if (size != DEFAULT_SIZE) uri.append("&size=").append(size);
    if (page != 1) uri.append("&page=").append(page);
    return uri.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
