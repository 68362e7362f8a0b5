package org.partnershiptracker.query.report.web;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A portfolio row's trend as a small inline SVG: the monthly index on the same 0..100 scale for
 * every row (so rows compare), the band thresholds as faint lines, the latest value as a dot, and
 * the values as text for those who do not see the line.
 */
public record Sparkline(List<String> segments, String lastX, String lastY, String text) {
  static final int WIDTH = 100;
  static final int HEIGHT = 24;
  private static final double PAD = 2;

  /** The y of an index on the sparkline (100 at the top). */
  public static String y(double index) {
    double clamped = Math.max(0, Math.min(100, index));
    return fmt(HEIGHT - PAD - (HEIGHT - 2 * PAD) * clamped / 100);
  }

  public static Sparkline of(List<Double> values) {
    List<String> segments = new ArrayList<>();
    StringBuilder segment = new StringBuilder();
    StringJoiner text = new StringJoiner(", ", "12-month trend of the index: ", "");
    String lastX = null;
    String lastY = null;
    int n = values.size();
    for (int i = 0; i < n; i++) {
      Double value = values.get(i);
      if (value == null) {
        text.add("–");
        if (!segment.isEmpty()) {
          segments.add(segment.toString());
          segment.setLength(0);
        }
        continue;
      }
      text.add(fmt(value));
      lastX = fmt(n <= 1 ? WIDTH / 2.0 : PAD + (WIDTH - 2 * PAD) * i / (n - 1));
      lastY = y(value);
      segment.append(segment.isEmpty() ? "" : " ").append(lastX).append(',').append(lastY);
    }
    if (!segment.isEmpty()) {
      segments.add(segment.toString());
    }
    return new Sparkline(segments, lastX, lastY, lastX == null ? "no trend yet" : text.toString());
  }

  /** One decimal without String.format: a thousand rows draw twelve points each. */
  private static String fmt(double value) {
    return Double.toString(Math.round(value * 10) / 10.0);
  }
}
