package org.partnershiptracker.command.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each activity type's published data schema is its request record: the same fields, no others, ids
 * as the strings they are written as, and the record's limits.
 */
class ActivitySchemasTest {
  @Test
  void everyTypeHasTheFieldsOfItsRequestRecordAndNoOthers() {
    for (ActivityTypes.ActivityType<?> activity : ActivityTypes.all()) {
      ObjectNode schema = ActivitySchemas.of(activity.type()).orElseThrow();
      Set<String> fields = new HashSet<>();
      schema.path("properties").fieldNames().forEachRemaining(fields::add);
      Set<String> components = new HashSet<>();
      Arrays.stream(activity.request().getRecordComponents())
          .map(java.lang.reflect.RecordComponent::getName)
          .forEach(components::add);
      assertThat(fields).as(activity.type()).isEqualTo(components);
      assertThat(schema.path("additionalProperties").asBoolean(true))
          .as(activity.type() + " refuses unknown fields")
          .isFalse();
    }
  }

  @Test
  void aMeetingsSchemaStatesItsIdsAsStringsAndItsRequiredFields() {
    JsonNode meeting =
        ActivitySchemas.of("org.partnershiptracker.meeting.recorded.v1").orElseThrow();
    assertThat(meeting.path("properties").path("hostOrganisationId").path("type").asText())
        .isEqualTo("string");
    assertThat(meeting.path("required").toString()).contains("heldOn", "type");
    assertThat(meeting.path("$id").asText())
        .isEqualTo("/schemas/org.partnershiptracker.meeting.recorded.v1.json");
  }

  @Test
  void anUnknownTypeHasNoSchema() {
    assertThat(ActivitySchemas.of("org.partnershiptracker.gossip.v1")).isEmpty();
  }
}
