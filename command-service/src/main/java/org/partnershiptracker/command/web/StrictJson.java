package org.partnershiptracker.command.web;

import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.partnershiptracker.command.web.input.NormalisedText;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies are read strictly, so that a council system learns of a mistake at once rather
 * than finding a different fact recorded: no coercion between strings, numbers and booleans, no
 * float where an integer is asked, no number for a date, duplicate keys, trailing content and
 * unknown fields refused; text is NFC-normalised; a date is a YYYY-MM-DD string and nothing else.
 * Only HTTP bodies: events and stored answers keep the lenient reader, so that history recorded
 * under older rules still reads.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson implements WebMvcConfigurer {
  private final ObjectMapper json;

  StrictJson(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    ObjectMapper strict = strict(json);
    for (HttpMessageConverter<?> converter : converters) {
      if (converter instanceof MappingJackson2HttpMessageConverter jackson) {
        jackson.setObjectMapper(strict);
      }
    }
  }

  public static ObjectMapper strict(ObjectMapper lenient) {
    ObjectMapper strict = lenient.copy();
    strict
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    strict.setDefaultLeniency(OptBoolean.FALSE.asBoolean());
    strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    refuse(strict, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float);
    refuse(strict, LogicalType.Textual, CoercionInputShape.Boolean);
    refuse(strict, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float);
    refuse(strict, LogicalType.Integer, CoercionInputShape.Boolean);
    refuse(strict, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
    refuse(strict, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer);
    refuse(strict, LogicalType.Enum, CoercionInputShape.Integer);
    SimpleModule input = new SimpleModule("request-input");
    NormalisedText.register(input);
    input.addDeserializer(LocalDate.class, new IsoDateOnly());
    strict.registerModule(input);
    return strict;
  }

  private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
    }
  }

  /** A date is an ISO string, exactly: not an array, a number or a padded string. */
  private static final class IsoDateOnly extends StdScalarDeserializer<LocalDate> {
    IsoDateOnly() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
      }
      try {
        return LocalDate.parse(p.getText());
      } catch (DateTimeParseException e) {
        return (LocalDate)
            ctxt.handleWeirdStringValue(
                LocalDate.class, p.getText(), "not a date written YYYY-MM-DD");
      }
    }
  }
}
