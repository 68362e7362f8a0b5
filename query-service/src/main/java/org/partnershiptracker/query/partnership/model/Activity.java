package org.partnershiptracker.query.partnership.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.partnershiptracker.events.partnership.MeetingHeld;
import org.partnershiptracker.events.partnership.PulseSurveyAnswered;

/**
 * A partnership's meetings and pulse surveys: the part of its history that grows. The read models
 * ask for what fell in a range of days, plus the last day of a kind of meeting before a day. {@link
 * FoldedActivity} answers from every event (the reference), the materialised store from the
 * documents of the range and an index of last days; both must answer alike, each event with the
 * same {@link EventRef}.
 */
public interface Activity {
  /** Meetings held from {@code from} to {@code to}, both included, each with its reference. */
  List<Traced<MeetingHeld>> tracedMeetings(LocalDate from, LocalDate to);

  /** Pulse surveys answered from {@code from} to {@code to}, both included, with references. */
  List<Traced<PulseSurveyAnswered>> tracedSurveys(LocalDate from, LocalDate to);

  /** Meetings held from {@code from} to {@code to}, both included. */
  default List<MeetingHeld> meetings(LocalDate from, LocalDate to) {
    return Traced.events(tracedMeetings(from, to));
  }

  /** Pulse surveys answered from {@code from} to {@code to}, both included. */
  default List<PulseSurveyAnswered> surveys(LocalDate from, LocalDate to) {
    return Traced.events(tracedSurveys(from, to));
  }

  /**
   * The last day on or before {@code day} with a meeting of the given key (see {@link
   * MeetingKeys}).
   */
  Optional<LocalDate> lastDay(String key, LocalDate day);

  /**
   * The pair keys ({@link MeetingKeys#pair}) of organisations that had met on or before {@code
   * day}.
   */
  SortedSet<String> pairsMet(LocalDate day);

  /**
   * The same activity seen from one organisation: meetings it hosted or attended, surveys it gave
   * or was rated in.
   */
  Activity seenBy(String organisationId);

  /**
   * The meetings held from {@code from} to {@code to}, both included: one definition for every
   * implementation.
   */
  static List<Traced<MeetingHeld>> heldBetween(
      List<Traced<MeetingHeld>> meetings, LocalDate from, LocalDate to) {
    return meetings.stream()
        .filter(m -> !m.event().heldOn().isBefore(from) && !m.event().heldOn().isAfter(to))
        .toList();
  }

  /** The surveys answered from {@code from} to {@code to}, both included. */
  static List<Traced<PulseSurveyAnswered>> answeredBetween(
      List<Traced<PulseSurveyAnswered>> surveys, LocalDate from, LocalDate to) {
    return surveys.stream()
        .filter(s -> !s.event().answeredOn().isBefore(from) && !s.event().answeredOn().isAfter(to))
        .toList();
  }

  /** The surveys an organisation answered or was rated in: what a partner's view keeps. */
  static List<Traced<PulseSurveyAnswered>> givenOrReceivedBy(
      List<Traced<PulseSurveyAnswered>> surveys, String organisationId) {
    return surveys.stream()
        .filter(
            s ->
                s.event().respondentOrganisationId().value().equals(organisationId)
                    || s.event().aboutOrganisationId().value().equals(organisationId))
        .toList();
  }
}
