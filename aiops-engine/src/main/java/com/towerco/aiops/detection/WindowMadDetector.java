package com.towerco.aiops.detection;

import java.util.Arrays;

/**
 * A robust sliding-window baseline: the median of the last {@link #WINDOW} points and their
 * median absolute deviation, scoring each point by its distance from the median in (Gaussian
 * equivalent) deviations. Non-parametric and immune to up to half the window being outliers,
 * but blind to seasonality longer than the window; a second opinion for spiky series.
 */
public final class WindowMadDetector implements Detector {
  public static final String NAME = "window-mad";
  static final int WINDOW = 64;
  private static final int VERSION = 1;
  private static final int MIN_POINTS = 30;
  private static final double ALERT_Z = 6;
  private static final double SIGMA_PER_MAD = 1.4826;

  private final double[] window = new double[WINDOW];
  private final double[] sorted = new double[WINDOW];
  private int size;
  private int next;

  public static DetectorFactory factory() {
    return new DetectorFactory() {
      @Override
      public String name() {
        return NAME;
      }

      @Override
      public String description() {
        return "median and MAD of the last " + WINDOW + " points (robust, no seasonality)";
      }

      @Override
      public Detector create() {
        return new WindowMadDetector();
      }

      @Override
      public Detector restore(byte[] snapshot) {
        WindowMadDetector d = new WindowMadDetector();
        Snapshot.Reader r = new Snapshot.Reader(snapshot, NAME, VERSION);
        d.size = r.getInt();
        d.next = r.getInt();
        System.arraycopy(r.getDoubles(WINDOW), 0, d.window, 0, WINDOW);
        return d;
      }
    };
  }

  @Override
  public Score observe(long timeMillis, double value) {
    if (!Double.isFinite(value)) {
      return Score.unknown(timeMillis, value, NAME);
    }
    Score score = Score.learning(timeMillis, value, NAME);
    if (size >= MIN_POINTS) {
      System.arraycopy(window, 0, sorted, 0, size);
      Arrays.sort(sorted, 0, size);
      double median = median(sorted, size);
      for (int i = 0; i < size; i++) {
        sorted[i] = Math.abs(sorted[i] - median);
      }
      Arrays.sort(sorted, 0, size);
      double sigma = Math.max(median(sorted, size) * SIGMA_PER_MAD,
          1e-9 * (1 + Math.abs(median)));
      double z = Math.abs(value - median) / sigma;
      score = new Score(timeMillis, value, Hill.score(z, ALERT_Z, 4), median,
          median - ALERT_Z * sigma, median + ALERT_Z * sigma, NAME);
    }
    window[next] = value;
    next = (next + 1) % WINDOW;
    size = Math.min(size + 1, WINDOW);
    return score;
  }

  private static double median(double[] values, int n) {
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte[] snapshot() {
    return new Snapshot.Writer(NAME, VERSION).putInt(size).putInt(next).putDoubles(window)
        .toBytes();
  }
}
