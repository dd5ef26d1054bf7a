package com.towerco.aiops.detection;

import java.util.Arrays;

/**
 * The first {@link #POINTS} values of a series, held back until their median and median absolute
 * deviation can start the baseline: a wild value among the very first points (a sensor's power-on
 * garbage) then cannot poison a running mean that later points would never repair.
 */
final class RobustStart {
  static final int POINTS = 16;
  private static final double SIGMA_PER_MAD = 1.4826;

  final double[] values = new double[POINTS];
  int size;

  /** Adds a value; true once the start is complete (and from then on). */
  boolean add(double value) {
    if (size < POINTS) {
      values[size++] = value;
    }
    return size == POINTS;
  }

  boolean complete() {
    return size == POINTS;
  }

  double median() {
    double[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    return size % 2 == 1 ? sorted[size / 2] : (sorted[size / 2 - 1] + sorted[size / 2]) / 2;
  }

  /** A robust standard deviation: MAD x 1.4826. */
  double sigma() {
    double median = median();
    double[] deviations = new double[size];
    for (int i = 0; i < size; i++) {
      deviations[i] = Math.abs(values[i] - median);
    }
    Arrays.sort(deviations);
    double mad = size % 2 == 1 ? deviations[size / 2]
        : (deviations[size / 2 - 1] + deviations[size / 2]) / 2;
    return mad * SIGMA_PER_MAD;
  }

  void write(Snapshot.Writer w) {
    w.putInt(size).putDoubles(values);
  }

  void read(Snapshot.Reader r) {
    size = r.getInt();
    System.arraycopy(r.getDoubles(POINTS), 0, values, 0, POINTS);
  }
}
