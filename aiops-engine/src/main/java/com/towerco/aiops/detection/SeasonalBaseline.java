package com.towerco.aiops.detection;

/**
 * The expected value of a series and how far from it values normally stray, learned online by
 * two competing models: a damped-trend level that follows the series closely (Holt), and a slow
 * level plus a daily profile (48 half-hour bins) and a weekly profile (168 hourly bins) on event
 * time, so load, temperature and grid rhythms become expected. Whichever model has predicted
 * better lately gives the expectation; so a series without seasonality never pays for it.
 * Residuals are clipped at a few deviations before they teach anything, which keeps outliers
 * from bending the baseline; a missing point teaches nothing, and learning rates are per
 * typical sampling interval, so irregular spacing and gaps need no resampling.
 */
final class SeasonalBaseline {
  static final int DAY_BINS = 48;
  static final int WEEK_BINS = 168;
  private static final long DAY_MS = 86_400_000L;
  private static final long WEEK_MS = 7 * DAY_MS;
  private static final int MIN_BIN_POINTS = 2;
  private static final double SEASON_ADVANTAGE = 0.9;
  private static final double ERROR_ALPHA = 0.01;
  private static final double GAUSS_SIGMA_PER_MAD = 1.2533;

  private final AdaptiveDetector.Config config;

  long count;
  double plainLevel;
  double plainTrend;
  double plainError;
  double slowLevel;
  double slowTrend;
  double seasonalError;
  double scale;
  double quantum = Double.POSITIVE_INFINITY;
  double lastValue = Double.NaN;
  final double[] day = new double[DAY_BINS];
  final int[] dayPoints = new int[DAY_BINS];
  final double[] week = new double[WEEK_BINS];
  final int[] weekPoints = new int[WEEK_BINS];

  // The prediction for the current point, set by predict().
  private double plainPrediction;
  private double seasonalPrediction;
  private int dayBin;
  private int weekBin;
  boolean seasonal;

  SeasonalBaseline(AdaptiveDetector.Config config) {
    this.config = config;
  }

  /** Predicts the point at {@code timeMillis}, {@code steps} typical intervals after the last. */
  void predict(long timeMillis, double steps) {
    double damped = config.damping() * steps;
    plainPrediction = plainLevel + plainTrend * damped;
    dayBin = (int) (Math.floorMod(timeMillis, DAY_MS) / (DAY_MS / DAY_BINS));
    weekBin = (int) (Math.floorMod(timeMillis, WEEK_MS) / (WEEK_MS / WEEK_BINS));
    seasonalPrediction = slowLevel + slowTrend * damped + season();
    seasonal = count > config.warmUp() && seasonalError < SEASON_ADVANTAGE * plainError;
  }

  double expected() {
    return seasonal ? seasonalPrediction : plainPrediction;
  }

  /** The typical deviation (a standard deviation for Gaussian noise), never zero. */
  double sigma() {
    double floor = Math.max(1e-9 * (1 + Math.abs(expected())),
        Double.isFinite(quantum) ? quantum / 2 : 0);
    return Math.max(scale * GAUSS_SIGMA_PER_MAD, floor);
  }

  /** Learns from {@code value}, the point just predicted. */
  void learn(double value, double steps, double intervalMillis) {
    if (count == 0) {
      // Nothing was predicted for the first point: it only sets the levels.
      count = 1;
      plainLevel = value;
      slowLevel = value;
      lastValue = value;
      return;
    }
    count++;
    boolean warm = count > config.warmUp();
    double sigma = sigma();
    double clip = config.clip() * sigma;
    double plainResidual = value - plainPrediction;
    double seasonalResidual = value - seasonalPrediction;
    double chosen = seasonal ? seasonalResidual : plainResidual;
    double residuals = 1.0 / (count - 1);
    double first = 1.0 / count;
    double errorGain = Math.max(Cadence.gain(ERROR_ALPHA, steps), residuals);
    plainError += errorGain * (Math.abs(clip(plainResidual, clip, warm)) - plainError);
    seasonalError += errorGain * (Math.abs(clip(seasonalResidual, clip, warm)) - seasonalError);
    scale += Math.max(Cadence.gain(config.scaleAlpha(), steps), residuals)
        * (Math.abs(clip(chosen, clip, warm)) - scale);

    double levelGain = Math.max(Cadence.gain(config.alpha(), steps), first);
    double previous = plainLevel;
    plainLevel = plainPrediction + levelGain * clip(plainResidual, clip, warm);
    plainTrend = count <= 2 ? 0 : config.damping() * plainTrend
        + config.beta() * ((plainLevel - previous) / steps - config.damping() * plainTrend);

    double slowGain = Math.max(1 - Math.exp(-intervalMillis * steps
        / config.seasonalLevelMillis()), first);
    double slowPrevious = slowLevel;
    slowLevel = slowLevel + slowTrend * config.damping() * steps
        + slowGain * clip(seasonalResidual, clip, warm);
    slowTrend = count <= 2 ? 0 : config.damping() * slowTrend
        + config.beta() * ((slowLevel - slowPrevious) / steps - config.damping() * slowTrend);
    learnSeason(value, steps, intervalMillis, clip, warm);

    if (!Double.isNaN(lastValue) && value != lastValue) {
      quantum = Math.min(quantum, Math.abs(value - lastValue));
    }
    lastValue = value;
  }

  private void learnSeason(double value, double steps, double intervalMillis, double clip,
      boolean warm) {
    double visits = Math.min(1, steps * intervalMillis / (DAY_MS / DAY_BINS));
    dayPoints[dayBin] = Math.min(dayPoints[dayBin] + 1, 1 << 20);
    double dayGain = Math.max(1 - Math.pow(1 - 1 / config.dayMemory(), visits),
        1.0 / dayPoints[dayBin]);
    day[dayBin] += dayGain * clip(value - slowLevel - week[weekBin] - day[dayBin], clip, warm);

    double weekVisits = Math.min(1, steps * intervalMillis / (WEEK_MS / WEEK_BINS));
    weekPoints[weekBin] = Math.min(weekPoints[weekBin] + 1, 1 << 20);
    double weekGain = Math.max(1 - Math.pow(1 - 1 / config.weekMemory(), weekVisits),
        1.0 / weekPoints[weekBin]);
    week[weekBin] += weekGain
        * clip(value - slowLevel - day[dayBin] - week[weekBin], clip, warm);
  }

  private double season() {
    double s = 0;
    if (dayPoints[dayBin] >= MIN_BIN_POINTS) {
      s += day[dayBin];
    }
    if (weekPoints[weekBin] >= MIN_BIN_POINTS) {
      s += week[weekBin];
    }
    return s;
  }

  /** Moves both levels by {@code shift}: the series has settled at a new level. */
  void reanchor(double shift) {
    plainLevel += shift;
    slowLevel += shift;
    plainTrend = 0;
    slowTrend = 0;
  }

  private static double clip(double residual, double limit, boolean warm) {
    return warm ? Math.max(-limit, Math.min(limit, residual)) : residual;
  }

  void write(Snapshot.Writer w) {
    w.putLong(count).putDouble(plainLevel).putDouble(plainTrend).putDouble(plainError)
        .putDouble(slowLevel).putDouble(slowTrend).putDouble(seasonalError).putDouble(scale)
        .putDouble(quantum).putDouble(lastValue).putDoubles(day).putInts(dayPoints)
        .putDoubles(week).putInts(weekPoints);
  }

  void read(Snapshot.Reader r) {
    count = r.getLong();
    plainLevel = r.getDouble();
    plainTrend = r.getDouble();
    plainError = r.getDouble();
    slowLevel = r.getDouble();
    slowTrend = r.getDouble();
    seasonalError = r.getDouble();
    scale = r.getDouble();
    quantum = r.getDouble();
    lastValue = r.getDouble();
    System.arraycopy(r.getDoubles(DAY_BINS), 0, day, 0, DAY_BINS);
    System.arraycopy(r.getInts(DAY_BINS), 0, dayPoints, 0, DAY_BINS);
    System.arraycopy(r.getDoubles(WEEK_BINS), 0, week, 0, WEEK_BINS);
    System.arraycopy(r.getInts(WEEK_BINS), 0, weekPoints, 0, WEEK_BINS);
  }
}
