package org.partnershiptracker.command.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.partnershiptracker.events.value.MeetingId;
import org.partnershiptracker.events.value.MilestoneId;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.PersonId;
import org.partnershiptracker.events.value.ProjectId;
import org.partnershiptracker.events.value.QuickWinId;
import org.partnershiptracker.events.value.RoleId;

/**
 * Rules for ids that enter the history through a request, on top of the form every id has ({@code
 * Identifier}): an id starts with a letter or a digit (so that no id becomes a formula in a
 * spreadsheet: {@code -}, {@code +}, {@code =}, {@code @}), and a person id does not look like a
 * name or an address ({@code Jane.Doe}, {@code jane.doe:example.org}). They apply to request bodies
 * only: ids already in the history keep reading as they were recorded.
 */
public final class InputIds {
  private static final Pattern FIRST_CHARACTER = Pattern.compile("[A-Za-z0-9].*", Pattern.DOTALL);
  private static final Pattern NAME_LIKE = Pattern.compile("[A-Za-z]+[._][A-Za-z]+");
  private static final Pattern WITH_DOMAIN =
      Pattern.compile(".*:[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+", Pattern.DOTALL);

  private InputIds() {}

  public static void register(SimpleModule module) {
    add(module, PartnershipId.class, PartnershipId::of, false);
    add(module, OrganisationId.class, OrganisationId::of, false);
    add(module, ProjectId.class, ProjectId::of, false);
    add(module, MilestoneId.class, MilestoneId::of, false);
    add(module, MeetingId.class, MeetingId::of, false);
    add(module, QuickWinId.class, QuickWinId::of, false);
    add(module, RoleId.class, RoleId::of, false);
    add(module, PersonId.class, PersonId::of, true);
  }

  /** Refuses an id a request may not bring; returns it unchanged otherwise. */
  public static String check(String id, boolean person) {
    if (!FIRST_CHARACTER.matcher(id).matches()) {
      throw new IllegalArgumentException("an id must start with a letter or a digit");
    }
    if (person && (NAME_LIKE.matcher(id).matches() || WITH_DOMAIN.matcher(id).matches())) {
      throw new IllegalArgumentException(
          "a person id is a pseudonym, never a name or an address (got '" + id + "')");
    }
    return id;
  }

  private static <I> void add(
      SimpleModule module, Class<I> type, Function<String, I> idOf, boolean person) {
    module.addDeserializer(
        type,
        new StdScalarDeserializer<I>(type) {
          @Override
          public I deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
              return type.cast(ctxt.handleUnexpectedToken(type, p));
            }
            String id = p.getText();
            // The value type checks the form; then the input rules.
            I value = idOf.apply(id);
            check(id, person);
            return value;
          }
        });
  }
}
