package org.partnershiptracker.query.readmodel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.bson.Document;
import org.partnershiptracker.events.partnership.MeetingHeld;
import org.partnershiptracker.events.partnership.PulseSurveyAnswered;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.query.partnership.model.Activity;
import org.partnershiptracker.query.partnership.model.MeetingKeys;
import org.partnershiptracker.query.partnership.model.Traced;

/**
 * A partnership's activity read from the documents of the months a query covers, plus the yearly
 * index of last meeting days for what happened before them: a bounded number of reads by id,
 * whatever the length of the history. Answers only about days in the loaded months.
 */
final class StoredActivity implements Activity {
  private final ReadModelStore store;
  private final int generation;
  private final PartnershipHead head;
  private final LocalDate firstLoaded;
  private final LocalDate lastLoaded;
  private final List<Traced<MeetingHeld>> meetings;
  private final List<Traced<PulseSurveyAnswered>> surveys;

  /** Index documents by year, read on first need (shared with lenses). */
  private final Map<Integer, Document> indexByYear;

  /** The organisation a lens sees from ({@link #seenBy}), or null. */
  private final String lens;

  /** The loaded meetings' days per key, in order: built once, on first need. */
  private Map<String, java.util.TreeSet<LocalDate>> daysByKey;

  private StoredActivity(
      ReadModelStore store,
      int generation,
      PartnershipHead head,
      LocalDate firstLoaded,
      LocalDate lastLoaded,
      List<Traced<MeetingHeld>> meetings,
      List<Traced<PulseSurveyAnswered>> surveys,
      Map<Integer, Document> indexByYear,
      String lens) {
    this.lens = lens;
    this.store = store;
    this.generation = generation;
    this.head = head;
    this.firstLoaded = firstLoaded;
    this.lastLoaded = lastLoaded;
    this.meetings = meetings;
    this.surveys = surveys;
    this.indexByYear = indexByYear;
  }

  /**
   * Reads the activity of the whole months that overlap {@code [from, to]}, months already read
   * coming from the cache, and the yearly index documents once for every load sharing {@code
   * indexByYear} (the loads of one head version, in one thread: a trend's monthly folds).
   */
  static StoredActivity load(
      ReadModelStore store,
      int generation,
      PartnershipHead head,
      LocalDate from,
      LocalDate to,
      ActivityCache cache,
      Map<Integer, Document> indexByYear) {
    List<Traced<MeetingHeld>> meetings = new ArrayList<>();
    List<Traced<PulseSurveyAnswered>> surveys = new ArrayList<>();
    for (Map.Entry<Integer, Integer> month :
        head.months.subMap(month(from), true, month(to), true).entrySet()) {
      ActivityCache.Month read =
          cache.get(
              generation,
              head.partnershipId,
              month.getKey(),
              month.getValue(),
              () ->
                  readMonth(
                      store, generation, head.partnershipId, month.getKey(), month.getValue()));
      meetings.addAll(read.meetings());
      surveys.addAll(read.surveys());
    }
    return new StoredActivity(
        store,
        generation,
        head,
        from.withDayOfMonth(1),
        to.withDayOfMonth(to.lengthOfMonth()),
        meetings,
        surveys,
        indexByYear,
        null);
  }

  /** A month's parts, each entry once. */
  private static ActivityCache.Month readMonth(
      ReadModelStore store, int generation, String partnershipId, int month, int entries) {
    PartnershipId id = PartnershipId.of(partnershipId);
    List<Traced<MeetingHeld>> meetings = new ArrayList<>();
    List<Traced<PulseSurveyAnswered>> surveys = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, org.partnershiptracker.events.value.OrganisationId> organisations = new HashMap<>();
    // A part counted but missing was counted by a batch that a crash cut short: its replay wrote
    // the entries elsewhere.
    List<String> ids = ReadModelStore.partIds(partnershipId, month, entries);
    for (Document bucket : ReadModelStore.byIds(store.activity(generation), ids)) {
      for (Document entry : bucket.getList("m", Document.class, List.of())) {
        if (seen.add(entry.getString(ActivityCodec.EVENT_ID))) {
          meetings.add(
              ActivityCodec.traced(entry, ActivityCodec.meeting(id, entry, organisations)));
        }
      }
      for (Document entry : bucket.getList("s", Document.class, List.of())) {
        if (seen.add(entry.getString(ActivityCodec.EVENT_ID))) {
          surveys.add(ActivityCodec.traced(entry, ActivityCodec.survey(id, entry, organisations)));
        }
      }
    }
    return new ActivityCache.Month(List.copyOf(meetings), List.copyOf(surveys));
  }

  static int month(LocalDate day) {
    return day.getYear() * 100 + day.getMonthValue();
  }

  private void checkLoaded(LocalDate from, LocalDate to) {
    if (from.isBefore(firstLoaded) || to.isAfter(lastLoaded)) {
      throw new IllegalArgumentException(
          "activity loaded for "
              + firstLoaded
              + ".."
              + lastLoaded
              + ", asked for "
              + from
              + ".."
              + to);
    }
  }

  @Override
  public List<Traced<MeetingHeld>> tracedMeetings(LocalDate from, LocalDate to) {
    checkLoaded(from, to);
    return Activity.heldBetween(meetings, from, to);
  }

  @Override
  public List<Traced<PulseSurveyAnswered>> tracedSurveys(LocalDate from, LocalDate to) {
    checkLoaded(from, to);
    return Activity.answeredBetween(surveys, from, to);
  }

  @Override
  public Optional<LocalDate> lastDay(String key, LocalDate day) {
    checkLoaded(day, day);
    // The index is kept per kind of meeting, not per organisation: a lens answers only for kinds
    // that name it.
    if (lens != null && !key.equals(MeetingKeys.onSite(lens))) {
      throw new UnsupportedOperationException(
          "a partner's view has the last day of its own on-site days only, not " + key);
    }
    java.util.TreeSet<LocalDate> days = daysByKey().get(key);
    LocalDate loaded = days == null ? null : days.floor(day);
    return loaded != null ? Optional.of(loaded) : lastDayBeforeLoaded(key);
  }

  private Map<String, java.util.TreeSet<LocalDate>> daysByKey() {
    if (daysByKey == null) {
      daysByKey = new HashMap<>();
      for (Traced<MeetingHeld> traced : meetings) {
        MeetingHeld meeting = traced.event();
        for (String key : MeetingKeys.of(meeting)) {
          daysByKey.computeIfAbsent(key, k -> new java.util.TreeSet<>()).add(meeting.heldOn());
        }
      }
    }
    return daysByKey;
  }

  /** From the index: the key's last day in the latest month before the loaded ones. */
  private Optional<LocalDate> lastDayBeforeLoaded(String key) {
    int firstMonth = month(firstLoaded);
    for (int year : head.years.headSet(firstLoaded.getYear(), true).descendingSet()) {
      Document index = index(year);
      for (int monthOfYear = 12; monthOfYear >= 1; monthOfYear--) {
        if (year * 100 + monthOfYear >= firstMonth) {
          continue;
        }
        Number day = (Number) index.get(IndexFields.field(key, monthOfYear));
        if (day != null) {
          return Optional.of(LocalDate.ofEpochDay(day.longValue()));
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public SortedSet<String> pairsMet(LocalDate day) {
    checkLoaded(day, day);
    SortedSet<String> pairs = new TreeSet<>();
    daysByKey()
        .forEach(
            (key, days) -> {
              if (MeetingKeys.isPair(key) && !days.first().isAfter(day)) {
                pairs.add(key);
              }
            });
    int firstMonth = month(firstLoaded);
    for (int year : head.years.headSet(firstLoaded.getYear(), true)) {
      for (String field : index(year).keySet()) {
        IndexFields.Parsed parsed = IndexFields.parse(field);
        if (parsed != null
            && MeetingKeys.isPair(parsed.key())
            && year * 100 + parsed.month() < firstMonth) {
          pairs.add(parsed.key());
        }
      }
    }
    return pairs;
  }

  private Document index(int year) {
    return indexByYear.computeIfAbsent(
        year,
        y -> {
          Document doc =
              ReadModelStore.byId(
                  store.index(generation), ReadModelStore.indexId(head.partnershipId, y));
          return doc == null ? new Document() : doc;
        });
  }

  @Override
  public Activity seenBy(String organisationId) {
    Predicate<Traced<MeetingHeld>> involved =
        m -> MeetingKeys.participants(m.event()).contains(organisationId);
    List<Traced<PulseSurveyAnswered>> rated = Activity.givenOrReceivedBy(surveys, organisationId);
    StoredActivity lensView =
        new StoredActivity(
            store,
            generation,
            head,
            firstLoaded,
            lastLoaded,
            meetings.stream().filter(involved).toList(),
            rated,
            indexByYear,
            organisationId);
    lensView.daysByKey =
        daysByKey(); // on-site days of the organisation are keyed by it in the whole partnership's
    // days
    return lensView;
  }
}
