package org.partnershiptracker.command.inbox;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schema of each activity type's {@code data}, generated from the request record the inbox
 * and the HTTP endpoint both read it as, so the published schema cannot drift from the code: field
 * names and types, required fields and the Jakarta limits (sizes, ranges, patterns), and no other
 * fields (the strict reader refuses unknown ones). Value types that are written as their value
 * (ids) appear as that value.
 */
public final class ActivitySchemas {
  private static final SchemaGenerator GENERATOR = generator();
  private static final Map<String, ObjectNode> SCHEMAS = new ConcurrentHashMap<>();

  private ActivitySchemas() {}

  /** The schema of {@code type}'s data; empty for a type the inbox does not know. */
  public static Optional<ObjectNode> of(String type) {
    return ActivityTypes.of(type)
        .map(
            activity ->
                SCHEMAS.computeIfAbsent(
                    type,
                    t -> {
                      ObjectNode schema = GENERATOR.generateSchema(activity.request());
                      schema.put("$id", "/schemas/" + t + ".json");
                      schema.put("title", t + " data");
                      return schema;
                    }));
  }

  private static SchemaGenerator generator() {
    SchemaGeneratorConfigBuilder config =
        new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
            .with(new JacksonModule())
            .with(
                new JakartaValidationModule(
                    JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                    JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS));
    config
        .forTypesInGeneral()
        .withCustomDefinitionProvider(
            (type, context) ->
                valueOf(type.getErasedType())
                    .map(
                        value ->
                            new CustomDefinition(
                                context.createDefinition(
                                    context.getTypeContext().resolve(value.getReturnType())),
                                CustomDefinition.DefinitionType.INLINE,
                                CustomDefinition.AttributeInclusion.YES))
                    .orElse(null));
    return new SchemaGenerator(config.build());
  }

  /** The accessor a value type is written as ({@code @JsonValue}), if it has one. */
  private static Optional<Method> valueOf(Class<?> type) {
    if (!type.isRecord()) {
      return Optional.empty();
    }
    return Arrays.stream(type.getRecordComponents())
        .map(java.lang.reflect.RecordComponent::getAccessor)
        .filter(accessor -> accessor.isAnnotationPresent(JsonValue.class))
        .findFirst();
  }
}
