package org.partnershiptracker.query.partnership.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.partnershiptracker.events.partnership.MeetingHeld;
import org.partnershiptracker.events.partnership.PulseSurveyAnswered;

/**
 * Activity answered from every meeting and survey in memory: the simple, obviously right version.
 * The reference fold uses it; the materialised read models must agree with it.
 */
public final class FoldedActivity implements Activity {
  private final List<Traced<MeetingHeld>> meetings;
  private final List<Traced<PulseSurveyAnswered>> surveys;

  public FoldedActivity(
      List<Traced<MeetingHeld>> meetings, List<Traced<PulseSurveyAnswered>> surveys) {
    this.meetings = List.copyOf(meetings);
    this.surveys = List.copyOf(surveys);
  }

  @Override
  public List<Traced<MeetingHeld>> tracedMeetings(LocalDate from, LocalDate to) {
    return Activity.heldBetween(meetings, from, to);
  }

  @Override
  public List<Traced<PulseSurveyAnswered>> tracedSurveys(LocalDate from, LocalDate to) {
    return Activity.answeredBetween(surveys, from, to);
  }

  @Override
  public Optional<LocalDate> lastDay(String key, LocalDate day) {
    return meetings.stream()
        .map(Traced::event)
        .filter(m -> !m.heldOn().isAfter(day) && MeetingKeys.of(m).contains(key))
        .map(MeetingHeld::heldOn)
        .max(LocalDate::compareTo);
  }

  @Override
  public SortedSet<String> pairsMet(LocalDate day) {
    SortedSet<String> pairs = new TreeSet<>();
    meetings.stream()
        .map(Traced::event)
        .filter(m -> !m.heldOn().isAfter(day))
        .forEach(m -> MeetingKeys.of(m).stream().filter(MeetingKeys::isPair).forEach(pairs::add));
    return pairs;
  }

  @Override
  public Activity seenBy(String organisationId) {
    List<Traced<MeetingHeld>> own =
        meetings.stream()
            .filter(m -> MeetingKeys.participants(m.event()).contains(organisationId))
            .toList();
    return new FoldedActivity(own, Activity.givenOrReceivedBy(surveys, organisationId));
  }
}
