package com.towerco.aiops.detection.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws labelled series of every {@link Shape}: 14 days of 5-minute points, the first 3 days
 * free of anomalies (a new baseline forms there), then two or three injected anomalies at random
 * places at least a day apart, each with the window in which detecting it counts. Odd seeds
 * make the series irregular: timestamps jittered by up to 40 % of the step, 3 % of the points
 * missing and one 6-hour outage of the feed. The same shape and seed always give the same series.
 */
public final class SeriesGenerator {
  public static final long STEP_MILLIS = 5 * 60_000L;
  public static final int POINTS = 14 * 288;
  public static final int PROBATION = 3 * 288;
  private static final long START = 1_775_001_600_000L; // 2026-04-01T00:00:00Z, a Wednesday
  private static final int GRACE = 6;

  private SeriesGenerator() {}

  /** Every shape for every seed in {@code [fromSeed, toSeed)}. */
  public static List<LabelledSeries> corpus(long fromSeed, long toSeed) {
    List<LabelledSeries> corpus = new ArrayList<>();
    for (Shape shape : Shape.values()) {
      for (long seed = fromSeed; seed < toSeed; seed++) {
        corpus.add(generate(shape, seed));
      }
    }
    return corpus;
  }

  public static LabelledSeries generate(Shape shape, long seed) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + shape.ordinal());
    Draft d = new Draft(random);
    d.base(shape);
    d.inject(shape);
    return d.finish(shape, seed, seed % 2 == 1);
  }

  /** A series being drawn: values on a regular grid, windows on grid indices. */
  private static final class Draft {
    final SplittableRandom random;
    final double[] values = new double[POINTS];
    final List<LabelledSeries.Window> windows = new ArrayList<>();
    double sigma;

    Draft(SplittableRandom random) {
      this.random = random;
    }

    void base(Shape shape) {
      double ar = 0;
      for (int i = 0; i < POINTS; i++) {
        double h = hour(i);
        double weekend = weekend(i) ? 0.85 : 1;
        double g = random.nextGaussian();
        values[i] = switch (shape) {
          case SEASONAL -> {
            ar = 0.6 * ar + 0.8 * g;
            sigma = 3;
            yield 100 + 30 * daily(h) * weekend + 3 * ar;
          }
          case TRENDING -> {
            sigma = 1.5;
            yield 50 + 0.005 * i + 4 * daily(h) + 1.5 * g;
          }
          case SPIKY -> {
            sigma = 1;
            double blip = random.nextInt(100) < 3 ? random.nextDouble(2, 4)
                * (random.nextBoolean() ? 1 : -1) : 0;
            yield 20 + g + blip;
          }
          case FLAT -> {
            sigma = 1;
            yield random.nextInt(200) == 0 ? 7 + (random.nextBoolean() ? 1 : -1) : 7;
          }
          case NOISY -> {
            ar = 0.95 * ar + 0.31 * g;
            sigma = 4;
            yield 200 + 8 * ar + 3 * random.nextGaussian();
          }
          case STEP -> {
            sigma = 1;
            yield 30 + g;
          }
          case SENSOR -> {
            sigma = 0.3;
            yield Math.round((25 + 8 * daily(h) + 0.3 * g) * 10) / 10.0;
          }
          case DRIFT -> {
            sigma = 1;
            yield 80 + 2 * daily(h) + g;
          }
        };
      }
    }

    void inject(Shape shape) {
      String[] kinds = switch (shape) {
        case SEASONAL -> new String[] {"spike", "contextual", "level-shift"};
        case TRENDING -> new String[] {"spike", "trend-change"};
        case SPIKY -> new String[] {"spike", "burst", "spike"};
        case FLAT -> new String[] {"spike", "jump"};
        case NOISY -> new String[] {"spike", "variance"};
        case STEP -> new String[] {"level-shift", "level-shift", "level-shift"};
        case SENSOR -> new String[] {"dropout", "flatline"};
        case DRIFT -> new String[] {"spike", "drift"};
      };
      int slot = (POINTS - PROBATION - 300) / kinds.length;
      for (int k = 0; k < kinds.length; k++) {
        int start = PROBATION + k * slot + random.nextInt(slot - 288 + 1);
        apply(kinds[k], start);
      }
    }

    private void apply(String kind, int s) {
      double sign = random.nextBoolean() ? 1 : -1;
      switch (kind) {
        case "spike" -> {
          values[s] += sign * sigma * random.nextDouble(10, 16);
          window(s, s + GRACE, kind);
        }
        case "contextual" -> {
          // Three hours at the level of the quiet night: normal values, at the wrong time.
          int from = atHour(s, 13);
          for (int i = from; i < from + 36; i++) {
            values[i] -= 30 * (daily(hour(i)) - daily(3.5)) * (weekend(i) ? 0.85 : 1);
          }
          window(from, from + 36 + GRACE, kind);
        }
        case "level-shift", "jump" -> {
          double size = sign * sigma * random.nextDouble(5, 9) * (kind.equals("jump") ? 4 : 1);
          for (int i = s; i < POINTS; i++) {
            values[i] += size;
          }
          window(s, s + 24, kind);
        }
        case "trend-change" -> {
          for (int i = s; i < POINTS; i++) {
            values[i] += sign * 0.05 * (i - s) * sigma;
          }
          window(s, s + 72, kind);
        }
        case "burst" -> {
          for (int i = s; i < s + 10; i++) {
            values[i] += sign * sigma * random.nextDouble(8, 12);
          }
          window(s, s + 10 + GRACE, kind);
        }
        case "variance" -> {
          for (int i = s; i < s + 72; i++) {
            values[i] += 4 * sigma * random.nextGaussian();
          }
          window(s, s + 72, kind);
        }
        case "dropout" -> {
          for (int i = s; i < s + 12; i++) {
            values[i] = 0;
          }
          window(s, s + 12 + GRACE, kind);
        }
        case "flatline" -> {
          for (int i = s + 1; i < s + 72; i++) {
            values[i] = values[s];
          }
          window(s, s + 72 + GRACE, kind);
        }
        case "drift" -> {
          for (int i = s; i < POINTS; i++) {
            values[i] -= 0.05 * sigma * Math.min(i - s, 144);
          }
          window(s, s + 144, kind);
        }
        default -> throw new IllegalArgumentException(kind);
      }
    }

    private void window(int start, int end, String kind) {
      windows.add(new LabelledSeries.Window(start, Math.min(end, POINTS - 1), kind));
    }

    LabelledSeries finish(Shape shape, long seed, boolean irregular) {
      boolean[] keep = new boolean[POINTS];
      java.util.Arrays.fill(keep, true);
      long[] gridTimes = new long[POINTS];
      for (int i = 0; i < POINTS; i++) {
        gridTimes[i] = START + i * STEP_MILLIS;
      }
      if (irregular) {
        int outage = PROBATION / 2 + random.nextInt(POINTS - PROBATION);
        for (int i = 0; i < POINTS; i++) {
          gridTimes[i] += (long) (random.nextDouble(-0.4, 0.4) * STEP_MILLIS);
          boolean inOutage = i >= outage && i < outage + 72;
          keep[i] = !(inOutage || random.nextInt(100) < 3) || inWindow(i);
        }
      }
      int[] newIndex = new int[POINTS];
      int n = 0;
      for (int i = 0; i < POINTS; i++) {
        newIndex[i] = n;
        n += keep[i] ? 1 : 0;
      }
      long[] times = new long[n];
      double[] out = new double[n];
      for (int i = 0, j = 0; i < POINTS; i++) {
        if (keep[i]) {
          times[j] = gridTimes[i];
          out[j++] = values[i];
        }
      }
      List<LabelledSeries.Window> mapped = new ArrayList<>();
      for (LabelledSeries.Window w : windows) {
        int end = w.end() + 1 < POINTS ? newIndex[w.end() + 1] - 1 : n - 1;
        mapped.add(new LabelledSeries.Window(newIndex[w.start()], end, w.kind()));
      }
      return new LabelledSeries(shape, seed, times, out, List.copyOf(mapped));
    }

    private boolean inWindow(int i) {
      return windows.stream().anyMatch(w -> w.contains(i));
    }
  }

  static double hour(int i) {
    return (i * STEP_MILLIS % 86_400_000L) / 3_600_000.0;
  }

  static boolean weekend(int i) {
    long day = (START + i * STEP_MILLIS) / 86_400_000L;
    int dayOfWeek = (int) Math.floorMod(day + 3, 7); // 0 = Monday
    return dayOfWeek >= 5;
  }

  /** The first index at or after {@code i} whose hour is {@code hour}. */
  static int atHour(int i, int hour) {
    int j = i;
    while ((int) hour(j) != hour || hour(j) % 1 != 0) {
      j++;
    }
    return j;
  }

  /** A daily rhythm in [-1, 1]: low before dawn, high in the afternoon and evening. */
  static double daily(double h) {
    return 0.8 * Math.sin(2 * Math.PI * (h - 10) / 24) + 0.2 * Math.sin(4 * Math.PI * h / 24);
  }
}
