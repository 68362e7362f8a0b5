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

  /** A row and its trend drawn. */
  public record Line(Row row, Sparkline trend) {}

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
            .map(r -> new Line(r, Sparkline.of(r.trend() == null ? List.of() : r.trend())))
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
