package org.partnershiptracker.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;
import org.partnershiptracker.query.partnership.model.RecordedEvent;
import org.partnershiptracker.query.testdata.PartnershipHistories;

/**
 * A rebuild's {@link Portfolio#refreshAll} computes the rows on several threads: every row is
 * stored, and each equals the fold of its history (today's index and the 12-month trend).
 */
class PortfolioRefreshTest {
  private static final ReadModelFixture fixture = new ReadModelFixture();
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  void everyRowIsStoredBeforeItReturnsAndEqualsTheFold() {
    fixture.empty();
    ReadModelWriter writer = new ReadModelWriter(fixture.store, 1);
    Random random = new Random(13);
    Map<String, List<RecordedEvent>> histories = new HashMap<>();
    for (int i = 0; i < 24; i++) {
      String id = "refresh-%02d".formatted(i);
      List<RecordedEvent> history =
          PartnershipHistories.generate(
              new Random(random.nextLong()),
              id,
              40 + random.nextInt(60),
              TODAY.minusDays(100 + random.nextInt(700)),
              TODAY);
      histories.put(id, history);
      writer.write(fixture.incoming(history), Map.of());
    }
    Portfolio portfolio = fixture.portfolio(TODAY);

    portfolio.refreshAll(1);

    long writes = fixture.store.writes();
    List<Portfolio.Row> rows = portfolio.rows();
    assertThat(fixture.store.writes())
        .as("every row was stored by refreshAll: reading them computes none")
        .isEqualTo(writes);
    assertThat(rows).extracting(Portfolio.Row::partnershipId).hasSameElementsAs(histories.keySet());
    for (Portfolio.Row row : rows) {
      List<RecordedEvent> history = histories.get(row.partnershipId());
      assertThat(row.trustIndex())
          .isEqualTo(
              fixture.trust.calculate(PartnershipFacts.of(history, TODAY), TODAY, null).index());
      assertThat(row.trend())
          .as("the trend of %s", row.partnershipId())
          .containsExactlyElementsOf(fixture.foldedTrend(history, TODAY));
    }
  }
}
