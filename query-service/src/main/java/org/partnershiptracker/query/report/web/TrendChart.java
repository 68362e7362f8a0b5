package org.partnershiptracker.query.report.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart's geometry for an inline SVG the template draws: values over the same days, scaled
 * from 0 to {@code max} into a box of {@code width} × {@code height}, with labelled horizontal
 * thresholds. A missing value (no evidence yet) breaks its line rather than drawing it as 0.
 */
public record TrendChart(
    String title,
    int width,
    int height,
    List<Series> series,
    List<Threshold> thresholds,
    List<Label> xLabels,
    List<Label> yLabels,
    Box plot) {

  /** The plotting area inside the margins. */
  public record Box(double left, double top, double right, double bottom) {}

  /** A line: its segments as SVG {@code points}, and a dot per value with its text. */
  public record Series(
      String label, String colour, String dash, List<String> segments, List<Dot> dots) {}

  public record Dot(String x, String y, String text) {}

  /** A horizontal line with its label beside it (wide) or above its right end (small). */
  public record Threshold(
      String y, String label, double value, String labelX, String labelY, String anchor) {}

  public record Label(String x, String y, String text) {}

  /** A line's name, colour (AA contrast on white), dash pattern ("" for solid) and values. */
  public record Line(String label, String colour, String dash, List<Double> values) {}

  /** A labelled horizontal line at {@code value}. */
  public record Level(double value, String label) {}

  /** The sizes the pages use: a wide chart, and a small multiple. */
  public enum Size {
    WIDE(640, 240, 40, 12, 110, 24),
    SMALL(220, 110, 30, 8, 8, 20);

    final int width;
    final int height;
    final int left;
    final int top;
    final int right;
    final int bottom;

    Size(int width, int height, int left, int top, int right, int bottom) {
      this.width = width;
      this.height = height;
      this.left = left;
      this.top = top;
      this.right = right;
      this.bottom = bottom;
    }
  }

  public static TrendChart of(
      String title,
      List<LocalDate> days,
      double max,
      List<Line> lines,
      List<Level> levels,
      Size size,
      java.util.function.DoubleFunction<String> format) {
    Box box = new Box(size.left, size.top, size.width - size.right, size.height - size.bottom);
    Scale scale = new Scale(box, days.size(), max);
    List<Series> series = new ArrayList<>();
    for (Line line : lines) {
      List<String> segments = new ArrayList<>();
      List<Dot> dots = new ArrayList<>();
      StringBuilder segment = new StringBuilder();
      for (int i = 0; i < line.values().size() && i < days.size(); i++) {
        Double value = line.values().get(i);
        if (value == null) {
          close(segment, segments);
          continue;
        }
        String x = scale.x(i);
        String y = scale.y(value);
        segment.append(segment.isEmpty() ? "" : " ").append(x).append(',').append(y);
        dots.add(new Dot(x, y, line.label() + ", " + days.get(i) + ": " + format.apply(value)));
      }
      close(segment, segments);
      series.add(new Series(line.label(), line.colour(), line.dash(), segments, dots));
    }
    boolean besides = size.right > 40;
    List<Threshold> thresholds =
        levels.stream()
            .map(
                l -> {
                  String y = scale.y(l.value());
                  double at = Double.parseDouble(y);
                  return besides
                      ? new Threshold(
                          y, l.label(), l.value(), fmt(box.right() + 4), fmt(at + 4), "start")
                      : new Threshold(
                          y, l.label(), l.value(), fmt(box.right() - 2), fmt(at - 3), "end");
                })
            .toList();
    List<Label> xLabels = new ArrayList<>();
    if (!days.isEmpty()) {
      String below = fmt(box.bottom() + 15);
      xLabels.add(new Label(scale.x(0), below, month(days.get(0))));
      if (days.size() > 2) {
        int middle = (days.size() - 1) / 2;
        xLabels.add(new Label(scale.x(middle), below, month(days.get(middle))));
      }
      if (days.size() > 1) {
        xLabels.add(new Label(scale.x(days.size() - 1), below, month(days.get(days.size() - 1))));
      }
    }
    List<Label> yLabels =
        List.of(0.0, max / 2, max).stream()
            .map(v -> new Label(fmt(box.left() - 4), scale.y(v), format.apply(v)))
            .toList();
    return new TrendChart(
        title, size.width, size.height, series, thresholds, xLabels, yLabels, box);
  }

  /** The viewBox attribute's value. */
  public String viewBox() {
    return "0 0 " + width + " " + height;
  }

  private static void close(StringBuilder segment, List<String> segments) {
    if (!segment.isEmpty()) {
      segments.add(segment.toString());
      segment.setLength(0);
    }
  }

  private static String month(LocalDate day) {
    return day.toString().substring(0, 7);
  }

  static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Index i of n days to x, value 0..max to y (0 at the bottom). */
  private record Scale(Box box, int days, double max) {
    String x(int i) {
      double width = box.right() - box.left();
      return fmt(days <= 1 ? box.left() + width / 2 : box.left() + width * i / (days - 1));
    }

    String y(double value) {
      double clamped = Math.max(0, Math.min(max, value));
      return fmt(box.bottom() - (box.bottom() - box.top()) * clamped / max);
    }
  }
}
