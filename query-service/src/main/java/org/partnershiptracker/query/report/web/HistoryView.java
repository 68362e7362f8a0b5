package org.partnershiptracker.query.report.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The history page's model: a row per recorded event, in the event store's order, with the fields
 * of its payload as text (the partnership's own id left out: the page is about it).
 *
 * @param partnershipId the partnership
 * @param back the partnership page (as of the day the reader came from, if any)
 * @param rows the events
 */
public record HistoryView(String partnershipId, String back, List<Row> rows) {
  private static final DateTimeFormatter RECORDED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * One event. {@code meetingId} is set for a meeting, so that the partnership page's links land on
   * it.
   */
  public record Row(
      long position,
      String eventId,
      String recordedAt,
      String type,
      String recordedBy,
      List<Field> fields,
      String people,
      String meetingId) {}

  /** A payload field: its name and its value as text. */
  public record Field(String name, String value) {}

  static HistoryView of(String partnershipId, String back, JsonNode entries) {
    List<Row> rows = new ArrayList<>();
    for (JsonNode entry : entries) {
      JsonNode payload = entry.path("payload");
      String type = entry.path("type").asText("");
      rows.add(
          new Row(
              entry.path("position").asLong(-1),
              entry.path("eventId").asText(""),
              recordedAt(entry.path("timestamp")),
              type,
              recordedBy(entry),
              fields(payload),
              people(entry.path("people")),
              "MeetingHeld".equals(type) && payload.hasNonNull("meetingId")
                  ? payload.get("meetingId").asText()
                  : null));
    }
    return new HistoryView(partnershipId, back, rows);
  }

  private static String recordedAt(JsonNode timestamp) {
    if (!timestamp.isTextual()) {
      return timestamp.isNumber()
          ? RECORDED.format(Instant.ofEpochMilli((long) (timestamp.asDouble() * 1000)))
          : "";
    }
    try {
      return RECORDED.format(Instant.parse(timestamp.asText()));
    } catch (java.time.format.DateTimeParseException e) {
      return timestamp.asText();
    }
  }

  private static String recordedBy(JsonNode entry) {
    String who = entry.path("recordedBy").asText("");
    String organisation = entry.path("recordedByOrganisation").asText("");
    if (who.isEmpty() && organisation.isEmpty()) {
      return "";
    }
    return organisation.isEmpty() ? who : who + " (" + organisation + ")";
  }

  private static List<Field> fields(JsonNode payload) {
    List<Field> fields = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> each = payload.fields();
    while (each.hasNext()) {
      Map.Entry<String, JsonNode> field = each.next();
      if (field.getKey().equals("partnershipId") || field.getValue().isNull()) {
        continue;
      }
      String text = text(field.getValue());
      if (!text.isEmpty()) {
        fields.add(new Field(field.getKey(), text));
      }
    }
    return fields;
  }

  /** Scalars as they are; a list item by item ("; "); an object's values one after another. */
  private static String text(JsonNode value) {
    if (value.isArray()) {
      return StreamSupport.stream(value.spliterator(), false)
          .map(HistoryView::text)
          .filter(s -> !s.isEmpty())
          .collect(Collectors.joining("; "));
    }
    if (value.isObject()) {
      return StreamSupport.stream(value.spliterator(), false)
          .filter(v -> !v.isNull())
          .map(HistoryView::text)
          .collect(Collectors.joining(" "));
    }
    return value.isNull() ? "" : value.asText();
  }

  private static String people(JsonNode people) {
    List<String> names = new ArrayList<>();
    people.forEach(name -> names.add(name.asText()));
    return String.join(", ", names);
  }
}
