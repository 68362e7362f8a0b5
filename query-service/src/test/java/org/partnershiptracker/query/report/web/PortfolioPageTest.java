package org.partnershiptracker.query.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.events.access.Caller;
import org.partnershiptracker.query.access.Callers;
import org.partnershiptracker.query.access.SecurityConfiguration;
import org.partnershiptracker.query.readmodel.Portfolio;
import org.partnershiptracker.query.readmodel.Portfolio.PartnerRow;
import org.partnershiptracker.query.readmodel.Portfolio.Row;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile.Band;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The portfolio page lists every partnership from the stored rows, sorted and filtered. */
@Import(SecurityConfiguration.class)
@WebMvcTest(PortfolioPage.class)
class PortfolioPageTest {
  private static final RequestPostProcessor ADMIN =
      Callers.caller("uni", Caller.Role.ADMIN, Caller.Role.ANALYST);

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @Autowired private MockMvc http;
  @MockitoBean private Portfolio portfolio;
  @MockitoBean private org.partnershiptracker.query.readmodel.PartnershipReadModels readModels;

  @BeforeEach
  void threePartnerships() {
    when(portfolio.rows(org.mockito.ArgumentMatchers.any()))
        .thenReturn(
            List.of(
                row("shire", "Shire data partnership", 72.0, Band.STRONG, 3, "north-council"),
                row("vale", "Vale partnership", 35.5, Band.AT_RISK, 40, "vale-council"),
                row("coast", "Coast partnership", 55.0, Band.DEVELOPING, 9, "coast-nhs")));
  }

  private static Row row(
      String id, String name, double index, Band band, long days, String partner) {
    return new Row(
        id,
        name,
        TODAY.minusYears(1),
        100,
        index,
        band,
        days,
        band == Band.AT_RISK ? 2 : 0,
        band == Band.STRONG ? 1 : 4,
        List.of(
            new PartnerRow(
                partner, partner + " name", partner.endsWith("nhs") ? "HEALTH" : "LOCAL_AUTHORITY"),
            new PartnerRow("uni", "Shire University", "UNIVERSITY")),
        TODAY,
        trend(index),
        java.util.Set.of(partner, "uni"));
  }

  /** Formed ten months ago: two months without an index, then rising to today's. */
  private static List<Double> trend(double today) {
    List<Double> trend = new java.util.ArrayList<>(java.util.Arrays.asList(null, null));
    for (int month = 1; month <= 10; month++) {
      trend.add(today * month / 10);
    }
    return trend;
  }

  private String page(String query) throws Exception {
    return Pages.ok(http, get(java.net.URI.create("/" + query)).with(ADMIN));
  }

  @Test
  void everyPartnershipIsListedWeakestFirstWithALinkToItsReport() throws Exception {
    String html = page("");

    assertThat(html)
        .contains("Showing <span>1</span>–<span>3</span> of <span>3</span>")
        .doesNotContain("<nav class=\"pages\"") // one page: no pagination
        .contains("/api/partnerships/shire/report.html")
        .contains("north-council name (LOCAL_AUTHORITY)")
        .contains("AT_RISK");
    assertThat(html.indexOf("Vale partnership"))
        .as("sorted by index, lowest first: what needs attention comes first")
        .isLessThan(html.indexOf("Coast partnership"));
    assertThat(html.indexOf("Coast partnership")).isLessThan(html.indexOf("Shire data"));
  }

  @Test
  void theAnalystSortsByAnyColumnBothWays() throws Exception {
    String html = page("?sort=name&order=desc");

    assertThat(html.indexOf("Vale partnership")).isLessThan(html.indexOf("Shire data"));
    assertThat(html.indexOf("Shire data")).isLessThan(html.indexOf("Coast partnership"));
    assertThat(html).contains("aria-sort=\"descending\"");
  }

  @Test
  void theAnalystFiltersByBandPartnerAndSector() throws Exception {
    assertThat(page("?band=STRONG")).contains("Shire data").doesNotContain("Vale partnership");
    assertThat(page("?partner=coast")).contains("Coast partnership").doesNotContain("Shire data");
    assertThat(page("?sector=HEALTH"))
        .contains("Showing <span>1</span>–<span>1</span> of <span>1</span>")
        .contains("matching the filters, of <span>3</span> you may see")
        .contains("Coast partnership");
    assertThat(page("?band=STRONG&sector=POLICE")).contains("No\n  partnerships");
  }

  @Test
  void eachRowDrawsItsStoredTwelveMonthTrendWithTheValuesAsText() throws Exception {
    String html = page("?band=STRONG");

    assertThat(html)
        .contains("<svg class=\"trend\"", "12-month trend")
        .contains("aria-label=\"12-month trend of the index: –, –, 7.2, 14.4,")
        .contains(", 64.8, 72.0\"");
    // 72 at x 98 (the right end) is 22 - 20 × 0.72 = 7.6 high; 7.2 ten months earlier at x 2 + 96 ×
    // 2/11.
    assertThat(html).contains("points=\"19.5,20.6 ").contains(" 98.0,7.6\"");
    assertThat(html).contains("cx=\"98.0\" cy=\"7.6\"");
  }

  /** 120 partnerships p001..p120, indexes rising with the number, every third in HEALTH. */
  private void manyPartnerships() {
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 1; i <= 120; i++) {
      rows.add(
          row(
              "p%03d".formatted(i),
              "Partnership %03d".formatted(i),
              i / 2.0,
              Band.DEVELOPING,
              i,
              i % 3 == 0 ? "n" + i + "-nhs" : "c" + i + "-council"));
    }
    when(portfolio.rows(org.mockito.ArgumentMatchers.any())).thenReturn(rows);
  }

  private static List<String> listed(String html) {
    return java.util.regex.Pattern.compile("data-partnership=\"([^\"]+)\"")
        .matcher(html)
        .results()
        .map(m -> m.group(1))
        .toList();
  }

  @Test
  void aThousandPartnershipsArePagedFiftyAtATimeAfterSortingAndFilteringThemAll() throws Exception {
    manyPartnerships();

    String first = page("");
    assertThat(listed(first)).hasSize(50).startsWith("p001", "p002").endsWith("p050");
    assertThat(first)
        .contains("Showing <span>1</span>–<span>50</span> of <span>120</span>")
        .contains("page <span>1</span> of <span>3</span>");

    // The sort applies to every row before the page is cut: descending, page 1 has the highest.
    assertThat(listed(page("?sort=index&order=desc"))).startsWith("p120", "p119").hasSize(50);
    String last = page("?sort=index&order=desc&page=3");
    assertThat(listed(last)).hasSize(20).startsWith("p020").endsWith("p001");
    assertThat(last).contains("Showing <span>101</span>–<span>120</span> of <span>120</span>");

    // Filters too: 40 in HEALTH, the second page of 25 is the 26th to the 40th.
    String health = page("?sector=HEALTH&size=25&page=2");
    assertThat(listed(health)).hasSize(15).startsWith("p078").endsWith("p120");
    assertThat(health)
        .contains("Showing <span>26</span>–<span>40</span> of <span>40</span>")
        .contains("matching the filters, of <span>120</span> you may see");
  }

  @Test
  void thePagesAreLinksThatKeepTheSortTheFiltersAndTheSize() throws Exception {
    manyPartnerships();

    String html = page("?sort=name&order=desc&partner=council%20name&size=10&page=3");

    assertThat(html).contains("<nav class=\"pages\" aria-label=\"Pages of partnerships\">");
    String keep = "/?sort=name&amp;order=desc&amp;partner=council+name&amp;size=10";
    assertThat(html)
        .contains("href=\"" + keep + "&amp;page=2\" rel=\"prev\"")
        .contains("href=\"" + keep + "&amp;page=4\" rel=\"next\"")
        .contains("href=\"" + keep + "\" aria-label=\"Page 1\"") // page 1 has no parameter
        .contains("href=\"" + keep + "&amp;page=3\" aria-label=\"Page 3\" aria-current=\"page\"")
        .contains("href=\"" + keep + "&amp;page=8\" aria-label=\"Page 8\""); // the last
    // The filter form keeps the sort and the size; it starts again at page 1.
    assertThat(html)
        .contains("<input type=\"hidden\" name=\"size\" value=\"10\">")
        .doesNotContain("name=\"page\"");
    // Sorting by a column starts again at page 1, keeping the filters and the size.
    assertThat(html)
        .contains(
            "href=\"/?sort=index&amp;order=asc&amp;partner=council+name&amp;size=10\">Index</a>");
  }

  @Test
  void theLinksOfAPageNameTheFirstTheLastAndTheNearbyPages() {
    var pages = PortfolioPage.pages(10, 20, n -> "/?page=" + n);

    assertThat(pages.links().stream().map(l -> l.gap() ? "…" : String.valueOf(l.number())))
        .containsExactly("1", "…", "8", "9", "10", "11", "12", "…", "20");
    assertThat(pages.previous()).isEqualTo("/?page=9");
    assertThat(pages.next()).isEqualTo("/?page=11");
    assertThat(PortfolioPage.pages(1, 1, n -> "x").next()).isNull();
    assertThat(PortfolioPage.pages(1, 1, n -> "x").previous()).isNull();
  }

  @Test
  void aPagePastTheEndShowsTheLastOneAndAPageOrSizeOutOfRangeIsABadRequest() throws Exception {
    manyPartnerships();

    assertThat(listed(page("?page=99"))).hasSize(20).startsWith("p101");
    for (String query : List.of("?page=0", "?size=0", "?size=201", "?page=two")) {
      http.perform(get("/" + query).with(ADMIN)).andExpect(status().isBadRequest());
    }
  }

  @Test
  void anUnknownSortIsABadRequestNamingIt() throws Exception {
    String problem =
        http.perform(get("/?sort=colour").with(ADMIN))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(problem).contains("\"field\":\"sort\"");
  }

  @Test
  void thePageIsServedWithHeadersThatKeepItInItsOwnWindow() throws Exception {
    var response = http.perform(get("/").with(ADMIN)).andReturn().getResponse();
    assertThat(response.getHeader("Content-Security-Policy"))
        .contains("default-src 'self'")
        .contains("frame-ancestors 'none'");
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
  }

  @Test
  void onlyAnalystsAndAdminsSeeIt() throws Exception {
    http.perform(get("/")).andExpect(status().isUnauthorized());
    http.perform(get("/").with(Callers.caller("north-council", Caller.Role.RECORDER)))
        .andExpect(status().isForbidden());
    http.perform(get("/").with(Callers.caller("north-council", Caller.Role.ANALYST)))
        .andExpect(status().isOk());
  }
}
