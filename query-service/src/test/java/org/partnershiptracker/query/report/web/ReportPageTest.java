package org.partnershiptracker.query.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.events.value.AttendeeLevel;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;
import org.partnershiptracker.query.partnership.model.Timeline;
import org.partnershiptracker.query.report.model.PartnershipReport;
import org.partnershiptracker.query.trust.model.TrustBuildingCalculator;
import org.partnershiptracker.query.trust.model.TrustSettings;

class ReportPageTest {
  private static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);

  @Test
  void thePageOfADayLinksToTheSameDaysJsonAndCsvAndNamesTheFirstCountedDay() {
    var events =
        Timeline.twoCouncilsAndAUniversity()
            .meeting(
                MeetingType.ON_SITE_WORK_DAY,
                AS_OF.minusDays(3),
                Timeline.NORTH,
                AttendeeLevel.ANALYST)
            .events();
    PartnershipReport report =
        PartnershipReport.of(
            PartnershipFacts.of(events, AS_OF),
            AS_OF,
            new TrustBuildingCalculator(TrustSettings.defaults()));

    String page = ReportPage.html(report);

    assertThat(page)
        .contains("href=\"report?asOf=2025-03-31\"", "href=\"report.csv?asOf=2025-03-31\"");
    assertThat(page)
        .as("a 90-day window ending on 31 March starts on 1 January")
        .contains("90 days from 2025-01-01 to 2025-03-31");
    assertThat(report.interactions().from()).isEqualTo(report.trust().windowStart());
  }
}
