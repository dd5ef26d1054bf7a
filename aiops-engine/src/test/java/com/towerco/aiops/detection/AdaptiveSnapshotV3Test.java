package com.towerco.aiops.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A state stored before the per-minute view added up its misses (snapshot v3, ADR-041) is still
 * read after a deploy (ADR-045): everything it held continues, and only the CUSUM, the misses'
 * correlation and a reported departure's level start empty. The fixture
 * {@code adaptive-v3-main-d4f5680.snapshot} is what main (d4f5680, v3) wrote after 3,600 points of
 * {@link #point} (seed 11); a v4 state written in the middle of a departure continues exactly.
 */
class AdaptiveSnapshotV3Test {
  private static final long START = 1_775_001_600_000L;
  private static final int WRITTEN = 3_600;

  private final DetectorFactory factory = Detectors.byName(Detectors.DEFAULT);

  private static double point(SplittableRandom random) {
    return 50 + Math.round(random.nextGaussian() * 2) / 2.0;
  }

  @Test
  void aV3SnapshotWrittenByMainKeepsWhatItHeldAndLearnsTheRestAgain() throws Exception {
    byte[] fixture = fixture();
    Detector restored = factory.restore(fixture);
    assertThat(v3(restored)).isEqualTo(fixture); // everything v3 held, as it was
    StepAggregates fresh = aggregates(restored);
    assertThat(fresh.misses).isGreaterThan(50);
    assertThat(fresh.lagPairs).isZero();
    assertThat(fresh.above).isZero();
    assertThat(fresh.below).isZero();
    assertThat(fresh.before).isNaN();

    SplittableRandom random = new SplittableRandom(12);
    long t = START + WRITTEN * 1_000L;
    AnomalyAlarm alarm = new AnomalyAlarm(AlarmPolicy.DEFAULT);
    List<Integer> on = new ArrayList<>();
    for (int i = 0; i < 1_800; i++, t += 1_000L) {
      if (alarm.update(restored.observe(t, point(random) - (i >= 900 ? 2 : 0)))) {
        on.add(i);
      }
    }
    assertThat(fresh.lagPairs).isGreaterThan(20); // learning the misses' correlation again
    assertThat(on).isNotEmpty().allMatch(i -> i >= 900); // quiet, then the shift found
  }

  @Test
  void aV4SnapshotTakenDuringADepartureContinuesExactly() {
    SplittableRandom random = new SplittableRandom(4);
    Detector original = factory.create();
    long t = START;
    double[] values = new double[2_400];
    for (int i = 0; i < values.length; i++) {
      values[i] = point(random) - (i >= 900 && i < 1_320 ? 2 : 0);
    }
    for (int i = 0; i < 1_000; i++, t += 1_000L) { // 100 s into the departure
      original.observe(t, values[i]);
    }
    Detector restored = factory.restore(original.snapshot());
    List<Score> expected = new ArrayList<>();
    List<Score> actual = new ArrayList<>();
    for (int i = 1_000; i < values.length; i++, t += 1_000L) {
      expected.add(original.observe(t, values[i]));
      actual.add(restored.observe(t, values[i]));
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(restored.snapshot()).isEqualTo(original.snapshot());
  }

  private static byte[] fixture() throws IOException {
    return OlderSnapshots.fixture("adaptive-v3-main-d4f5680.snapshot");
  }

  private static byte[] v3(Detector detector) throws ReflectiveOperationException {
    return OlderSnapshots.write(detector, 3);
  }

  private static StepAggregates aggregates(Detector detector)
      throws ReflectiveOperationException {
    return OlderSnapshots.aggregates(detector);
  }
}
