package org.partnershiptracker.command.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.command.inbox.ActivityTypes.ActivityType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The published contract (docs/asyncapi.yaml) and the code's table of activity types agree: the
 * same types, each with the extension attributes and the HTTP endpoint the code uses.
 */
class ActivityContractTest {
  private static final Path DOCUMENT = Path.of("../docs/asyncapi.yaml");

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> documentedTypes() throws IOException {
    Map<String, Object> document;
    try (Reader reader = Files.newBufferedReader(DOCUMENT)) {
      document = new Yaml().load(reader);
    }
    assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
    Map<String, Object> messages =
        (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("messages");
    Map<String, Map<String, Object>> types = new LinkedHashMap<>();
    messages.values().stream()
        .map(message -> (Map<String, Object>) message)
        .filter(message -> String.valueOf(message.get("name")).startsWith(ActivityTypes.PREFIX))
        .forEach(message -> types.put((String) message.get("name"), message));
    return types;
  }

  @Test
  void everyActivityTypeOfTheCodeIsDocumentedAndNothingElse() throws IOException {
    assertThat(documentedTypes().keySet())
        .containsExactlyInAnyOrderElementsOf(
            ActivityTypes.all().stream().map(ActivityType::type).toList());
  }

  @Test
  @SuppressWarnings("unchecked")
  void eachDocumentedTypeNamesTheEndpointAndTheAttributesTheCodeUses() throws IOException {
    Map<String, Map<String, Object>> documented = documentedTypes();
    for (ActivityType<?> type : ActivityTypes.all()) {
      Map<String, Object> message = documented.get(type.type());
      assertThat((String) message.get("summary"))
          .as(type.type())
          .contains("POST " + type.httpPath() + " ");
      List<Object> parts =
          (List<Object>) ((Map<String, Object>) message.get("payload")).get("allOf");
      List<String> required = new ArrayList<>();
      for (Object part : parts) {
        Object names = ((Map<String, Object>) part).get("required");
        if (names instanceof List<?> list && !((Map<String, Object>) part).containsKey("$ref")) {
          list.forEach(name -> required.add(String.valueOf(name)));
        }
      }
      required.remove("type");
      assertThat(required).as(type.type()).containsExactlyElementsOf(type.attributes());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theDocumentedChannelsAreTheTopicsTheServiceUsesOnePairPerOrganisation() throws IOException {
    Map<String, Object> document;
    try (Reader reader = Files.newBufferedReader(DOCUMENT)) {
      document = new Yaml().load(reader);
    }
    Map<String, Map<String, Object>> channels =
        (Map<String, Map<String, Object>>) document.get("channels");
    InboxProperties defaults =
        new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("tracker.inbox", InboxProperties.class);
    String parameter = "{organisationId}";
    assertThat(channels.get("inbox").get("address")).isEqualTo(defaults.inboxOf(parameter));
    assertThat(channels.get("outcomes").get("address")).isEqualTo(defaults.outcomesOf(parameter));
    assertThat(channels.get("deadLetters").get("address")).isEqualTo(defaults.deadLetterTopic());
    for (String channel : List.of("inbox", "outcomes")) {
      assertThat((Map<String, Object>) channels.get(channel).get("parameters"))
          .as(channel)
          .containsOnlyKeys("organisationId");
    }
    // The service reads every organisation's inbox and takes the organisation from the name...
    assertThat(
            InboxProperties.organisationOf(
                defaults.subscription(), defaults.inboxOf("north-council")))
        .contains("north-council");
    // ... and never the dead letters or the outcomes.
    assertThat(InboxProperties.organisationOf(defaults.subscription(), defaults.deadLetterTopic()))
        .isEmpty();
    assertThat(
            InboxProperties.organisationOf(
                defaults.subscription(), defaults.outcomesOf("north-council")))
        .isEmpty();
  }

  @Test
  void everyTypeIsVersionedAndItsRequestIsAnEndpointsBody() {
    for (ActivityType<?> type : ActivityTypes.all()) {
      assertThat(type.type()).matches("org\\.partnershiptracker\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+");
      assertThat(type.request().isRecord()).isTrue();
    }
  }
}
