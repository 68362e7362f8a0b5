package org.partnershiptracker.command.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.text.Normalizer;

/**
 * Every string of a request body in Unicode NFC, so that the same text typed on two systems is the
 * same text in the history. {@link FreeText} then refuses what no person should write.
 */
public final class NormalisedText extends StringDeserializer {
  private NormalisedText() {}

  public static void register(SimpleModule module) {
    module.addDeserializer(String.class, new NormalisedText());
  }

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    String text = super.deserialize(p, ctxt);
    return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
  }
}
