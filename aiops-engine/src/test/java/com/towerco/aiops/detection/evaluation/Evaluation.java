package com.towerco.aiops.detection.evaluation;

import com.towerco.aiops.detection.Detector;
import com.towerco.aiops.detection.DetectorFactory;
import com.towerco.aiops.detection.Score;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a detector against labelled series the way a NOC experiences it. Anomalous points
 * (score at least {@link Score#ANOMALOUS}) close together (at most {@link #MERGE_GAP} points
 * apart) form one alarm; an alarm touching an anomaly window detects it, any other alarm is a
 * false alarm. Precision is detected windows over detected windows plus false alarms, recall is
 * detected windows over all windows, and time to detect runs from a window's start to its first
 * anomalous point.
 */
public final class Evaluation {
  static final int MERGE_GAP = 6;

  private Evaluation() {}

  /** Counts for a set of series, and the rates derived from them. */
  public record Metrics(int series, double days, int windows, int detected, int falseAlarms,
      List<Double> delaysMinutes) {

    public double precision() {
      return detected + falseAlarms == 0 ? 0 : (double) detected / (detected + falseAlarms);
    }

    public double recall() {
      return windows == 0 ? 0 : (double) detected / windows;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double falseAlarmsPerDay() {
      return days == 0 ? 0 : falseAlarms / days;
    }

    public double medianDelayMinutes() {
      if (delaysMinutes.isEmpty()) {
        return Double.NaN;
      }
      List<Double> sorted = new ArrayList<>(delaysMinutes);
      Collections.sort(sorted);
      return sorted.get(sorted.size() / 2);
    }

    public double meanDelayMinutes() {
      return delaysMinutes.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    Metrics plus(Metrics o) {
      List<Double> delays = new ArrayList<>(delaysMinutes);
      delays.addAll(o.delaysMinutes);
      return new Metrics(series + o.series, days + o.days, windows + o.windows,
          detected + o.detected, falseAlarms + o.falseAlarms, delays);
    }

    static Metrics empty() {
      return new Metrics(0, 0, 0, 0, 0, List.of());
    }
  }

  /** A detector's metrics per shape, per anomaly kind and overall. */
  public record Report(String detector, Map<String, Metrics> byShape, Map<String, Metrics> byKind,
      Metrics overall, Map<String, Integer> falseAlarmsBy) {

    public String toText() {
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT, "detector %s%n", detector));
      out.append(String.format(Locale.ROOT, "%-14s %6s %7s %6s %9s %6s %6s %6s %9s %9s%n",
          "shape", "series", "windows", "found", "false", "prec", "recall", "F1",
          "ttd-med", "false/day"));
      byShape.forEach((shape, m) -> out.append(line(shape, m)));
      out.append(line("overall", overall));
      out.append(String.format(Locale.ROOT, "%-14s %6s %7s %6s %9s %6s %6s %6s %9s%n",
          "kind", "", "windows", "found", "", "", "recall", "", "ttd-med"));
      byKind.forEach((kind, m) -> out.append(String.format(Locale.ROOT,
          "%-14s %6s %7d %6d %9s %6s %6.2f %6s %8.0fm%n", kind, "", m.windows(), m.detected(),
          "", "", m.recall(), "", m.medianDelayMinutes())));
      out.append("false alarms by what fired: ").append(falseAlarmsBy).append('\n');
      return out.toString();
    }

    private static String line(String name, Metrics m) {
      return String.format(Locale.ROOT, "%-14s %6d %7d %6d %9d %6.2f %6.2f %6.2f %8.0fm %9.3f%n",
          name, m.series(), m.windows(), m.detected(), m.falseAlarms(), m.precision(),
          m.recall(), m.f1(), m.medianDelayMinutes(), m.falseAlarmsPerDay());
    }
  }

  public static Report evaluate(DetectorFactory factory, List<LabelledSeries> corpus) {
    Map<String, Metrics> byShape = new LinkedHashMap<>();
    Map<String, Metrics> byKind = new LinkedHashMap<>();
    Metrics overall = Metrics.empty();
    Map<String, Integer> falseBy = new java.util.TreeMap<>();
    for (LabelledSeries series : corpus) {
      Score[] scores = run(factory.create(), series);
      boolean[] anomalous = new boolean[scores.length];
      for (int i = 0; i < scores.length; i++) {
        anomalous[i] = scores[i].anomalous();
      }
      Metrics m = measure(series, anomalous, scores, falseBy);
      byShape.merge(series.shape().label(), m, Metrics::plus);
      overall = overall.plus(m);
      for (LabelledSeries.Window w : series.windows()) {
        Metrics k = measure(new LabelledSeries(series.shape(), series.seed(), series.times(),
            series.values(), List.of(w)), anomalous, scores, new java.util.HashMap<>());
        byKind.merge(w.kind(), new Metrics(0, 0, 1, k.detected(), 0, k.delaysMinutes()),
            Metrics::plus);
      }
    }
    return new Report(factory.name(), byShape, byKind, overall, falseBy);
  }

  static Score[] run(Detector detector, LabelledSeries series) {
    Score[] scores = new Score[series.values().length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = detector.observe(series.times()[i], series.values()[i]);
    }
    return scores;
  }

  static Metrics measure(LabelledSeries series, boolean[] anomalous, Score[] scores,
      Map<String, Integer> falseBy) {
    long[] t = series.times();
    double days = (t[t.length - 1] - t[0]) / 86_400_000.0;
    int detected = 0;
    List<Double> delays = new ArrayList<>();
    for (LabelledSeries.Window w : series.windows()) {
      for (int i = w.start(); i <= w.end(); i++) {
        if (anomalous[i]) {
          detected++;
          delays.add((t[i] - t[w.start()]) / 60_000.0);
          break;
        }
      }
    }
    int falseAlarms = 0;
    int i = 0;
    while (i < anomalous.length) {
      if (!anomalous[i]) {
        i++;
        continue;
      }
      boolean touches = false;
      int last = i;
      int j = i;
      Score strongest = scores[i];
      while (j < anomalous.length && j - last <= MERGE_GAP) {
        if (anomalous[j]) {
          last = j;
          touches |= series.label(j) == 1;
          strongest = scores[j].score() > strongest.score() ? scores[j] : strongest;
        }
        j++;
      }
      if (!touches) {
        falseAlarms++;
        falseBy.merge(strongest.firedBy(), 1, Integer::sum);
      }
      i = last + 1;
    }
    return new Metrics(1, days, series.windows().size(), detected, falseAlarms, delays);
  }
}
