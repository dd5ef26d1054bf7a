package com.towerco.aiops.detection;

/**
 * The expected value of a series and how far from it values normally stray, learned online by
 * two competing models. The plain model is a damped-trend level that follows the series (Holt).
 * The seasonal model learns, on event time, the series' daily profile (48 half-hour bins, each
 * the recent days' mean value at that time of day) and its weekly deviation from it (168 hourly
 * bins), plus a damped-trend offset from the profile, so load, temperature and grid rhythms
 * become expected and a normal value at the wrong time of day does not. Whichever model has
 * predicted better lately gives the expectation; a series without seasonality never pays for
 * it. Residuals are clipped at a few deviations of their model before they teach anything, so
 * outliers do not bend the baseline; learning rates are per typical sampling interval, so
 * irregular spacing and gaps need no resampling.
 */
final class SeasonalBaseline {
  static final int DAY_BINS = 48;
  static final int WEEK_BINS = 168;
  private static final long DAY_MS = 86_400_000L;
  private static final long WEEK_MS = 7 * DAY_MS;
  private static final long DAY_BIN_MS = DAY_MS / DAY_BINS;
  private static final int MIN_BIN_POINTS = 2;
  private static final double SEASON_ADVANTAGE = 0.9;
  private static final double ERROR_ALPHA = 0.01;
  private static final double GAUSS_SIGMA_PER_MAD = 1.2533;
  private static final double MAGNITUDE_ALPHA = 0.01;

  private final AdaptiveDetector.Config config;

  long count;
  double plainLevel;
  double plainTrend;
  double plainError;
  double offset;
  double offsetTrend;
  double seasonalError;
  double scale;
  double quantum = Double.POSITIVE_INFINITY;
  double magnitude;
  double lastValue = Double.NaN;
  boolean seasonal;
  final RobustStart start = new RobustStart();
  final double[] day = new double[DAY_BINS];
  final int[] dayPoints = new int[DAY_BINS];
  final double[] week = new double[WEEK_BINS];
  final int[] weekPoints = new int[WEEK_BINS];
  /**
   * What {@link #deseasonalisedLevel()} adds up, kept between points (ADR-043): the learned bins
   * in bin order ({@code learnedBins[0..learned)}, {@code rank[b]} a learned bin's place among
   * them) and {@code partialSums[i]}, the sum of the first {@code i} of them added in that
   * order, valid for {@code i <= summed}. A point changes one bin, so only the sums from its
   * place on are added again, in the same order as the full loop: the level is bit for bit
   * the loop's, at the cost of the bins after the current one.
   */
  private final int[] learnedBins = new int[DAY_BINS];
  private final int[] rank = new int[DAY_BINS];
  private int learned;
  private final double[] partialSums = new double[DAY_BINS + 1];
  private int summed;
  private final Gain magnitudeGain = new Gain(MAGNITUDE_ALPHA);
  private final Gain errorGain = new Gain(ERROR_ALPHA);
  private final Gain scaleGain;
  private final Gain levelGain;
  private final Remembered offsetKeep = new Remembered();
  private final Remembered dayKeep = new Remembered();
  private final Remembered weekKeep = new Remembered();
  /** The profile bins' per-visit keep ({@code 1 - 1 / memory}) and its {@code ln(1 / base)}. */
  private final double dayBase;
  private final double dayDecay;
  private final double weekBase;
  private final double weekDecay;
  /**
   * Margins of {@link #gainOrFloor}'s bound: relative (the rounding of the product and of the
   * logarithm, a few 1e-16) and absolute ({@code Math.pow}'s ulp below 1 and the subtraction,
   * at most about 3.3e-16), each taken several times over.
   */
  private static final double POWER_MARGIN = 1 + 1e-6;
  private static final double POWER_SLACK = 1e-15;

  // The prediction for the current point, set by predict().
  private double plainPrediction;
  private double seasonalPrediction;
  private boolean profiled;
  private int dayBin;
  private int weekBin;
  /**
   * The event time span {@code [binFrom, binUntil)} of the current day bin (30 minutes, within
   * one hourly week bin): a point inside it has the last point's bins, without the two long
   * divisions (ADR-043). Not state: a restored baseline works its bins out again.
   */
  private long binFrom = Long.MAX_VALUE;
  private long binUntil = Long.MIN_VALUE;

  SeasonalBaseline(AdaptiveDetector.Config config) {
    this.config = config;
    this.scaleGain = new Gain(config.scaleAlpha());
    this.levelGain = new Gain(config.alpha());
    this.dayBase = 1 - 1 / config.dayMemory();
    this.weekBase = 1 - 1 / config.weekMemory();
    this.dayDecay = decayOf(dayBase);
    this.weekDecay = decayOf(weekBase);
  }

  /** Predicts the point at {@code timeMillis}, {@code steps} typical intervals after the last. */
  void predict(long timeMillis, double steps) {
    double damped = config.damping() * steps;
    plainPrediction = plainLevel + plainTrend * damped;
    if (timeMillis < binFrom || timeMillis >= binUntil) {
      long ofDay = Math.floorMod(timeMillis, DAY_MS);
      dayBin = (int) (ofDay / DAY_BIN_MS);
      weekBin = (int) (Math.floorMod(timeMillis, WEEK_MS) / (WEEK_MS / WEEK_BINS));
      binFrom = timeMillis - (ofDay - dayBin * DAY_BIN_MS);
      binUntil = binFrom + DAY_BIN_MS;
    }
    profiled = dayPoints[dayBin] >= MIN_BIN_POINTS;
    seasonalPrediction = profiled ? profile() + offset + offsetTrend * damped : plainPrediction;
    // Hysteresis: the seasonal model takes over when clearly better, and keeps the lead until
    // it is worse, so the expectation does not flip between models on every point.
    double ratio = seasonal ? 1 : SEASON_ADVANTAGE;
    seasonal = profiled && count > config.warmUp() && seasonalError < ratio * plainError;
  }

  double expected() {
    return seasonal ? seasonalPrediction : plainPrediction;
  }

  /** The typical deviation (a standard deviation for Gaussian noise), never zero. */
  double sigma() {
    return Math.max(scale * GAUSS_SIGMA_PER_MAD, noiseFloor());
  }

  /**
   * The least deviation believed (the noise floor): half the series' resolution (the smallest
   * step between two values seen), and a small share of its magnitude, so a flat, quantised or
   * perfectly periodic series never turns a tiny residual into a certain anomaly.
   */
  double noiseFloor() {
    return Math.max(Math.max(1e-9 * (1 + Math.abs(expected())),
        config.relativeFloor() * magnitude), Double.isFinite(quantum) ? quantum / 2 : 0);
  }

  /** True once the first points have started the baseline. */
  boolean started() {
    return start.complete();
  }

  /**
   * The level of the series with its daily rhythm taken out: the offset from the profile plus
   * the profile's mean over the bins learned so far. Steady on a healthy seasonal series, so a
   * slow drift stands out against it.
   */
  double deseasonalisedLevel() {
    double sum = partialSums[summed];
    for (int i = summed; i < learned; i++) {
      sum += day[learnedBins[i]];
      partialSums[i + 1] = sum;
    }
    summed = learned;
    return offset + (learned == 0 ? plainLevel : sum / learned);
  }

  /**
   * Learns from {@code value}, the point just predicted, {@code steps} steps of
   * {@code stepMillis} after the last: the offset's and the profile bins' gains are per event
   * time ({@code steps × stepMillis}, the point's interval), the other gains per step.
   */
  void learn(double value, double steps, double stepMillis) {
    if (!start.complete()) {
      if (start.add(value)) {
        // The baseline starts from the median and MAD of the first points, not from the first.
        double median = start.median();
        double mad = start.sigma() / GAUSS_SIGMA_PER_MAD;
        plainLevel = median;
        plainError = mad;
        seasonalError = mad;
        scale = mad;
        count = RobustStart.POINTS;
      }
      if (!Double.isNaN(lastValue) && value != lastValue) {
        quantum = Math.min(quantum, Math.abs(value - lastValue));
      }
      lastValue = value;
      magnitude = Math.abs(start.median());
      return;
    }
    count++;
    // The magnitude follows the (outlier-proof) expectation, not the raw value: one wild value
    // must not raise the noise floor and with it the clipping that protects the baseline.
    magnitude += Math.max(magnitudeGain.at(steps), 1.0 / count)
        * (Math.abs(expected()) - magnitude);
    // Each model's residuals are clipped at a few of its own deviations: a model that is still
    // far off (a profile being learned) must not be held back by the other model's precision.
    double plainClip = config.clip() * Math.max(plainError * GAUSS_SIGMA_PER_MAD, noiseFloor());
    double seasonalClip = config.clip() * Math.max(seasonalError * GAUSS_SIGMA_PER_MAD, noiseFloor());
    double plainResidual = value - plainPrediction;
    double seasonalResidual = value - seasonalPrediction;
    double chosen = seasonal ? clip(seasonalResidual, seasonalClip)
        : clip(plainResidual, plainClip);
    double residuals = 1.0 / (count - 1);
    double errorGain = Math.max(this.errorGain.at(steps), residuals);
    plainError += errorGain * (Math.abs(clip(plainResidual, plainClip)) - plainError);
    seasonalError += errorGain
        * (Math.abs(clip(seasonalResidual, seasonalClip)) - seasonalError);
    scale += Math.max(scaleGain.at(steps), residuals)
        * (Math.abs(clip(chosen, config.clip() * sigma())) - scale);

    double levelGain = Math.max(this.levelGain.at(steps), 1.0 / count);
    double previous = plainLevel;
    plainLevel = plainPrediction + levelGain * clip(plainResidual, plainClip);
    plainTrend = count <= 2 ? 0 : config.damping() * plainTrend
        + config.beta() * ((plainLevel - previous) / steps - config.damping() * plainTrend);

    if (profiled) {
      double offsetGain = 1 - offsetKeep.exp(-stepMillis * steps / config.seasonalLevelMillis());
      double before = offset;
      offset = offset + offsetTrend * config.damping() * steps
          + offsetGain * clip(seasonalResidual, seasonalClip);
      offsetTrend = config.damping() * offsetTrend
          + config.beta() * ((offset - before) / steps - config.damping() * offsetTrend);
    }
    // A bin's first value starts it unclipped, so keep it within the plain model's range.
    double firstValue = Math.max(plainPrediction - plainClip,
        Math.min(plainPrediction + plainClip, value));
    learnProfile(value, firstValue, steps, stepMillis, seasonalClip);

    if (value != lastValue) {
      quantum = Math.min(quantum, Math.abs(value - lastValue));
    }
    lastValue = value;
  }

  /**
   * The profile learns the value itself (less the current offset), each bin a running mean over
   * its first days and then an average over the last {@code dayMemory} days.
   */
  private void learnProfile(double value, double firstValue, double steps,
      double stepMillis, double clip) {
    double target = (dayPoints[dayBin] == 0 ? firstValue : value) - offset;
    double visits = Math.min(1, steps * stepMillis / (DAY_MS / DAY_BINS));
    dayPoints[dayBin] = Math.min(dayPoints[dayBin] + 1, 1 << 20);
    if (dayPoints[dayBin] == 1) { // a bin learned for the first time joins the level
      rankLearnedBins();
    }
    double dayGain = gainOrFloor(dayKeep, dayBase, dayDecay, visits, 1.0 / dayPoints[dayBin]);
    double weekly = weekPoints[weekBin] >= MIN_BIN_POINTS ? week[weekBin] : 0;
    double dayError = target - weekly - day[dayBin];
    day[dayBin] += dayGain * (dayPoints[dayBin] == 1 ? dayError : clip(dayError, clip));
    summed = Math.min(summed, rank[dayBin]); // the level's sums from this bin on are stale

    double weekVisits = Math.min(1, steps * stepMillis / (WEEK_MS / WEEK_BINS));
    weekPoints[weekBin] = Math.min(weekPoints[weekBin] + 1, 1 << 20);
    double weekGain = gainOrFloor(weekKeep, weekBase, weekDecay, weekVisits,
        1.0 / weekPoints[weekBin]);
    week[weekBin] += weekGain * clip(target - day[dayBin] - week[weekBin], clip);
  }

  /**
   * {@code Math.max(1 - base^visits, floor)}, the gain of a profile bin, without the power when
   * it cannot win (ADR-049): for {@code visits >= 0}, {@code 1 - base^visits} is at most
   * {@code visits * ln(1 / base)} ({@code e^-x >= 1 - x}), and {@code Math.pow} is within one
   * ulp (at most 2^-52 here), so when that bound with a generous margin is below the floor, the
   * computed gain is below it too and the max is the floor, bit for bit. A sub-minute series
   * visits a bin for a sliver of its 30 minutes per point (1 Hz: 1/1,800), so the running
   * mean's {@code 1 / points} is the larger for a day bin's first ~2,600 points (a day and a
   * half at 1 Hz) and a week bin's first ~8,900: powers saved while a young or irregular
   * series' {@code visits} changes from point to point and the remembered power cannot help.
   */
  static double gainOrFloor(Remembered keep, double base, double decay, double visits,
      double floor) {
    if (visits >= 0 && visits * decay * POWER_MARGIN + POWER_SLACK < floor) {
      return floor;
    }
    return Math.max(1 - keep.pow(base, visits), floor);
  }

  /** {@code ln(1 / base)} for a base in (0, 1), else NaN (then the power is always computed). */
  static double decayOf(double base) {
    return base > 0 && base < 1 ? -Math.log(base) : Double.NaN;
  }

  private double profile() {
    return day[dayBin] + (weekPoints[weekBin] >= MIN_BIN_POINTS ? week[weekBin] : 0);
  }

  /**
   * The series has settled at a new level: {@code level} for the plain model, and
   * {@code offset} from the daily profile for the seasonal one.
   */
  void settle(double level, double offsetFromProfile) {
    if (!Double.isNaN(level)) {
      plainLevel = level;
      plainTrend = 0;
    }
    if (!Double.isNaN(offsetFromProfile)) {
      offset = offsetFromProfile;
      offsetTrend = 0;
    }
  }

  /** The current point's value less the daily profile (the value itself if not profiled). */
  double deseasonalise(double value) {
    return profiled ? value - profile() : Double.NaN;
  }

  private static double clip(double residual, double limit) {
    return Math.max(-limit, Math.min(limit, residual));
  }

  void write(Snapshot.Writer w) {
    w.putLong(count).putDouble(plainLevel).putDouble(plainTrend).putDouble(plainError)
        .putDouble(offset).putDouble(offsetTrend).putDouble(seasonalError).putDouble(scale)
        .putDouble(quantum).putDouble(magnitude).putDouble(lastValue).putBoolean(seasonal);
    start.write(w);
    w.putDoubles(day)
        .putInts(dayPoints).putDoubles(week).putInts(weekPoints);
  }

  void read(Snapshot.Reader r) {
    count = r.getLong();
    plainLevel = r.getDouble();
    plainTrend = r.getDouble();
    plainError = r.getDouble();
    offset = r.getDouble();
    offsetTrend = r.getDouble();
    seasonalError = r.getDouble();
    scale = r.getDouble();
    quantum = r.getDouble();
    magnitude = r.getDouble();
    lastValue = r.getDouble();
    seasonal = r.getBoolean();
    start.read(r);
    System.arraycopy(r.getDoubles(DAY_BINS), 0, day, 0, DAY_BINS);
    System.arraycopy(r.getInts(DAY_BINS), 0, dayPoints, 0, DAY_BINS);
    System.arraycopy(r.getDoubles(WEEK_BINS), 0, week, 0, WEEK_BINS);
    System.arraycopy(r.getInts(WEEK_BINS), 0, weekPoints, 0, WEEK_BINS);
    rankLearnedBins();
  }

  /** Lists the learned bins in order after one was learned for the first time (or a restore). */
  private void rankLearnedBins() {
    learned = 0;
    for (int b = 0; b < DAY_BINS; b++) {
      if (dayPoints[b] > 0) {
        rank[b] = learned;
        learnedBins[learned++] = b;
      }
    }
    summed = 0;
  }
}
