package com.towerco.aiops.detection;

/**
 * The simplest learned baseline: an exponentially weighted mean and mean absolute deviation,
 * updated with residuals clipped at a few deviations so outliers barely move them, scoring each
 * point by its distance from the mean in deviations. No seasonality, no change detection: the
 * reference the other detectors are measured against.
 */
public final class EwmaDetector implements Detector {
  public static final String NAME = "ewma";
  private static final int VERSION = 1;
  private static final double ALPHA = 0.05;
  private static final double SCALE_ALPHA = 0.02;
  private static final double CLIP = 3;
  private static final double ALERT_Z = 4.5;
  private static final int WARM_UP = 30;

  private final Cadence cadence = new Cadence();
  private final RobustStart start = new RobustStart();
  private long count;
  private double mean;
  private double deviation;

  /** The registry entry. */
  public static DetectorFactory factory() {
    return new DetectorFactory() {
      @Override
      public String name() {
        return NAME;
      }

      @Override
      public String description() {
        return "exponentially weighted mean and deviation, z-score (no seasonality)";
      }

      @Override
      public Detector create() {
        return new EwmaDetector();
      }

      @Override
      public Detector restore(byte[] snapshot) {
        EwmaDetector d = new EwmaDetector();
        Snapshot.Reader r = new Snapshot.Reader(snapshot, NAME, VERSION);
        d.cadence.read(r);
        d.start.read(r);
        d.count = r.getLong();
        d.mean = r.getDouble();
        d.deviation = r.getDouble();
        return d;
      }
    };
  }

  @Override
  public Score observe(long timeMillis, double value) {
    if (!Double.isFinite(value)) {
      return Score.unknown(timeMillis, value, NAME);
    }
    double steps = cadence.advance(timeMillis);
    Score score;
    double sigma = Math.max(deviation * 1.2533, 1e-9 * (1 + Math.abs(mean)));
    double residual = value - mean;
    if (count < WARM_UP) {
      score = Score.learning(timeMillis, value, NAME);
    } else {
      double z = Math.abs(residual) / sigma;
      score = new Score(timeMillis, value, Hill.score(z, ALERT_Z, 4), mean,
          mean - ALERT_Z * sigma, mean + ALERT_Z * sigma, NAME);
    }
    count++;
    if (!start.complete()) {
      if (start.add(value)) {
        mean = start.median();
        deviation = start.sigma() / 1.2533;
      }
      return score;
    }
    double clipped = Math.max(-CLIP * sigma, Math.min(CLIP * sigma, residual));
    mean += Math.max(Cadence.gain(ALPHA, steps), 1.0 / count) * clipped;
    deviation += Math.max(Cadence.gain(SCALE_ALPHA, steps), 1.0 / count)
        * (Math.abs(clipped) - deviation);
    return score;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte[] snapshot() {
    Snapshot.Writer w = new Snapshot.Writer(NAME, VERSION);
    cadence.write(w);
    start.write(w);
    return w.putLong(count).putDouble(mean).putDouble(deviation).toBytes();
  }
}
