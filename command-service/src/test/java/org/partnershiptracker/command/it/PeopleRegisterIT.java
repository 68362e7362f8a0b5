package org.partnershiptracker.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershiptracker.command.it.CommandApi.expectStatus;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershiptracker.infra.kafka.KafkaBroker;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * People are registered once and events carry only their pseudonymous id; erasing a person removes
 * the name and e-mail for good, and afterwards neither is found in any table of the database, on
 * the events topic, or in the service's log.
 */
@ExtendWith(OutputCaptureExtension.class)
class PeopleRegisterIT extends OwnBrokerEachTest {
  private static final String NAME = "Zelda Quartermaine";
  private static final String EMAIL = "zelda.quartermaine@shire-council.example";

  PeopleRegisterIT() {
    super("people-it");
  }

  @Test
  void anErasedPersonLeavesNoNameOrAddressAnywhere(CapturedOutput log) {
    broker = KafkaBroker.start(runDir.resolve("kafka"), 0, 0);
    app =
        CommandServiceInJvm.start(
            runDir.resolve("postgres"),
            "--tracker.publication.bootstrap-servers=" + broker.bootstrapServers());
    CommandApi api = new CommandApi(CommandServiceInJvm.port(app));
    api.formPartnershipWithPartners("p-people");

    String personId =
        expectStatus(
                201,
                api.post(
                    "/api/people",
                    """
                    {"displayName":"%s","email":"%s","organisationId":"north-council"}\
                    """
                        .formatted(NAME, EMAIL)))
            .body()
            .get("personId")
            .asText();
    assertThat(personId).startsWith("person-").doesNotContain("zelda");

    CommandApi.Response unregistered =
        api.post("/api/partnerships/p-people/roles", role("person-42"));
    expectStatus(400, unregistered);
    assertThat(unregistered.body().toString()).contains("personId").contains("POST /api/people");
    expectStatus(201, api.post("/api/partnerships/p-people/roles", role(personId)));
    CommandApi.Response otherOrganisation =
        api.post(
            "/api/partnerships/p-people/roles",
            role(personId).replace("\"north-council\"", "\"south-council\""));
    expectStatus(400, otherOrganisation);
    assertThat(otherOrganisation.body().toString())
        .as("she is registered with North, not South")
        .contains("personId")
        .contains("north-council");

    JsonNode person = expectStatus(200, api.get("/api/people/" + personId)).body();
    assertThat(person.get("displayName").asText()).isEqualTo(NAME);
    assertThat(person.has("email")).as("the register never shows the address").isFalse();
    assertThat(namesInHistory(api)).containsEntry(personId, NAME);
    // Audit: who recorded each event, from the token.
    JsonNode designation = null;
    for (JsonNode entry : api.history("p-people")) {
      if (entry.path("type").asText().equals("RoleDesignated")) {
        designation = entry;
      }
    }
    assertThat(designation).isNotNull();
    assertThat(designation.path("recordedBy").asText()).isEqualTo("test-operator");
    assertThat(designation.path("recordedByOrganisation").asText()).isEqualTo("uni");
    // Names for allowed callers only: South's analyst and any recording system do not see hers.
    expectStatus(
        404, api.as("south-analyst", "south-council", "analyst").get("/api/people/" + personId));
    assertThat(namesInHistory(api.as("north-calendar", "north-council", "recorder"))).isEmpty();
    List<String> topic = awaitTopicWithRoleOf(personId);

    // Erasure is an admin's: a recorder of her own organisation may not.
    expectStatus(
        403,
        api.as("north-calendar", "north-council", "recorder").delete("/api/people/" + personId));
    expectStatus(204, api.delete("/api/people/" + personId));

    person = expectStatus(200, api.get("/api/people/" + personId)).body();
    assertThat(person.get("displayName").asText()).isEqualTo("erased person");
    assertThat(person.get("erasedAt").isNull()).isFalse();
    assertThat(namesInHistory(api)).containsEntry(personId, "erased person");
    expectStatus(400, api.post("/api/partnerships/p-people/roles", role(personId)));
    expectStatus(404, api.delete("/api/people/person-never-registered"));

    for (String text : List.of(NAME, "Quartermaine", EMAIL)) {
      assertThat(rowsHolding(text)).as("database rows holding '%s'", text).isEmpty();
      assertThat(topic).as("topic records holding '%s'", text).noneMatch(r -> r.contains(text));
      assertThat(log.getAll()).as("log").doesNotContain(text);
    }
    assertThat(
            new JdbcTemplate(app.getBean(DataSource.class))
                .queryForObject(
                    "SELECT erased_by FROM person WHERE person_id = ?", String.class, personId))
        .as("the erasure itself is recorded, with who erased")
        .isEqualTo("test-operator");
  }

  private static String role(String personId) {
    return """
    {"roleType":"BOUNDARY_SPANNER","organisationId":"north-council","personId":"%s",\
    "designatedOn":"2025-01-08"}\
    """
        .formatted(personId);
  }

  private static Map<String, String> namesInHistory(CommandApi api) {
    Map<String, String> names = new java.util.HashMap<>();
    api.history("p-people")
        .forEach(
            entry ->
                entry
                    .path("people")
                    .fields()
                    .forEachRemaining(name -> names.put(name.getKey(), name.getValue().asText())));
    return names;
  }

  /** Every record on the events topic, once the role designation has been published. */
  private List<String> awaitTopicWithRoleOf(String personId) {
    List<String> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers", broker.bootstrapServers(),
                "group.id", "people-it",
                "auto.offset.reset", "earliest",
                "metadata.max.age.ms", "1000"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of("partnership.events"));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                for (ConsumerRecord<String, byte[]> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  records.add(new String(record.value(), StandardCharsets.UTF_8));
                }
                return records.stream().anyMatch(r -> r.contains(personId));
              });
    }
    return records;
  }

  /** Rows of every table in the database whose text or bytes hold {@code text}. */
  private List<String> rowsHolding(String text) {
    JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
    List<String> found = new ArrayList<>();
    for (Map<String, Object> column :
        jdbc.queryForList(
            "SELECT table_schema, table_name, column_name, data_type FROM"
                + " information_schema.columns WHERE table_schema NOT IN ('pg_catalog',"
                + " 'information_schema') AND data_type IN ('text', 'character varying',"
                + " 'bytea', 'json', 'jsonb', 'oid')")) {
      String table = "\"" + column.get("table_schema") + "\".\"" + column.get("table_name") + "\"";
      String name = "\"" + column.get("column_name") + "\"";
      String type = (String) column.get("data_type");
      String holds =
          switch (type) {
            case "bytea" -> "position(convert_to(?, 'UTF8') in " + name + ") > 0";
            case "oid" -> "position(convert_to(?, 'UTF8') in lo_get(" + name + ")) > 0";
            default -> name + "::text LIKE '%' || ? || '%'";
          };
      Integer count =
          jdbc.queryForObject(
              "SELECT count(*) FROM " + table + " WHERE " + holds, Integer.class, text);
      if (count != null && count > 0) {
        found.add(table + "." + name);
      }
    }
    return found;
  }
}
