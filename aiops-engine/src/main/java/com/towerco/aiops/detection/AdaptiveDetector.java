package com.towerco.aiops.detection;

/**
 * The default detector: a {@link SeasonalBaseline} (trend-following level or daily/weekly
 * profile, whichever predicts better) and five views of what departs from it, each view's
 * evidence turned into a calibrated surprise ({@code -log10} of its probability on this series,
 * from the view's learned {@link Tail}), the most surprising view winning and naming itself in
 * {@link Score#firedBy()}:
 * <ul>
 *   <li>{@code residual}: one point far outside the expected range (spikes, dips);
 *   <li>{@code level-shift}: a CUSUM of residuals (a step); once it fires the baseline jumps to
 *       the new level, so a lasting change is reported once rather than for hours;
 *   <li>{@code drift}: the level leaving its slow average faster than usual (fuel vanishing, a
 *       battery fading, a trend change);
 *   <li>{@code variance}: recent deviations several times the usual (a sensor going noisy);
 *   <li>{@code flatline}: a run of identical values chance would not produce (a sensor stuck).
 * </ul>
 * The score is the surprise over twice the alert surprise, capped at 1: 0.5 means a
 * one-in-{@code 10^alertSurprise} event on this series whatever its scale or noise, so one
 * threshold serves every series. For a series sampled more coarsely than
 * {@link Config#referenceStepMillis()} the alert surprise is per unit of time rather than per
 * point ({@link #alertSurprise}): an hourly series gets as many chances to alarm a day as a
 * five-minute one, not twelve times fewer, and with them its moderate anomalies (the drift view,
 * a slow average, keeps the per-point level: {@link Views#judge}). The deviation never falls
 * below what the series' resolution and magnitude justify ({@link SeasonalBaseline#sigma()}),
 * so a flat or perfectly periodic series cannot make tiny residuals certain anomalies. Nothing
 * is scored while the baseline forms ({@link Config#warmUp()} points and steps, the same
 * duration for a coarser series but at least {@link Config#minWarmUp()} points, and for a
 * series with several points per step, such as 1 Hz telemetry, {@code warmUp} points and one
 * reference step of event time, five minutes, rather than 40 one-minute steps (ADR-032):
 * {@link Score#learning()}); a counter (a series that only grows) is judged by its increase per
 * step, and its resets are skipped.
 */
public final class AdaptiveDetector implements Detector {
  private static final int VERSION = 4;
  /**
   * The oldest snapshot format still read: v2 held everything but the per-minute view (ADR-041),
   * which a v2 state restores empty, learning again; the rest continues where it stood. v3 held
   * the per-minute view but not its CUSUM, the misses' correlation and a reported departure's
   * level (ADR-045), which a v3 state restores empty.
   */
  private static final int OLDEST_VERSION = 2;
  /** Room for a snapshot (3,356 bytes in v4, 3,284 in v3) and its name, written in one buffer. */
  private static final int SNAPSHOT_CAPACITY = 3_400;
  private static final double SHORT_SCALE_ALPHA = 0.1;
  private static final double LN10 = Math.log(10);
  /** The alert surprise of the coarsest series: never more than one point in 100 alarms. */
  static final double MIN_ALERT_SURPRISE = 2;

  /**
   * The tunable constants. {@code alpha}/{@code beta}/{@code damping}: Holt level, trend and
   * trend damping per typical interval; {@code seasonalLevelMillis}: time constant of the
   * level under the seasonal profiles; {@code dayMemory}/{@code weekMemory}: how many days
   * (weeks) a profile bin remembers; {@code scaleAlpha}: deviation memory; {@code clip}:
   * residuals teach at most this many deviations; {@code cusumSlack}: CUSUM allowance
   * (deviations); {@code minFlatRun}: shortest run of repeats ever called flat; {@code warmUp}:
   * points (and steps) learned before the first score (a series with several points per step
   * learns for {@code warmUp} points and one {@code referenceStepMillis} of event time instead,
   * ADR-032); {@code alertSurprise}: the surprise ({@code -log10} probability) that scores 0.5;
   * {@code tailMemory}: steps a view's tail
   * remembers; {@code relativeFloor}: the least deviation believed, relative to the series'
   * magnitude; {@code residualYouth}: steps during which the residual's tail learns every
   * excess as it is, not capped at the alert level ({@link Tail#young()});
   * {@code referenceStepMillis}: the coarsest sampling step the other constants were chosen at;
   * a coarser series has the same false alarms per unit of time (its alert surprise lower by
   * {@code log10(step / referenceStep)}, never below {@link #MIN_ALERT_SURPRISE}) and learns
   * for the same duration ({@code warmUp} reference steps, never fewer than {@code minWarmUp}
   * points).
   */
  public record Config(double alpha, double beta, double damping, double seasonalLevelMillis,
      double dayMemory, double weekMemory, double scaleAlpha, double clip, double cusumSlack,
      int minFlatRun, int warmUp, double alertSurprise, double tailMemory,
      double relativeFloor, double residualYouth, double referenceStepMillis, int minWarmUp) {

    public static Config defaults() {
      // Chosen on the smd and asd corpora (benchmarks' DetectorTuning), never on the held-out
      // ms-cloud-monitoring; alpha and clip kept at 0.3 x 3 so an outlier barely bends the level,
      // minFlatRun at 12 (6 was as good) so a step to a constant value is not also a flatline;
      // residualYouth a quarter of the tail's memory, chosen on smd and asd's cold-start view;
      // referenceStepMillis 5 minutes (asd's and the synthetic suite's step, the coarsest tuned
      // on before ADR-030) and minWarmUp 20 points chosen on ms-cloud-monitoring's hourly
      // series (ADR-030), never on the held-out skab.
      return new Config(0.3, 0.02, 0.98, 3_600_000.0, 2, 3, 0.005, 3, 1.0, 12, 40, 3.5, 2_000,
          1e-3, 500, 300_000, 20);
    }
  }

  private final String name;
  private final Config config;
  private final Cadence cadence = new Cadence();
  private final CounterMode counter = new CounterMode();
  private SeasonalBaseline baseline;
  private final LevelShift shift = new LevelShift();
  private final Flatline flatline = new Flatline();
  private final Drift drift = new Drift();
  private final StepAggregates aggregates = new StepAggregates();
  private final Views views;
  private final double logReferenceStep;
  /** A reference step in {@link Cadence} steps: how long a sub-step series learns. */
  private final double fineLearningSteps;
  private double shortScale;
  private final Gain shortScaleGain = new Gain(SHORT_SCALE_ALPHA);
  private final Remembered stepLength = new Remembered();
  private double learnedSteps;

  public AdaptiveDetector(String name, Config config) {
    this.name = name;
    this.config = config;
    this.baseline = new SeasonalBaseline(config);
    this.views = new Views(name, config.tailMemory(), config.residualYouth());
    this.logReferenceStep = Math.log(config.referenceStepMillis());
    this.fineLearningSteps = config.referenceStepMillis() / Cadence.RESOLUTION_MS;
  }

  /** The registry entry for this detector under {@code name} with {@code config}. */
  public static DetectorFactory factory(String name, String description, Config config) {
    return new DetectorFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public Detector create() {
        return new AdaptiveDetector(name, config);
      }

      @Override
      public Detector restore(byte[] snapshot) {
        AdaptiveDetector d = new AdaptiveDetector(name, config);
        Snapshot.Reader r = new Snapshot.Reader(snapshot, name, OLDEST_VERSION, VERSION);
        d.cadence.read(r);
        d.counter.read(r);
        d.baseline.read(r);
        d.shift.read(r);
        d.flatline.read(r);
        d.drift.read(r);
        if (r.version() >= 3) {
          d.aggregates.read(r);
        }
        if (r.version() >= 4) {
          d.aggregates.readDepartures(r);
        }
        d.views.read(r);
        d.shortScale = r.getDouble();
        d.learnedSteps = r.getDouble();
        return d;
      }
    };
  }

  @Override
  public Score observe(long timeMillis, double raw) {
    if (!Double.isFinite(raw)) {
      return Score.unknown(timeMillis, raw, name);
    }
    double steps = cadence.advance(timeMillis);
    double value = counter.transform(raw, steps);
    if (counter.restarted()) {
      restart();
    }
    if (Double.isNaN(value)) { // a counter's reset, or its first point
      return Score.learning(timeMillis, raw, name);
    }
    if (cadence.gap()) {
      shift.reset();
      flatline.reset();
    }
    // A step's length: a point's steps times it is its interval (1 Hz: a sixtieth of a minute).
    double stepMillis = this.stepLength.exp(cadence.logStep());
    baseline.predict(timeMillis, steps);
    double flatRun = flatline.add(value, steps, config.minFlatRun());
    learnedSteps += Math.min(1, steps);
    boolean fine = cadence.finerThanStep();
    if (fine) {
      aggregates.add(timeMillis, value, baseline.noiseFloor());
    }
    if (!baseline.started()) {
      baseline.learn(value, steps, stepMillis);
      return Score.learning(timeMillis, raw, name);
    }
    // log10 of how much coarser than the reference step the series is (0 if not), read from the
    // cadence's log interval so that a fine series pays nothing for it.
    double coarser = Double.isNaN(cadence.logInterval) ? 0
        : Math.max(0, (cadence.logInterval - logReferenceStep) / LN10);
    boolean learning = baseline.count < config.warmUp() || learnedSteps < learningSteps();
    if (learning && coarser > 0) {
      double points = learningPoints(coarser);
      learning = baseline.count < points || learnedSteps < points;
    }
    double expected = baseline.expected();
    double sigma = baseline.sigma();
    double residual = value - expected;
    double z = residual / sigma;

    double cusum = shift.add(z, value, baseline.deseasonalise(value), config.cusumSlack(),
        steps);
    shortScale += shortScaleGain.at(steps)
        * (Math.min(Math.abs(residual), 6 * sigma) - shortScale);
    double spread = shortScale * 1.2533 / sigma;
    double gap = Math.abs(drift.add(baseline.deseasonalisedLevel(), steps, sigma));
    double alert = coarser > 0 ? alertSurprise(coarser) : config.alertSurprise();
    views.judge(Math.abs(z), cusum, gap, spread, flatRun, shift.evident(), alert,
        config.alertSurprise() - alert);
    views.learn(Math.abs(z), cusum, gap, spread, flatRun, steps, alert);
    baseline.learn(value, steps, stepMillis);
    if (views.surprise(Views.LEVEL_SHIFT) >= alert || shift.evident()) {
      baseline.settle(shift.level(), shift.deseasonalisedLevel());
      shift.reset();
      drift.accept(baseline.deseasonalisedLevel());
      if (fine && views.surprise(Views.LEVEL_SHIFT) >= alert) { // reported: the new normal
        aggregates.settle();
      }
    } else if (views.surprise(Views.DRIFT) >= alert) {
      drift.accept(baseline.deseasonalisedLevel());
    }
    if (fine) { // each finished step's mean, judged among the steps (1 Hz series, ADR-041)
      views.raise(Views.LEVEL_SHIFT, aggregates.surprise(), alert);
      if (aggregates.surprise() >= alert) {
        aggregates.reported();
      }
    }
    if (learning) {
      return Score.learning(timeMillis, raw, name);
    }
    double score = Math.min(1, views.best() / (2 * alert));
    // The expected range (the residual's tail quantile at the alert surprise, a logarithm and a
    // power) is worked out only if asked for (ADR-069).
    return new Score(timeMillis, raw, score, counter.expectedRaw(expected),
        ResidualRange.of(views.residualTail(), alert, expected, sigma, counter.rawBase(),
            counter.steps), views.firedBy());
  }

  /**
   * The surprise that scores 0.5 on a series sampled every {@code intervalMillis}: the
   * configured one up to the reference step; above it lower by {@code log10} of the ratio, so the
   * chance that some point of an hour (a day) alarms by chance stays what it is at the reference
   * step, never below {@link #MIN_ALERT_SURPRISE}.
   */
  double alertSurpriseAt(double intervalMillis) {
    return alertSurprise(log10Coarser(intervalMillis));
  }

  private double alertSurprise(double log10Coarser) {
    return Math.max(Math.min(MIN_ALERT_SURPRISE, config.alertSurprise()),
        config.alertSurprise() - log10Coarser);
  }

  /**
   * Points learned before the first score: {@code warmUp} for a series sampled at the reference
   * step or faster, the same duration for a coarser one, but never fewer than
   * {@code minWarmUp}.
   */
  double learningPointsAt(double intervalMillis) {
    return learningPoints(log10Coarser(intervalMillis));
  }

  /**
   * Steps learned before the first score, besides {@code warmUp} points: {@code warmUp} steps,
   * but for a series sampled at least twice per {@link Cadence#RESOLUTION_MS} (its
   * points a fraction of a step each: {@link Cadence#finerThanStep()}) only one reference step of event time (ADR-032): its {@code warmUp} points
   * then start the baseline and its spread, and it is not kept learning for 40 minutes (a
   * 1 Hz series), longer than many a whole fault.
   */
  private double learningSteps() {
    return cadence.finerThanStep() ? Math.min(config.warmUp(), fineLearningSteps)
        : config.warmUp();
  }

  private double learningPoints(double log10Coarser) {
    return Math.max(Math.min(config.minWarmUp(), config.warmUp()),
        config.warmUp() * Math.pow(10, -log10Coarser));
  }

  private double log10Coarser(double intervalMillis) {
    return Math.max(0, Math.log10(intervalMillis / config.referenceStepMillis()));
  }

  /** A series that turned out not to be a counter: learn it again as it is. */
  private void restart() {
    baseline = new SeasonalBaseline(config);
    shift.reset();
    flatline.reset();
    drift.reset();
    aggregates.reset();
    views.reset();
    shortScale = 0;
    learnedSteps = 0;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte[] snapshot() {
    Snapshot.Writer w = new Snapshot.Writer(name, VERSION, SNAPSHOT_CAPACITY);
    cadence.write(w);
    counter.write(w);
    baseline.write(w);
    shift.write(w);
    flatline.write(w);
    drift.write(w);
    aggregates.write(w);
    aggregates.writeDepartures(w);
    views.write(w);
    return w.putDouble(shortScale).putDouble(learnedSteps).toBytes();
  }
}
