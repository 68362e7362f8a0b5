package org.partnershiptracker.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.partnershiptracker.query.interaction.model.Granularity;
import org.partnershiptracker.query.interaction.model.InteractionFrequencyCalculator;
import org.partnershiptracker.query.milestone.model.MilestoneCalculator;
import org.partnershiptracker.query.milestone.model.MilestoneStatus;
import org.partnershiptracker.query.partnership.model.EventRef;
import org.partnershiptracker.query.partnership.model.MeetingKeys;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;
import org.partnershiptracker.query.partnership.model.RecordedEvent;
import org.partnershiptracker.query.report.model.PartnershipReport;
import org.partnershiptracker.query.testdata.PartnershipHistories;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile;

/**
 * The oracle: for random valid histories, written to the materialised documents in random batches
 * with redeliveries, every figure of trust, interactions, milestones, the report and the portfolio
 * row equals what the reference fold over every event gives, for random dates, windows, ranges and
 * granularities; and every score names the same events behind it, each as it was recorded (its
 * type, day and recording organisation).
 */
class ReadModelsMatchTheFoldProperties {
  private static ReadModelFixture fixture;

  @BeforeContainer
  static void start() {
    fixture = new ReadModelFixture();
  }

  @AfterContainer
  static void stop() {
    fixture.close();
  }

  record Question(
      long seed,
      int asOfOffset,
      int windowDays,
      int fromOffset,
      int rangeDays,
      Granularity granularity,
      MilestoneStatus status) {}

  @Provide
  Arbitrary<List<Question>> questions() {
    return question().list().ofMinSize(1).ofMaxSize(6);
  }

  private Arbitrary<Question> question() {
    return Combinators.combine(
            Arbitraries.longs(),
            Arbitraries.integers().between(-30, 1200),
            Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(90)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(7, 800))),
            Arbitraries.integers().between(-60, 1200),
            Arbitraries.integers().between(0, 900),
            Arbitraries.of(Granularity.class),
            Arbitraries.of(MilestoneStatus.class).injectNull(0.5))
        .as(Question::new);
  }

  @Provide
  Arbitrary<List<RecordedEvent>> histories() {
    return PartnershipHistories.histories().filter(h -> !h.isEmpty());
  }

  @Property(tries = 150)
  void everyFigureEqualsTheFold(
      @ForAll("histories") List<RecordedEvent> history,
      @ForAll("questions") List<Question> questions) {
    fixture.empty();
    String partnershipId = history.get(0).event().partnershipId().value();
    LocalDate formed = history.get(0).event().occurredOn();
    LocalDate today = formed.plusDays(questions.get(0).asOfOffset());
    writeInRandomBatchesWithRedeliveries(
        history, new Random(history.size() * 31L + questions.size()), today);

    Map<String, RecordedEvent> byId = new HashMap<>();
    history.forEach(e -> byId.put(e.eventId(), e));
    for (Question q : questions) {
      LocalDate asOf = formed.plusDays(q.asOfOffset());
      PartnershipFacts asOfFacts = PartnershipFacts.of(history, asOf);
      TrustBuildingProfile folded = fixture.trust.calculate(asOfFacts, asOf, q.windowDays());
      TrustBuildingProfile stored =
          fixture.readModels.trust(partnershipId, asOf, q.windowDays()).orElseThrow();
      assertThat(eventsBehindEachScore(stored))
          .as("the events behind every score as of %s over %d days", asOf, q.windowDays())
          .isEqualTo(eventsBehindEachScore(folded));
      assertThat(stored).as("trust as of %s over %d days", asOf, q.windowDays()).isEqualTo(folded);
      eventsBehindEachScore(folded)
          .values()
          .forEach(
              refs ->
                  assertThat(refs)
                      .as("each is a recorded event as it was recorded, in the order of days")
                      .allSatisfy(ref -> isTheRecordedEvent(ref, byId.get(ref.eventId())))
                      .isSortedAccordingTo(java.util.Comparator.comparing(EventRef::on)));
      assertThat(fixture.readModels.milestones(partnershipId, asOf, q.status()))
          .as("milestones as of %s", asOf)
          .contains(MilestoneCalculator.calculate(asOfFacts, asOf, q.status()));
      assertThat(
              fixture
                  .readModels
                  .reportFacts(partnershipId, asOf)
                  .map(f -> PartnershipReport.of(f, asOf, fixture.trust)))
          .as("report as of %s", asOf)
          .contains(PartnershipReport.of(asOfFacts, asOf, fixture.trust));

      LocalDate from = formed.plusDays(q.fromOffset());
      LocalDate to = from.plusDays(q.rangeDays());
      assertThat(fixture.readModels.interactions(partnershipId, from, to, q.granularity()))
          .as("interactions %s..%s by %s", from, to, q.granularity())
          .contains(
              InteractionFrequencyCalculator.calculate(
                  PartnershipFacts.of(history, to), from, to, q.granularity()));
    }

    Portfolio.Row row =
        fixture.portfolio(today).rows().stream()
            .filter(r -> r.partnershipId().equals(partnershipId))
            .findFirst()
            .orElseThrow();
    PartnershipFacts todayFacts = PartnershipFacts.of(history, today);
    var profile = fixture.trust.calculate(todayFacts, today, null);
    assertThat(row.trustIndex()).isEqualTo(profile.index());
    assertThat(row.band()).isEqualTo(profile.band());
    assertThat(row.eventCount()).isEqualTo(history.size());
    assertThat(row.daysSinceLastInteraction())
        .isEqualTo(
            todayFacts
                .activity()
                .lastDay(MeetingKeys.ANY, today)
                .map(d -> ChronoUnit.DAYS.between(d, today))
                .orElse(null));
    assertThat(row.overdueMilestones())
        .isEqualTo(
            MilestoneCalculator.calculate(todayFacts, today, null)
                .totals()
                .get(MilestoneStatus.OVERDUE));
    assertThat(row.trend())
        .as("the stored 12-month trend: the fold's index as of each month, none before formation")
        .containsExactlyElementsOf(fixture.foldedTrend(history, today));
  }

  /** Per profile (the partnership, each partner) and practice, the events behind the score. */
  private static Map<String, List<EventRef>> eventsBehindEachScore(TrustBuildingProfile profile) {
    Map<String, List<EventRef>> events = new LinkedHashMap<>();
    profile.scores().forEach(s -> events.put(s.code(), s.events()));
    profile
        .organisations()
        .forEach(
            o ->
                o.scores()
                    .forEach(s -> events.put(o.organisationId() + " " + s.code(), s.events())));
    return events;
  }

  private static void isTheRecordedEvent(EventRef ref, RecordedEvent recorded) {
    assertThat(recorded).as("event %s is in the history", ref.eventId()).isNotNull();
    assertThat(ref.type()).isEqualTo(recorded.event().getClass().getSimpleName());
    assertThat(ref.on()).isEqualTo(recorded.event().occurredOn());
    assertThat(ref.recordedByOrganisation()).isEqualTo(recorded.recordedByOrganisation());
    assertThat(ref.organisationIds()).isNotEmpty();
  }

  /**
   * Batches of 1 to 60 events; now and then a batch is delivered again, as after a crash or a
   * publisher retry, and the portfolio is read between batches, so that what it computed and kept
   * (its rows' trends) must give way to events that arrive later, back-dated ones included.
   */
  private static void writeInRandomBatchesWithRedeliveries(
      List<RecordedEvent> history, Random random, LocalDate today) {
    ReadModelWriter writer = new ReadModelWriter(fixture.store, 1);
    int at = 0;
    while (at < history.size()) {
      int size = 1 + random.nextInt(60);
      List<RecordedEvent> batch = history.subList(at, Math.min(history.size(), at + size));
      ReadModelWriter.Outcome outcome = writer.write(fixture.incoming(batch), Map.of());
      assertThat(outcome.applied()).isEqualTo(batch.size());
      if (random.nextInt(5) == 0) {
        if (random.nextBoolean()) {
          writer.forget(); // a restarted writer reads the heads back
        }
        ReadModelWriter.Outcome again =
            writer.write(fixture.incoming(new ArrayList<>(batch)), Map.of());
        assertThat(again.applied()).isZero();
        assertThat(again.duplicates()).isEqualTo(batch.size());
        assertThat(again.setAside()).isEmpty();
      }
      at += size;
      if (random.nextInt(4) == 0) {
        fixture.portfolio(today).rows();
      }
    }
  }
}
