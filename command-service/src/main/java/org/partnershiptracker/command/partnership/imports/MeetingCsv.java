package org.partnershiptracker.command.partnership.imports;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.partnershiptracker.command.partnership.web.PartnershipRequests.AttendeeGroup;
import org.partnershiptracker.command.partnership.web.PartnershipRequests.Meeting;
import org.partnershiptracker.events.value.AttendeeLevel;
import org.partnershiptracker.events.value.MeetingId;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.ProjectId;

/**
 * A CSV file of meetings (RFC 4180, UTF-8, a header row naming the columns in any order) read into
 * the same {@link Meeting} requests the JSON endpoint takes and checked by the same validator.
 * Cells are read as strictly as JSON values: no padding, no other date form than YYYY-MM-DD, enum
 * names exactly, whole numbers only. A row without a meetingId gets one derived from the
 * partnership and the row's content, so the same row imported again names the same meeting.
 */
final class MeetingCsv {
  static final String MEETING_ID = "meetingId";
  static final String HELD_ON = "heldOn";
  static final String TYPE = "type";
  static final String DURATION = "durationMinutes";
  static final String HOST = "hostOrganisationId";
  static final String PROJECT = "projectId";
  static final String ATTENDEES = "attendees";

  /** The columns in the template's order. */
  static final List<String> COLUMNS =
      List.of(MEETING_ID, HELD_ON, TYPE, DURATION, HOST, PROJECT, ATTENDEES);

  /** Columns a file may leave out (every row then leaves the value out). */
  static final List<String> OPTIONAL = List.of(MEETING_ID, PROJECT);

  /** The column {@code errors[]} names for a problem with a whole row. */
  static final String WHOLE_ROW = "*";

  static final String TEMPLATE =
      String.join(",", COLUMNS)
          + "\r\n"
          + "steering-2025-03-04,2025-03-04,STEERING,90,north-council,,"
          + "north-council:SENIOR_LEADER:2;uni:RESEARCHER:3\r\n";

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
  private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,9}");

  /** One row of the file that is a valid meeting; {@code row} counts the header as row 1. */
  record Row(long row, Meeting meeting) {}

  /** What is wrong with one cell ({@code column} is {@link #WHOLE_ROW} for the whole row). */
  record RowError(long row, String column, String message) {
    Map<String, Object> asMap() {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("row", row);
      error.put("column", column);
      error.put("message", message);
      return error;
    }
  }

  /** Every row as a meeting, or every error of every row. */
  record Parsed(List<Row> rows, List<RowError> errors) {}

  private final Validator validator;

  MeetingCsv(Validator validator) {
    this.validator = validator;
  }

  Parsed read(PartnershipId partnership, String text) {
    List<RowError> errors = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    long lastRow = 0;
    try (CSVParser parser =
        CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
      Map<String, Integer> columns = null;
      Map<String, Long> rowOfId = new HashMap<>();
      for (CSVRecord record : parser) {
        long row = record.getRecordNumber();
        lastRow = row;
        if (columns == null) {
          columns = header(record, errors);
          if (columns == null) {
            return new Parsed(List.of(), errors);
          }
          continue;
        }
        if (record.size() == 1 && record.get(0).isEmpty()) {
          continue; // an empty line: skipped, but counted, so row numbers stay those of the file
        }
        if (record.size() != columns.size()) {
          errors.add(
              new RowError(
                  row,
                  WHOLE_ROW,
                  "has " + record.size() + " values; the header row names " + columns.size()));
          continue;
        }
        Row meeting = row(partnership, record, columns, errors);
        if (meeting != null) {
          String id = meeting.meeting().meetingId().value();
          Long first = rowOfId.putIfAbsent(id, row);
          if (first != null) {
            boolean given = !cell(record, columns, MEETING_ID).isEmpty();
            errors.add(
                new RowError(
                    row,
                    given ? MEETING_ID : WHOLE_ROW,
                    given
                        ? "is the meetingId of row " + first + " too: a meeting is imported once"
                        : "records the same meeting as row "
                            + first
                            + "; give each a meetingId to record two such meetings"));
          } else {
            rows.add(meeting);
          }
        }
      }
      if (columns == null) {
        errors.add(
            new RowError(1, WHOLE_ROW, "the file is empty: its first row names the columns"));
      } else if (rows.isEmpty() && errors.isEmpty()) {
        errors.add(new RowError(2, WHOLE_ROW, "the file has no meetings after its header row"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | UncheckedIOException e) {
      // commons-csv: a quote left open, a character after a closing quote
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      errors.add(new RowError(lastRow + 1, WHOLE_ROW, "is not CSV: " + why));
    }
    errors.sort(Comparator.comparingLong(RowError::row));
    return new Parsed(errors.isEmpty() ? rows : List.of(), errors);
  }

  /** Column name to position, or null (and errors for row 1) if the header row is not usable. */
  private static Map<String, Integer> header(CSVRecord record, List<RowError> errors) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    int before = errors.size();
    for (int i = 0; i < record.size(); i++) {
      String name = record.get(i);
      if (!COLUMNS.contains(name)) {
        errors.add(
            new RowError(
                1, name, "is not a column of a meeting import (its columns: " + COLUMNS + ")"));
      } else if (columns.putIfAbsent(name, i) != null) {
        errors.add(new RowError(1, name, "appears more than once"));
      }
    }
    for (String column : COLUMNS) {
      if (!columns.containsKey(column) && !OPTIONAL.contains(column)) {
        errors.add(new RowError(1, column, "is missing from the header row"));
      }
    }
    return errors.size() == before ? columns : null;
  }

  private static String cell(CSVRecord record, Map<String, Integer> columns, String column) {
    Integer at = columns.get(column);
    return at == null ? "" : record.get(at);
  }

  /** The row as a valid meeting, or null after adding its errors. */
  private Row row(
      PartnershipId partnership,
      CSVRecord record,
      Map<String, Integer> columns,
      List<RowError> errors) {
    long row = record.getRecordNumber();
    Map<String, String> wrong = new LinkedHashMap<>();
    MeetingId meetingId = value(record, columns, MEETING_ID, wrong, MeetingId::of);
    LocalDate heldOn = value(record, columns, HELD_ON, wrong, MeetingCsv::date);
    MeetingType type = value(record, columns, TYPE, wrong, v -> named(MeetingType.class, v));
    Integer duration = value(record, columns, DURATION, wrong, MeetingCsv::wholeNumber);
    OrganisationId host = value(record, columns, HOST, wrong, OrganisationId::of);
    ProjectId project = value(record, columns, PROJECT, wrong, ProjectId::of);
    List<AttendeeGroup> attendees = value(record, columns, ATTENDEES, wrong, MeetingCsv::attendees);
    if (duration == null && !wrong.containsKey(DURATION)) {
      wrong.put(DURATION, "is required");
    }
    if (meetingId == null && !wrong.containsKey(MEETING_ID)) {
      meetingId = derivedId(partnership, record, columns);
    }
    Meeting meeting =
        new Meeting(
            meetingId, type, heldOn, duration == null ? 0 : duration, host, attendees, project);
    java.util.Set<String> unreadable = java.util.Set.copyOf(wrong.keySet());
    for (ConstraintViolation<Meeting> violation : validator.validate(meeting)) {
      String column = null;
      StringBuilder where = new StringBuilder();
      for (Path.Node node : violation.getPropertyPath()) {
        if (column == null) {
          column = node.getName();
        } else {
          if (node.getIndex() != null) {
            where.append("group ").append(node.getIndex() + 1).append(' ');
          }
          if (node.getName() != null && !node.getName().startsWith("<")) {
            where.append(node.getName()).append(' ');
          }
        }
      }
      if (column == null || column.isEmpty()) {
        column = WHOLE_ROW;
      }
      if (unreadable.contains(column)) {
        continue; // the value could not be read; what the validator says of its absence is noise
      }
      String message =
          where.length() == 0 ? violation.getMessage() : where + violation.getMessage();
      wrong.merge(column, message, (a, b) -> a.equals(b) ? a : a + "; " + b);
    }
    if (wrong.isEmpty()) {
      return new Row(row, meeting);
    }
    wrong.forEach((column, message) -> errors.add(new RowError(row, column, message)));
    return null;
  }

  /** A cell's value (null when empty); a value its type refuses is noted under its column. */
  private static <T> T value(
      CSVRecord record,
      Map<String, Integer> columns,
      String column,
      Map<String, String> wrong,
      Function<String, T> read) {
    String text = cell(record, columns, column);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return read.apply(text);
    } catch (IllegalArgumentException e) {
      wrong.put(column, String.valueOf(e.getMessage()));
      return null;
    }
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("is not a date written YYYY-MM-DD");
    }
  }

  private static int wholeNumber(String text) {
    if (!WHOLE_NUMBER.matcher(text).matches()) {
      throw new IllegalArgumentException("must be a whole number");
    }
    return Integer.parseInt(text);
  }

  private static <E extends Enum<E>> E named(Class<E> type, String text) {
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  /**
   * {@code organisation:LEVEL:count} groups separated by {@code ;}. An organisation id may itself
   * hold {@code :}, so the level and count are the last two parts.
   */
  private static List<AttendeeGroup> attendees(String text) {
    List<AttendeeGroup> groups = new ArrayList<>();
    String[] parts = text.split(";", -1);
    for (int i = 0; i < parts.length; i++) {
      String group = parts[i];
      int countAt = group.lastIndexOf(':');
      int levelAt = countAt <= 0 ? -1 : group.lastIndexOf(':', countAt - 1);
      if (levelAt <= 0) {
        throw new IllegalArgumentException(
            "group "
                + (i + 1)
                + " ('"
                + group
                + "') is not organisation:LEVEL:count (groups separated by ';')");
      }
      try {
        groups.add(
            new AttendeeGroup(
                OrganisationId.of(group.substring(0, levelAt)),
                named(AttendeeLevel.class, group.substring(levelAt + 1, countAt)),
                wholeNumber(group.substring(countAt + 1))));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "group " + (i + 1) + " ('" + group + "'): " + e.getMessage());
      }
    }
    return groups;
  }

  /** The same partnership and the same values (whatever the columns' order) give the same id. */
  private static MeetingId derivedId(
      PartnershipId partnership, CSVRecord record, Map<String, Integer> columns) {
    StringBuilder content = new StringBuilder(partnership.value());
    for (String column : COLUMNS) {
      if (!column.equals(MEETING_ID)) {
        content.append('\n').append(column).append('=').append(cell(record, columns, column));
      }
    }
    UUID id = UUID.nameUUIDFromBytes(content.toString().getBytes(StandardCharsets.UTF_8));
    return MeetingId.of("meeting-" + id);
  }
}
