package org.partnershiptracker.query.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart's geometry: values scale into the plot, thresholds are drawn and labelled. */
class TrendChartTest {
  private static final List<LocalDate> THREE_MONTHS =
      List.of(LocalDate.of(2025, 4, 30), LocalDate.of(2025, 5, 30), LocalDate.of(2025, 6, 30));

  private static TrendChart chart(Double... values) {
    return TrendChart.of(
        "index",
        THREE_MONTHS,
        100,
        List.of(new TrendChart.Line("whole", "#1a1a1a", "", Arrays.asList(values))),
        List.of(
            new TrendChart.Level(70, "strong from 70"),
            new TrendChart.Level(40, "developing from 40")),
        TrendChart.Size.WIDE,
        v -> String.valueOf((int) v));
  }

  @Test
  void theFirstDayIsAtTheLeftTheLastAtTheRightZeroAtTheBottomAndTheMaximumAtTheTop() {
    TrendChart chart = chart(0.0, 50.0, 100.0);

    // WIDE: the plot spans x 40..530 and y 12..216.
    assertThat(chart.plot()).isEqualTo(new TrendChart.Box(40, 12, 530, 216));
    assertThat(chart.series().get(0).segments())
        .containsExactly("40.0,216.0 285.0,114.0 530.0,12.0");
    assertThat(chart.series().get(0).dots().get(1).text()).isEqualTo("whole, 2025-05-30: 50");
    assertThat(chart.viewBox()).isEqualTo("0 0 640 240");
  }

  @Test
  void theThresholdsAreHorizontalLinesAtTheirValueWithTheirLabels() {
    TrendChart chart = chart(10.0, 20.0, 30.0);

    assertThat(chart.thresholds())
        .extracting(TrendChart.Threshold::y, TrendChart.Threshold::label)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("73.2", "strong from 70"),
            org.assertj.core.groups.Tuple.tuple("134.4", "developing from 40"));
  }

  @Test
  void aMonthWithoutEvidenceBreaksTheLineInsteadOfDrawingZero() {
    TrendChart chart = chart(60.0, null, 80.0);

    assertThat(chart.series().get(0).segments()).containsExactly("40.0,93.6", "530.0,52.8");
    assertThat(chart.series().get(0).dots()).hasSize(2);
  }

  @Test
  void aValueAboveTheMaximumIsDrawnAtTheTop() {
    assertThat(chart(120.0, 0.0, 0.0).series().get(0).dots().get(0).y()).isEqualTo("12.0");
  }

  @Test
  void theMonthsAreLabelledUnderThePlot() {
    assertThat(chart(1.0, 2.0, 3.0).xLabels())
        .extracting(TrendChart.Label::text)
        .containsExactly("2025-04", "2025-05", "2025-06");
  }
}
