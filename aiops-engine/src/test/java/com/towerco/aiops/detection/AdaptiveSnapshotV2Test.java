package com.towerco.aiops.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A state stored before the per-minute view (snapshot v2, ADR-041) is still read after a deploy:
 * everything it held continues exactly, and only the per-minute view of a 1 Hz series starts
 * empty and learns again. The fixture {@code adaptive-v2-main-cf572c0.snapshot} is what main
 * (cf572c0, v2) wrote after {@link #coarse} points 0..863; {@link #v2} writes the same v2 layout
 * from a detector of today, field for field as main's {@code snapshot()} did.
 */
class AdaptiveSnapshotV2Test {
  private static final long START = 1_775_001_600_000L; // 2026-04-01T00:00:00Z
  private static final long FIVE_MINUTES = 300_000L;
  private static final int WRITTEN = 864;

  private final DetectorFactory factory = Detectors.byName(Detectors.DEFAULT);

  /** Point {@code i} of a 5-minute series with a daily rhythm, as main's fixture was fed. */
  private static double coarse(SplittableRandom random, int i) {
    return 100 + 30 * StrictMath.sin(2 * StrictMath.PI * i / 288.0)
        + Math.round(random.nextGaussian() * 8) / 4.0;
  }

  @Test
  void aV2SnapshotWrittenByMainContinuesExactlyLikeTheDetectorThatWroteIt() throws Exception {
    byte[] fixture = fixture();
    SplittableRandom random = new SplittableRandom(7);
    Detector uninterrupted = factory.create();
    for (int i = 0; i < WRITTEN; i++) {
      uninterrupted.observe(START + i * FIVE_MINUTES, coarse(random, i));
    }
    // The detector of today holds, for a 5-minute series, exactly what main held.
    assertThat(v2(uninterrupted)).isEqualTo(fixture);

    Detector restored = factory.restore(fixture);
    List<Score> expected = new ArrayList<>();
    List<Score> actual = new ArrayList<>();
    for (int i = WRITTEN; i < 3 * WRITTEN; i++) {
      double value = coarse(random, i) + (i % 301 == 0 ? 40 : 0) + (i > 2 * WRITTEN ? 25 : 0);
      expected.add(uninterrupted.observe(START + i * FIVE_MINUTES, value));
      actual.add(restored.observe(START + i * FIVE_MINUTES, value));
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(expected).anyMatch(s -> s.score() >= Score.ANOMALOUS); // the spikes were judged
    assertThat(restored.snapshot()).isEqualTo(uninterrupted.snapshot());
  }

  @Test
  void aOneHertzSeriesRestoredFromV2LearnsItsPerMinuteViewAgainAndKeepsTheRest()
      throws Exception {
    SplittableRandom random = new SplittableRandom(3);
    Detector original = factory.create();
    long t = START;
    for (int i = 0; i < 7_200; i++, t += 1_000L) {
      original.observe(t, 50 + Math.round(random.nextGaussian() * 2) / 2.0);
    }
    StepAggregates learned = aggregates(original);
    assertThat(learned.misses).isGreaterThan(100);

    Detector restored = factory.restore(v2(original));
    StepAggregates fresh = aggregates(restored);
    assertThat(fresh.misses).isZero();
    assertThat(fresh.level).isNaN();
    assertThat(fresh.start).isEqualTo(Long.MIN_VALUE);
    assertThat(v2(restored)).isEqualTo(v2(original)); // all else as before

    // Its per-minute view is silent while it learns (a first step mean, then three misses) …
    for (int i = 0; i < 300; i++, t += 1_000L) {
      double value = 50 + Math.round(random.nextGaussian() * 2) / 2.0;
      original.observe(t, value);
      restored.observe(t, value);
      assertThat(fresh.surprise()).isZero();
    }
    // … and then judges again.
    for (int i = 0; i < 120; i++, t += 1_000L) {
      double value = 50 + Math.round(random.nextGaussian() * 2) / 2.0;
      original.observe(t, value);
      restored.observe(t, value);
    }
    assertThat(fresh.misses).isGreaterThanOrEqualTo(3);
  }

  @Test
  void otherVersionsAreStillRefused() throws Exception {
    byte[] v1 = fixture();
    v1[2 + 2 + "adaptive".length()] = 1;
    assertThatThrownBy(() -> factory.restore(v1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("v1, expected adaptive v2-4");
    byte[] v5 = fixture();
    v5[2 + 2 + "adaptive".length()] = 5;
    assertThatThrownBy(() -> factory.restore(v5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("v5");
  }

  private static byte[] fixture() throws IOException {
    return OlderSnapshots.fixture("adaptive-v2-main-cf572c0.snapshot");
  }

  private static byte[] v2(Detector detector) throws ReflectiveOperationException {
    return OlderSnapshots.write(detector, 2);
  }

  private static StepAggregates aggregates(Detector detector)
      throws ReflectiveOperationException {
    return OlderSnapshots.aggregates(detector);
  }
}
