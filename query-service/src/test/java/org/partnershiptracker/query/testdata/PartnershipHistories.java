package org.partnershiptracker.query.testdata;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.partnershiptracker.query.partnership.model.RecordedEvent;

/**
 * Random but valid partnership histories: one partnership's events in store (position) order, as
 * the command side would have accepted them (see HistoryGenerator for the rules followed).
 *
 * <p>What a history holds: PartnershipFormed; 2..6 founding partners of mixed sectors (always a
 * public-sector one, usually a university, sometimes a private firm), later leaving (their held
 * roles vacated first) and rejoining; a role of every RoleType, reassigned, vacated and designated
 * again; meetings (about two thirds of the events) of every type and attendee level; pulse surveys;
 * quick wins; projects whose data sharing agreements are drafted, revised by several partners,
 * signed, expired, started with and without every signature, with milestones of every horizon (ids
 * m1, m2… in every project) rescheduled, achieved on time and late, missed or left open; projects
 * completed or abandoned; in about 5% of histories a closing PartnershipClosed.
 *
 * <p>Business dates never precede formation; about one event in ten is recorded late (dated before
 * events stored earlier); some days have several events; some histories have gaps of months. Ids:
 * eventId {@code <partnershipId>-e<position>}; sequenceNumber counts from 0 per aggregate (the
 * partnership, or the project for ProjectEvents), as Axon does; recordedAt strictly increases.
 */
public final class PartnershipHistories {
  private static final LocalDate EARLIEST_FORMATION = LocalDate.of(2021, 1, 4);

  private PartnershipHistories() {}

  /**
   * jqwik: one partnership's history, 0..~400 events, in store order. Built on {@link #generate}
   * with a chosen seed, size (one in ten under 10, 0 included), formation date and span (3 weeks to
   * 3 years); shrinking shrinks these parameters, not the events.
   */
  public static Arbitrary<List<RecordedEvent>> histories() {
    Arbitrary<Long> seeds = Arbitraries.longs();
    Arbitrary<Integer> sizes =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.integers().between(0, 9)),
            Tuple.of(4, Arbitraries.integers().between(10, 100)),
            Tuple.of(5, Arbitraries.integers().between(100, 400)));
    Arbitrary<LocalDate> formations =
        Arbitraries.integers().between(0, 4 * 365).map(EARLIEST_FORMATION::plusDays);
    Arbitrary<Integer> spans =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.integers().between(21, 90)),
            Tuple.of(2, Arbitraries.integers().between(90, 365)),
            Tuple.of(3, Arbitraries.integers().between(365, 3 * 365)));
    return Combinators.combine(seeds, sizes, formations, spans)
        .as(
            (seed, size, formedOn, span) ->
                generate(
                    new Random(seed),
                    "ps-" + Long.toHexString(seed),
                    size,
                    formedOn,
                    formedOn.plusDays(span)))
        // Edge cases of the parameters (extreme seeds, sizes 0/9/10…) would crowd out ordinary
        // histories.
        .withoutEdgeCases();
  }

  /**
   * Seeded, fast, for benchmarks: at least {@code events} events (a leaving partner's role
   * vacations may add a few more) for the partnership, business dates between formedOn and until,
   * positions from 1. Meant for {@code events >= 10}; fewer give the start of a history (0 gives
   * none).
   */
  public static List<RecordedEvent> generate(
      Random random, String partnershipId, int events, LocalDate formedOn, LocalDate until) {
    return generate(random, partnershipId, events, formedOn, until, 1);
  }

  /**
   * As {@link #generate(Random, String, int, LocalDate, LocalDate)}, positions from {@code
   * firstPosition}: to lay several partnerships' histories end to end in one store.
   */
  public static List<RecordedEvent> generate(
      Random random,
      String partnershipId,
      int events,
      LocalDate formedOn,
      LocalDate until,
      long firstPosition) {
    return new HistoryGenerator(random, partnershipId, events, formedOn, until, firstPosition)
        .run();
  }
}
