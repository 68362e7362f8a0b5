package org.partnershiptracker.query.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.events.access.Caller;
import org.partnershiptracker.events.partnership.RoleDesignated;
import org.partnershiptracker.events.project.ProjectProposed;
import org.partnershiptracker.events.project.ProjectStarted;
import org.partnershiptracker.events.value.AttendeeLevel;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.events.value.PersonId;
import org.partnershiptracker.events.value.ProjectId;
import org.partnershiptracker.events.value.RoleId;
import org.partnershiptracker.events.value.RoleType;
import org.partnershiptracker.query.access.Callers;
import org.partnershiptracker.query.access.SecurityConfiguration;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;
import org.partnershiptracker.query.partnership.model.RecordedEvent;
import org.partnershiptracker.query.partnership.model.Timeline;
import org.partnershiptracker.query.readmodel.PartnershipReadModels;
import org.partnershiptracker.query.trust.model.TrustBuildingCalculator;
import org.partnershiptracker.query.trust.model.TrustFigures;
import org.partnershiptracker.query.trust.model.TrustSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The partnership page: the index over monthly days with the band thresholds and each council's
 * line, the lessons as small multiples, a table for every chart, every score's evidence, and the
 * page's day on every link that has a day.
 */
@Import({SecurityConfiguration.class, PartnershipPageTest.Formulas.class})
@WebMvcTest(PartnershipPage.class)
class PartnershipPageTest {
  private static final RequestPostProcessor ANALYST =
      Callers.caller("north-council", Caller.Role.ANALYST);
  private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
  private static final TrustBuildingCalculator CALCULATOR =
      new TrustBuildingCalculator(TrustSettings.defaults());

  @TestConfiguration
  static class Formulas {
    @Bean
    TrustBuildingCalculator trustBuildingCalculator() {
      return CALCULATOR;
    }

    @Bean
    Clock clock() {
      return Clock.fixed(AS_OF.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }
  }

  @Autowired private MockMvc http;
  @MockitoBean private PartnershipReadModels readModels;

  private final List<RecordedEvent> events =
      Timeline.twoCouncilsAndAUniversity()
          .meeting(
              MeetingType.ON_SITE_WORK_DAY,
              LocalDate.of(2025, 2, 10),
              Timeline.NORTH,
              AttendeeLevel.ANALYST)
          .meeting(
              MeetingType.SHOWCASE,
              LocalDate.of(2025, 4, 14),
              Timeline.SOUTH,
              AttendeeLevel.SENIOR_LEADER)
          .meeting(
              MeetingType.ON_SITE_WORK_DAY,
              LocalDate.of(2025, 6, 20),
              Timeline.NORTH,
              AttendeeLevel.FRONTLINE)
          // e8: North's system records its boundary spanner; e9, e10: a project with no recorder.
          .recordedBy(
              Timeline.NORTH,
              new RoleDesignated(
                  Timeline.SHIRE,
                  RoleId.of("n-bs"),
                  RoleType.BOUNDARY_SPANNER,
                  Timeline.NORTH,
                  PersonId.of("p-n1"),
                  LocalDate.of(2025, 5, 2)))
          .add(
              new ProjectProposed(
                  Timeline.SHIRE,
                  ProjectId.of("north-p"),
                  "North project",
                  "p",
                  List.of(Timeline.NORTH),
                  LocalDate.of(2025, 5, 5)))
          .add(
              new ProjectStarted(
                  Timeline.SHIRE, ProjectId.of("north-p"), LocalDate.of(2025, 5, 10), false))
          .events();

  @BeforeEach
  void theShirePartnership() {
    when(readModels.partnersEver("shire"))
        .thenReturn(Set.of("north-council", "south-council", "uni"));
    when(readModels.reportFacts(eq("shire"), org.mockito.ArgumentMatchers.any()))
        .thenAnswer(call -> Optional.of(PartnershipFacts.of(events, call.getArgument(1))));
    when(readModels.trustOver(eq("shire"), anyList()))
        .thenAnswer(
            call ->
                Optional.of(
                    call.<List<LocalDate>>getArgument(1).stream()
                        .map(
                            day ->
                                TrustFigures.of(
                                    CALCULATOR.calculate(
                                        PartnershipFacts.of(events, day), day, null)))
                        .toList()));
    when(readModels.reportFacts(eq("unknown"), org.mockito.ArgumentMatchers.any()))
        .thenReturn(Optional.empty());
  }

  private String page(String query) throws Exception {
    return Pages.ok(http, get("/api/partnerships/shire/report.html" + query).with(ANALYST));
  }

  @Test
  void theIndexIsDrawnMonthlySinceFormationWithTheBandThresholdsAndEachCouncilsLine()
      throws Exception {
    String html = page("?asOf=" + AS_OF);

    assertThat(html)
        .contains("<svg", "<polyline", "strong from 70", "developing from 40")
        .contains("data-series=\"North County Council\"", "data-series=\"South County Council\"")
        .contains("Shire data partnership (whole partnership)");
    assertThat(html)
        .as("formed on 6 January: the 30th of January to June (28 February), no earlier month")
        .contains("report.html?asOf=2025-01-30", "report.html?asOf=2025-02-28")
        .contains("report.html?asOf=2025-06-30")
        .doesNotContain("asOf=2024-12-30");
    assertThat(html)
        .as("a text equivalent for the index and for the lessons")
        .contains("Trust-building index as of each day", "Lesson scores as of each day");
  }

  @Test
  void eachLessonHasASmallChartOfItsOwn() throws Exception {
    String html = page("?asOf=" + AS_OF);

    for (String code : List.of("L1", "L2", "L3", "L4", "L5")) {
      assertThat(html).contains("aria-label=\"" + code + ": ");
    }
    assertThat(count(html, "advice at or below 0.5")).isEqualTo(5);
  }

  @Test
  void everyScoreShowsItsEvidenceAndTheMeetingsLinkToTheHistory() throws Exception {
    String html = page("?asOf=" + AS_OF);

    assertThat(html)
        .contains("<h2>Trust building</h2>", "North County Council")
        .contains("weeks with contact", "on site days")
        .contains("href=\"history.html?asOf=2025-06-30#meeting-m3\"")
        .contains("href=\"#interactions-in-window\"");
    assertThat(html)
        .as("a 90-day window ending on 30 June starts on 2 April")
        .contains("90 days from 2025-04-02 to 2025-06-30");
  }

  @Test
  void theDrillDownListsTheEventsBehindL1AndL2WithWhoRecordedThemLinkedToTheHistory()
      throws Exception {
    String html = page("?asOf=" + AS_OF);

    assertThat(html)
        .as("L2: the boundary spanner designated in the window, recorded by North")
        .contains("The events L2 was computed from")
        .containsPattern(
            "<td>2025-05-02</td><td>role designated</td><td>North County Council</td>\\s*<td>North"
                + " County Council</td><td><a href=\"history.html\\?asOf=2025-06-30#event-e8\">");
    assertThat(html)
        .as("L1: the project started without a signed agreement; its record named no recorder")
        .contains("The events L1 was computed from")
        .containsPattern(
            "<td>2025-05-10</td><td>project started</td><td>North County Council</td>\\s*"
                + "<td>—</td><td><a href=\"history.html\\?asOf=2025-06-30#event-e10\">");
  }

  @Test
  void everyLinkOfThePageKeepsItsDay() throws Exception {
    String html = page("?asOf=" + AS_OF);

    assertThat(html)
        .contains("href=\"report?asOf=2025-06-30\"", "href=\"report.csv?asOf=2025-06-30\"");
    Matcher links = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
    int checked = 0;
    while (links.find()) {
      String href = links.group(1);
      boolean elsewhere = href.equals("/") || href.startsWith("#");
      if (!elsewhere) {
        assertThat(href).as("a link to this partnership's pages").contains("asOf=2025-");
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(10);
  }

  @Test
  void anUnknownPartnershipIsNotFound() throws Exception {
    http.perform(
            get("/api/partnerships/unknown/report.html")
                .with(Callers.caller("uni", Caller.Role.ADMIN)))
        .andExpect(status().isNotFound());
  }

  @Test
  void anotherOrganisationsPartnershipIsNotFound() throws Exception {
    http.perform(
            get("/api/partnerships/shire/report.html")
                .with(Callers.caller("vale-council", Caller.Role.ANALYST)))
        .andExpect(status().isNotFound());
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
