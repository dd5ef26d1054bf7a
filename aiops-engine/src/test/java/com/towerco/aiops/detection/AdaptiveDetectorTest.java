package com.towerco.aiops.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What each of the adaptive detector's views finds, and that it names itself. */
class AdaptiveDetectorTest {
  private static final long START = 1_775_001_600_000L;
  private static final long STEP = 60_000L;

  private final Detector detector = Detectors.byName("adaptive").create();
  private final SplittableRandom noise = new SplittableRandom(42);
  private int i;

  private List<Score> feed(int n, java.util.function.IntToDoubleFunction value) {
    List<Score> scores = new ArrayList<>();
    for (int k = 0; k < n; k++, i++) {
      scores.add(detector.observe(START + i * STEP, value.applyAsDouble(i)));
    }
    return scores;
  }

  private static List<String> fired(List<Score> scores) {
    return scores.stream().filter(Score::anomalous).map(Score::firedBy).distinct().toList();
  }

  @Test
  void aModestLastingStepIsReportedOnceAndThenBecomesNormal() {
    feed(2_000, k -> 50 + noise.nextGaussian());
    List<Score> after = feed(2_000, k -> 56 + noise.nextGaussian());
    // The fast level absorbs a 6-sigma step within a few points: the step views name it. (A
    // 3-sigma step on white noise is a one-in-2,000 event, under the alert level of 10^-3.5.)
    assertThat(fired(after)).containsAnyOf("adaptive/level-shift", "adaptive/drift");
    assertThat(after.subList(0, 120)).anyMatch(Score::anomalous);
    assertThat(after.subList(200, after.size())).noneMatch(Score::anomalous);
  }

  @Test
  void aLargeLastingStepIsALevelShift() {
    feed(2_000, k -> 50 + noise.nextGaussian());
    List<Score> after = feed(500, k -> 58 + noise.nextGaussian());
    assertThat(fired(after)).contains("adaptive/level-shift");
    assertThat(after.subList(30, after.size())).noneMatch(Score::anomalous);
  }

  @Test
  void aSensorStuckOnOneValueIsAFlatline() {
    feed(2_000, k -> 20 + noise.nextGaussian());
    List<Score> stuck = feed(100, k -> 20.5);
    assertThat(fired(stuck)).containsExactly("adaptive/flatline");
  }

  @Test
  void aSensorGoingNoisyIsAVarianceChange() {
    feed(3_000, k -> 20 + noise.nextGaussian());
    List<Score> noisy = feed(200, k -> 20 + 6 * noise.nextGaussian());
    assertThat(fired(noisy)).contains("adaptive/variance");
  }

  @Test
  void aSlowFallLikeVanishingFuelIsADrift() {
    feed(3_000, k -> 500 + noise.nextGaussian());
    List<Score> falling = feed(400, k -> 500 - 0.06 * (k - 3_000) + noise.nextGaussian());
    assertThat(falling.stream().filter(Score::anomalous).findFirst())
        .hasValueSatisfying(s -> assertThat(s.firedBy()).isIn("adaptive/drift",
            "adaptive/level-shift"));
  }

  @Test
  void anOutlierDoesNotBendTheBaseline() {
    feed(1_000, k -> 10 + noise.nextGaussian());
    Score spike = feed(1, k -> 1_000).get(0);
    Score next = feed(1, k -> 10).get(0);
    assertThat(spike.firedBy()).isEqualTo("adaptive/residual");
    assertThat(spike.anomalous()).isTrue();
    // A clipped residual moves the level by at most alpha x clip deviations (0.3 x 3).
    assertThat(next.expected()).isBetween(8.5, 11.5);
    assertThat(next.anomalous()).isFalse();
  }

  @Test
  void atOnePointPerSecondSlowWanderIsQuietButSpikesStepsStuckSensorsAndDropoutsAreFound() {
    int n = 2 * 86_400;
    double[] v = new double[n];
    double wander = 0;
    for (int k = 0; k < n; k++) { // a cabinet temperature: daily swing, 15-min weather, 0.1 C
      wander = wander * Math.exp(-1 / 900.0)
          + noise.nextGaussian() * 0.3 * Math.sqrt(1 - Math.exp(-2 / 900.0));
      v[k] = Math.round((30 + 3 * Math.sin(2 * Math.PI * k / 86_400.0) + wander
          + noise.nextGaussian() * 0.05) * 10) / 10.0;
    }
    int spike = 100_000;
    int step = 120_000;
    int stuck = 140_000;
    int dropout = 160_000;
    v[spike] += 15;
    for (int k = step; k < n; k++) {
      v[k] += 3;
    }
    for (int k = stuck; k < stuck + 1_800; k++) {
      v[k] = v[stuck];
    }
    for (int k = dropout; k < dropout + 300; k++) {
      v[k] = 0;
    }
    Detector perSecond = Detectors.byName("adaptive").create();
    List<Integer> anomalous = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      if (perSecond.observe(START + k * 1_000L, v[k]).anomalous()) {
        anomalous.add(k);
      }
    }
    assertThat(anomalous).filteredOn(k -> k < spike).isEmpty(); // a healthy day and more
    assertThat(anomalous).contains(spike, step, dropout);
    assertThat(anomalous).anyMatch(k -> k > stuck + 600 && k < stuck + 1_800); // 10-30 min
    assertThat(anomalous).allMatch(k -> k == spike || k >= step && k < step + 600
        || k >= stuck && k < stuck + 1_900 || k >= dropout && k < dropout + 600);
  }
}
