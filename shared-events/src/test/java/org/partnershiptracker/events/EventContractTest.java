package org.partnershiptracker.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.events.partnership.MeetingHeld;
import org.partnershiptracker.events.partnership.PulseSurveyAnswered;
import org.partnershiptracker.events.project.MilestoneAchieved;
import org.partnershiptracker.events.value.Attendance;
import org.partnershiptracker.events.value.AttendeeLevel;
import org.partnershiptracker.events.value.MeetingId;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.events.value.MilestoneId;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.PersonId;
import org.partnershiptracker.events.value.ProjectId;

class EventContractTest {
  private static final PartnershipId PARTNERSHIP = PartnershipId.of("p-1");
  private static final LocalDate DAY = LocalDate.of(2025, 3, 4);
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Test
  void everyEventOfTheCatalogueDeclaresASchemaRevision() {
    assertThat(EventCatalogue.EVENT_TYPES)
        .hasSize(22)
        .allSatisfy(type -> assertThat(PartnershipEvent.revisionOf(type)).isNotBlank());
  }

  @Test
  void eventsTravelAsPlainJsonAndComeBackEqual() throws Exception {
    MeetingHeld meeting =
        new MeetingHeld(
            PARTNERSHIP,
            MeetingId.of("m-1"),
            MeetingType.ON_SITE_WORK_DAY,
            DAY,
            240,
            OrganisationId.of("council-a"),
            List.of(new Attendance(OrganisationId.of("uni"), AttendeeLevel.RESEARCHER, 2)),
            null);

    String text = json.writeValueAsString(meeting);

    assertThat(text).contains("\"partnershipId\":\"p-1\"").contains("\"heldOn\":\"2025-03-04\"");
    assertThat(json.readValue(text, MeetingHeld.class)).isEqualTo(meeting);
  }

  @Test
  void everyEventMarksExactlyOneDateAsTheDayItHappened() {
    assertThat(EventCatalogue.EVENT_TYPES)
        .allSatisfy(
            type ->
                assertThat(type.getRecordComponents())
                    .as(type.getSimpleName())
                    .filteredOn(component -> component.isAnnotationPresent(OccurredOn.class))
                    .singleElement()
                    .satisfies(
                        component -> assertThat(component.getType()).isEqualTo(LocalDate.class)));
  }

  @Test
  void theBusinessDateIsNotAnExtraJsonProperty() throws Exception {
    MilestoneAchieved achieved =
        new MilestoneAchieved(
            PARTNERSHIP, ProjectId.of("pr-1"), MilestoneId.of("ms-1"), DAY, DAY.plusDays(1));

    List<String> fields = new ArrayList<>();
    json.readTree(json.writeValueAsString(achieved)).fieldNames().forEachRemaining(fields::add);

    assertThat(achieved.occurredOn()).isEqualTo(DAY.plusDays(1));
    assertThat(fields)
        .containsExactly("partnershipId", "projectId", "milestoneId", "dueOn", "achievedOn");
  }

  @Test
  void aPersonIdCannotBeAnEmailAddressOrAName() {
    assertThatThrownBy(() -> PersonId.of("jane.doe@council.gov.uk"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pseudonymous person id");
    assertThatThrownBy(() -> PersonId.of("Jane Doe")).isInstanceOf(IllegalArgumentException.class);
    assertThat(PersonId.of("person-7f3a").value()).isEqualTo("person-7f3a");
  }

  @Test
  void trustIsRatedOneToFive() {
    OrganisationId a = OrganisationId.of("a");
    OrganisationId b = OrganisationId.of("b");
    assertThatThrownBy(() -> new PulseSurveyAnswered(PARTNERSHIP, a, b, 6, DAY))
        .hasMessageContaining("trust must be between 1 and 5");
  }

  @Test
  void eventsDoNotShareTheirListsWithTheCaller() {
    List<Attendance> attendees = new ArrayList<>();
    attendees.add(new Attendance(OrganisationId.of("uni"), AttendeeLevel.ACADEMIC, 1));
    MeetingHeld meeting =
        new MeetingHeld(
            PARTNERSHIP,
            MeetingId.of("m-2"),
            MeetingType.SHOWCASE,
            DAY,
            60,
            OrganisationId.of("uni"),
            attendees,
            null);

    attendees.clear();

    assertThat(meeting.attendees()).hasSize(1);
  }

  @Test
  void catalogueResolvesEventTypesByName() {
    assertThat(EventCatalogue.bySimpleName("MeetingHeld")).contains(MeetingHeld.class);
    assertThat(EventCatalogue.bySimpleName("Nope")).isEmpty();
  }
}
