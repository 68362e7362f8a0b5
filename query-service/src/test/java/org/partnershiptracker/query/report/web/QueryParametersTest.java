package org.partnershiptracker.query.report.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.events.access.Caller;
import org.partnershiptracker.query.access.Callers;
import org.partnershiptracker.query.access.SecurityConfiguration;
import org.partnershiptracker.query.readmodel.PartnershipReadModels;
import org.partnershiptracker.query.readmodel.Portfolio;
import org.partnershiptracker.query.trust.model.TrustBuildingCalculator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Query parameters the read models cannot answer are a 400 problem+json naming the parameter,
 * before any read model is asked: dates outside 1990-2100 (one of them used to loop for minutes),
 * ranges over ten years, numbers that are not numbers.
 */
@WebMvcTest(PartnershipQueryController.class)
@Import({QueryParametersTest.FixedClock.class, SecurityConfiguration.class})
class QueryParametersTest {
  private static final RequestPostProcessor ADMIN =
      Callers.caller("uni", Caller.Role.ADMIN, Caller.Role.ANALYST);

  @Autowired private MockMvc http;
  @MockitoBean private PartnershipReadModels readModels;
  @MockitoBean private Portfolio portfolio;
  @MockitoBean private TrustBuildingCalculator trust;

  @TestConfiguration
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(Instant.parse("2025-06-30T12:00:00Z"), ZoneOffset.UTC);
    }
  }

  private void refused(String url, String parameter) throws Exception {
    http.perform(get(java.net.URI.create(url)).with(ADMIN)) // as sent: %2B is a '+' once decoded
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.errors[0].field").value(parameter));
  }

  @Test
  void extremeDatesAreRefusedNamingTheParameter() throws Exception {
    refused("/api/partnerships/shire/interactions?to=%2B999999999-12-31", "to");
    refused("/api/partnerships/shire/interactions?from=-999999999-01-01&to=2025-01-01", "from");
    refused("/api/partnerships/shire/trust?asOf=1989-12-31", "asOf");
    refused("/api/partnerships/shire/milestones?asOf=2101-01-01", "asOf");
    refused("/api/partnerships/shire/report.csv?asOf=0001-01-01", "asOf");
    refused("/api/partnerships/shire/trust?asOf=1990-02-01&windowDays=400", "windowDays");
    verifyNoInteractions(readModels);
  }

  @Test
  void rangesOfMoreThanTenYearsAndInvertedRangesAreRefused() throws Exception {
    refused("/api/partnerships/shire/interactions?from=2010-01-01&to=2025-01-01", "from");
    refused("/api/partnerships/shire/interactions?from=2025-05-01&to=2025-04-01", "from");
    verifyNoInteractions(readModels);
  }

  @Test
  void valuesOfTheWrongTypeAreProblemsWithErrors() throws Exception {
    refused("/api/partnerships/shire/trust?windowDays=abc", "windowDays");
    refused("/api/partnerships/shire/trust?asOf=2025-02-30", "asOf");
    refused("/api/partnerships/shire/interactions?granularity=fortnight", "granularity");
    refused("/api/partnerships/shire/milestones?status=late", "status");
  }

  @Test
  void anUnknownPartnershipIsA404AndTheDefaultDayIsToday() throws Exception {
    http.perform(get("/api/partnerships/nobody/trust").with(ADMIN))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    verify(readModels).trust("nobody", java.time.LocalDate.of(2025, 6, 30), null);
    http.perform(get("/api/partnerships/nobody/interactions").with(ADMIN))
        .andExpect(status().isNotFound());
    verify(readModels).interactions(any(), any(), any(), any());
  }
}
