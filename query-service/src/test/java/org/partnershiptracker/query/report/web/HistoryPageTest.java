package org.partnershiptracker.query.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.events.access.Caller;
import org.partnershiptracker.query.access.Callers;
import org.partnershiptracker.query.access.SecurityConfiguration;
import org.partnershiptracker.query.readmodel.PartnershipReadModels;
import org.partnershiptracker.query.web.HistoryRefused;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The history page: a row per recorded event anchored by its event id, a meeting also by its
 * meeting id (where the partnership page's links land), who recorded it, the payload's fields and
 * the people named; the command-service's refusals keep their status; the partner scope applies
 * before the command-service is asked.
 */
@Import(SecurityConfiguration.class)
@WebMvcTest(HistoryPage.class)
class HistoryPageTest {
  private static final RequestPostProcessor NORTH_ANALYST =
      Callers.caller("north-council", Caller.Role.ANALYST);

  private static final String HISTORY =
      """
      [
        {"position": 1, "aggregateType": "Partnership", "aggregateId": "shire", "sequenceNumber": 0,
         "eventId": "e-formed", "type": "PartnershipFormed", "revision": "1",
         "timestamp": "2025-01-06T09:30:00Z",
         "payload": {"partnershipId": "shire", "name": "Shire Data Partnership",
                     "formedOn": "2025-01-06",
                     "partners": [{"organisationId": "north-council", "name": "North County Council"}]},
         "recordedBy": "demo-admin", "recordedByOrganisation": "shire-university", "people": {}},
        {"position": 2, "aggregateType": "Partnership", "aggregateId": "shire", "sequenceNumber": 1,
         "eventId": "e-role", "type": "RoleDesignated", "revision": "1",
         "timestamp": "2025-01-07T10:00:00Z",
         "payload": {"partnershipId": "shire", "personId": "p-1", "role": "DATA_OWNER"},
         "recordedBy": null, "recordedByOrganisation": null, "people": {"p-1": "Ada Lovelace"}},
        {"position": 5, "aggregateType": "Partnership", "aggregateId": "shire", "sequenceNumber": 2,
         "eventId": "e-meeting", "type": "MeetingHeld", "revision": "1",
         "timestamp": "2025-02-10T16:00:00Z",
         "payload": {"partnershipId": "shire", "meetingId": "m3", "type": "ON_SITE_WORK_DAY",
                     "heldOn": "2025-02-10", "durationMinutes": 240,
                     "hostOrganisationId": "north-council",
                     "attendees": [{"organisationId": "north-council", "level": "ANALYST", "count": 2}],
                     "projectId": null},
         "recordedBy": "north-council-system", "recordedByOrganisation": "north-council", "people": {}}
      ]
      """;

  @Autowired private MockMvc http;
  @MockitoBean private PartnershipReadModels readModels;
  @MockitoBean private HistorySource source;

  @BeforeEach
  void scope() throws Exception {
    when(readModels.partnersEver("shire"))
        .thenReturn(Set.of("north-council", "south-council", "shire-university"));
    when(source.history("shire")).thenReturn(new ObjectMapper().readTree(HISTORY));
  }

  @Test
  void eachEventIsARowAnchoredByItsIdAndAMeetingByItsMeetingId() throws Exception {
    String html =
        http.perform(
                get("/api/partnerships/shire/history.html?asOf=2025-06-30")
                    .accept(MediaType.TEXT_HTML)
                    .with(NORTH_ANALYST))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html)
        .contains("id=\"event-e-formed\"", "id=\"event-e-role\"", "id=\"event-e-meeting\"")
        .contains("id=\"meeting-m3\"")
        .contains("2025-01-06 09:30 UTC", "PartnershipFormed", "MeetingHeld", "RoleDesignated")
        .contains("demo-admin (shire-university)", "north-council-system (north-council)")
        .contains("<dt>heldOn</dt><dd>2025-02-10</dd>", "<dt>durationMinutes</dt><dd>240</dd>")
        .contains("<dd>north-council ANALYST 2</dd>", "<dd>north-council North County Council</dd>")
        .contains("Ada Lovelace")
        .contains("href=\"report.html?asOf=2025-06-30\"");
    assertThat(html).as("the page is about the partnership").doesNotContain("<dt>partnershipId");
    assertThat(html.split("class=\"event\"", -1)).hasSize(4);
  }

  @Test
  void withoutADayTheBackLinkIsThePageOfToday() throws Exception {
    String html = Pages.ok(http, get("/api/partnerships/shire/history.html").with(NORTH_ANALYST));
    assertThat(html).contains("href=\"report.html\"");
  }

  @Test
  void theCommandServicesRefusalKeepsItsStatus() throws Exception {
    for (HttpStatus refusal :
        new HttpStatus[] {HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND}) {
      doThrow(new HistoryRefused(refusal, "refused")).when(source).history("shire");
      http.perform(get("/api/partnerships/shire/history.html").with(NORTH_ANALYST))
          .andExpect(status().is(refusal.value()))
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.status").value(refusal.value()));
    }
  }

  @Test
  void anotherOrganisationsPartnershipIsNotFoundWithoutAskingTheCommandService() throws Exception {
    http.perform(
            get("/api/partnerships/shire/history.html")
                .with(Callers.caller("vale-council", Caller.Role.ANALYST)))
        .andExpect(status().isNotFound());
    verify(source, never()).history("shire");
  }

  @Test
  void aRecorderMayNotReadPages() throws Exception {
    http.perform(
            get("/api/partnerships/shire/history.html")
                .with(Callers.caller("north-council", Caller.Role.RECORDER)))
        .andExpect(status().isForbidden());
  }
}
