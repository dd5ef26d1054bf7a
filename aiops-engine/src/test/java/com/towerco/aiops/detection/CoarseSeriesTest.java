package com.towerco.aiops.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * A series sampled more coarsely than the reference step (ADR-030): its alert surprise is per
 * unit of time, not per point, and it learns for the same duration (but at least
 * {@code minWarmUp} points), so an hourly series' early and moderate anomalies are found; it
 * stays as quiet when nothing happens as a five-minute one.
 */
class CoarseSeriesTest {
  private static final long START = 1_775_001_600_000L;
  private static final long SECOND = 1_000L;
  private static final long FIVE_MINUTES = 300_000L;
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 86_400_000L;

  private final AdaptiveDetector adaptive = new AdaptiveDetector("adaptive",
      AdaptiveDetector.Config.defaults());

  @Test
  void theAlertSurpriseIsPerUnitOfTimeAboveTheReferenceStep() {
    double configured = AdaptiveDetector.Config.defaults().alertSurprise();
    assertThat(adaptive.alertSurpriseAt(SECOND)).isEqualTo(configured);
    assertThat(adaptive.alertSurpriseAt(FIVE_MINUTES)).isEqualTo(configured);
    // Twelve points an hour at the reference step: one hourly point may be twelve times likelier.
    assertThat(adaptive.alertSurpriseAt(HOUR)).isCloseTo(configured - Math.log10(12),
        within(1e-9));
    assertThat(adaptive.alertSurpriseAt(DAY)).isEqualTo(AdaptiveDetector.MIN_ALERT_SURPRISE);
  }

  @Test
  void aCoarseSeriesLearnsForTheSameDurationButAtLeastMinWarmUpPoints() {
    AdaptiveDetector.Config c = AdaptiveDetector.Config.defaults();
    assertThat(adaptive.learningPointsAt(SECOND)).isEqualTo(c.warmUp());
    assertThat(adaptive.learningPointsAt(FIVE_MINUTES)).isEqualTo(c.warmUp());
    assertThat(adaptive.learningPointsAt(2 * FIVE_MINUTES)).isEqualTo(c.warmUp() / 2.0);
    assertThat(adaptive.learningPointsAt(HOUR)).isEqualTo(c.minWarmUp());

    Detector hourly = Detectors.byName(Detectors.DEFAULT).create();
    int learning = 0;
    for (int i = 0; i < 100; i++) {
      learning += hourly.observe(START + i * HOUR, 10 + i % 3).learning() ? 1 : 0;
    }
    assertThat(learning).isEqualTo(c.minWarmUp());
  }

  /** Alarm events over {@code n} points at {@code step}. */
  private static int alarms(int n, long step, IntToDoubleFunction value) {
    return alarmRows(n, step, value).size();
  }

  /** The rows at which an alarm switched on. */
  private static List<Integer> alarmRows(int n, long step, IntToDoubleFunction value) {
    Detector detector = Detectors.byName(Detectors.DEFAULT).create();
    AnomalyAlarm alarm = new AnomalyAlarm(AlarmPolicy.DEFAULT);
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      alarm.update(detector.observe(START + i * step, value.applyAsDouble(i)));
      if (alarm.active() && alarm.changed()) {
        rows.add(i);
      }
    }
    return rows;
  }

  @Test
  void anHourlySeriesIsQuietWhenNothingHappens() {
    IntToDoubleFunction daily = i -> 100 + 30 * Math.sin(2 * Math.PI * i / 24.0);
    assertThat(alarms(8 * 7 * 24, HOUR, daily)).isLessThanOrEqualTo(1);
    for (double constant : new double[] {0, 1, 99.5, -3e7}) {
      assertThat(alarms(2_000, HOUR, i -> constant)).as("%s", constant).isZero();
    }
    // A step that persists is alarmed at once and adds at most one alarm to what the same noise
    // gives without it (the drift view, which keeps the per-point level, does not follow it with
    // more); Gaussian noise alarms about as often per day as at the reference step (a
    // one-in-10^3.5 surprise per five minutes: about one alarm in ten days per view), not twelve
    // times less often.
    int noiseAlarms = 0;
    for (long seed = 1; seed <= 5; seed++) {
      double[] noise = gaussian(seed, 2_000);
      int quiet = alarms(noise.length, HOUR, i -> 20 + noise[i]);
      List<Integer> stepped = alarmRows(noise.length, HOUR,
          i -> (i < 1_000 ? 20 : 35) + noise[i]);
      assertThat(stepped).as("seed %d", seed).anyMatch(row -> row >= 1_000 && row < 1_003);
      assertThat(stepped.size()).as("seed %d", seed).isLessThanOrEqualTo(quiet + 1);
      noiseAlarms += quiet;
    }
    assertThat(noiseAlarms).as("alarms in 5 x 2,000 hours of noise").isLessThanOrEqualTo(50);
  }

  private static double[] gaussian(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = random.nextGaussian();
    }
    return v;
  }

  @Test
  void anHourlySeriesFindsAModerateRiseEarlyAndSaysWhatWasExpected() {
    // Two days of noisy hourly rates, then a 3-hour rise of 5 deviations on day 2: at the
    // reference step's per-point level this is under the alert; per unit of time it is not.
    SplittableRandom noise = new SplittableRandom(11);
    Detector detector = Detectors.byName(Detectors.DEFAULT).create();
    AnomalyAlarm alarm = new AnomalyAlarm(AlarmPolicy.DEFAULT);
    boolean found = false;
    Score first = null;
    for (int i = 0; i < 72; i++) {
      boolean rise = i >= 30 && i < 33;
      Score s = detector.observe(START + i * HOUR, 50 + 2 * noise.nextGaussian() + (rise ? 10 : 0));
      if (alarm.update(s) && rise && !found) {
        found = true;
        first = s;
      }
    }
    assertThat(found).isTrue();
    assertThat(first.firedBy()).startsWith("adaptive/");
    assertThat(first.high()).isLessThan(first.value());
    assertThat(first.low()).isLessThan(first.expected());
  }
}
