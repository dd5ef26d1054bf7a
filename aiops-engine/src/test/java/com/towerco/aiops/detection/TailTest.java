package com.towerco.aiops.detection;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.aiops.detection.evaluation.Corpus;
import com.towerco.aiops.detection.evaluation.CorpusEvaluation;
import com.towerco.aiops.detection.evaluation.CorpusSeries;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A tail's youth: it learns a series' own spikes as they are, then caps at the alert level. */
class TailTest {
  private static final double ALERT = 3.5;

  @Test
  void aYoungTailLearnsAnExcessBeyondTheAlertLevelAsItIsAndAGrownOneCapsIt() {
    Tail young = new Tail(3, 2_000, 0.02, 100, 1.0, 3, 500);
    Tail capped = new Tail(3, 2_000, 0.02, 100, 1.0, 3);
    double beyond = capped.quantile(ALERT) + 10;
    assertThat(young.young()).isTrue();
    assertThat(capped.young()).isFalse();
    young.learn(beyond, 1, young.decay(1), ALERT);
    capped.learn(beyond, 1, capped.decay(1), ALERT);
    assertThat(young.excesses).isEqualTo(beyond - 3);
    assertThat(capped.excesses).isLessThan(beyond - 3 - 9);

    for (int i = 0; i < 600; i++) { // grows up: over 500 steps learned
      young.learn(0, 1, young.decay(1), ALERT);
    }
    assertThat(young.young()).isFalse();
    double before = young.excesses * young.decay(1);
    young.learn(1e6, 1, young.decay(1), ALERT);
    assertThat(young.excesses - before).isLessThanOrEqualTo(young.quantile(ALERT) - 3 + 1e-9);
  }

  @Test
  void aSparseSpikySeriesRaisesFewerFalseAlarmsInItsFirstThousandPointsThanWithATailCappedFromBirth() {
    // Like a lightly used server's metric: mostly 0 or one quantum, a spike of 30-70 quanta
    // every 20-60 points: its own normal, which a capped young tail takes hundreds of points
    // to learn. Nothing is labelled: every alarm is false.
    int alarmsNow = 0;
    int alarmsCapped = 0;
    for (int seed = 0; seed < 20; seed++) {
      CorpusSeries series = spiky(seed);
      Corpus corpus = new Corpus("spiky", List.of(series));
      alarmsNow += CorpusEvaluation.run(corpus, Detectors.byName(Detectors.DEFAULT),
          AlarmPolicy.DEFAULT).total().falseAlarms();
      alarmsCapped += CorpusEvaluation.run(corpus, cappedFromBirth(), AlarmPolicy.DEFAULT)
          .total().falseAlarms();
    }
    System.out.printf("false alarms on 20 sparse spiky series: %d, capped from birth %d%n",
        alarmsNow, alarmsCapped);
    assertThat(alarmsNow).isLessThan(alarmsCapped);
  }

  /** The default detector with a residual tail capped at the alert level from its first step. */
  private static DetectorFactory cappedFromBirth() {
    AdaptiveDetector.Config d = AdaptiveDetector.Config.defaults();
    return AdaptiveDetector.factory("adaptive", "", new AdaptiveDetector.Config(d.alpha(),
        d.beta(), d.damping(), d.seasonalLevelMillis(), d.dayMemory(), d.weekMemory(),
        d.scaleAlpha(), d.clip(), d.cusumSlack(), d.minFlatRun(), d.warmUp(),
        d.alertSurprise(), d.tailMemory(), d.relativeFloor(), 0, d.referenceStepMillis(),
        d.minWarmUp()));
  }

  private static CorpusSeries spiky(int seed) {
    Random random = new Random(seed);
    int n = 1_000;
    long[] times = new long[n];
    double[] values = new double[n];
    int next = 20 + random.nextInt(40);
    for (int i = 0; i < n; i++) {
      times[i] = 1_546_300_800_000L + i * 60_000L;
      values[i] = 0.000071 * (random.nextDouble() < 0.4 ? 1 : 0);
      if (i == next) {
        values[i] = 0.000071 * (30 + random.nextInt(40));
        next += 20 + random.nextInt(40);
      }
    }
    return new CorpusSeries("spiky-" + seed, "", times, values, new boolean[n], 0);
  }
}
