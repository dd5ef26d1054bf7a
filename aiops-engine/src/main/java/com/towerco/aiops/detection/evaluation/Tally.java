package com.towerco.aiops.detection.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Event scores summed over series (micro-average), and the rates the corpora README asks for:
 * precision ({@code NaN} when nothing was raised at all), recall, F1 (0 when precision is
 * {@code NaN}), false alarms per 1,000 scored points, latency percentiles, alarm coverage, and
 * how many caught ranges were caught only by an alarm already on before their window
 * ({@link EventScore#carriedIn()}).
 */
public record Tally(int series, int detected, int missed, int falseAlarms, long scoredRows,
    long flaggedRows, int carriedIn, List<Integer> latencies, List<Long> latencyMillis) {

  public static final Tally EMPTY = new Tally(0, 0, 0, 0, 0, 0, 0, List.of(), List.of());

  public Tally {
    latencies = List.copyOf(latencies);
    latencyMillis = List.copyOf(latencyMillis);
  }

  public static Tally of(EventScore s) {
    return new Tally(1, s.detected(), s.missed(), s.falseAlarms(), s.scoredRows(),
        s.flaggedRows(), s.carriedIn(), s.latencies(), s.latencyMillis());
  }

  public Tally plus(Tally o) {
    List<Integer> rows = new ArrayList<>(latencies);
    rows.addAll(o.latencies);
    List<Long> millis = new ArrayList<>(latencyMillis);
    millis.addAll(o.latencyMillis);
    return new Tally(series + o.series, detected + o.detected, missed + o.missed,
        falseAlarms + o.falseAlarms, scoredRows + o.scoredRows, flaggedRows + o.flaggedRows,
        carriedIn + o.carriedIn, rows, millis);
  }

  public int ranges() {
    return detected + missed;
  }

  public double precision() {
    return detected + falseAlarms == 0 ? Double.NaN
        : (double) detected / (detected + falseAlarms);
  }

  public double recall() {
    return ranges() == 0 ? Double.NaN : (double) detected / ranges();
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  public double falseAlarmsPerThousand() {
    return scoredRows == 0 ? 0 : 1000.0 * falseAlarms / scoredRows;
  }

  public double coverage() {
    return scoredRows == 0 ? 0 : (double) flaggedRows / scoredRows;
  }

  /** The {@code q}-quantile (nearest rank) of the latencies in rows; NaN if none. */
  public double latencyRows(double q) {
    return quantile(latencies.stream().map(Integer::doubleValue).toList(), q);
  }

  /** The {@code q}-quantile (nearest rank) of the latencies in milliseconds; NaN if none. */
  public double latencyMillis(double q) {
    return quantile(latencyMillis.stream().map(Long::doubleValue).toList(), q);
  }

  private static double quantile(List<Double> values, double q) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
