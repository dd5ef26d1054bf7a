package com.towerco.aiops.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The deseasonalised level kept between points is the level the full loop over the daily
 * profile gives, bit for bit (ADR-043), through bins learned for the first time, a day's turn,
 * irregular and 1 Hz spacing, and a baseline restored from its snapshot mid-way.
 */
class SeasonalBaselineTest {
  private static final long START = 1_775_001_600_000L;

  @Test
  void theLevelKeptBetweenPointsIsTheFullLoopsBitForBit() {
    for (long interval : new long[] {1_000L, 60_000L, 300_000L, 3_600_000L}) {
      SplittableRandom random = new SplittableRandom(interval);
      AdaptiveDetector.Config config = AdaptiveDetector.Config.defaults();
      SeasonalBaseline baseline = new SeasonalBaseline(config);
      long t = START;
      int checked = 0;
      for (int i = 0; i < 6_000; i++) {
        t += interval + (random.nextInt(10) == 0 ? random.nextLong(interval * 20) : 0);
        double value = 40 + 10 * Math.sin(2 * Math.PI * (t % 86_400_000L) / 86_400_000.0)
            + random.nextGaussian();
        double steps = Math.max(0.001, interval / 60_000.0);
        baseline.predict(t, steps);
        if (baseline.started()) {
          assertThat(bits(baseline.deseasonalisedLevel())).as("point %d at %d ms", i, interval)
              .isEqualTo(bits(fullLoop(baseline)));
          checked++;
        }
        baseline.learn(value, steps, interval);
        if (i % 1_000 == 999) { // a restore starts with nothing summed
          Snapshot.Writer w = new Snapshot.Writer("baseline", 1);
          baseline.write(w);
          SeasonalBaseline restored = new SeasonalBaseline(config);
          restored.read(new Snapshot.Reader(w.toBytes(), "baseline", 1));
          assertThat(bits(restored.deseasonalisedLevel()))
              .isEqualTo(bits(baseline.deseasonalisedLevel()));
          baseline = restored;
        }
      }
      assertThat(checked).isGreaterThan(5_000);
    }
  }

  /** The definition: the offset plus the mean of the learned bins, added in bin order. */
  private static double fullLoop(SeasonalBaseline b) {
    int bins = 0;
    double sum = 0;
    for (int i = 0; i < SeasonalBaseline.DAY_BINS; i++) {
      if (b.dayPoints[i] > 0) {
        bins++;
        sum += b.day[i];
      }
    }
    return b.offset + (bins == 0 ? b.plainLevel : sum / bins);
  }

  private static long bits(double d) {
    return Double.doubleToRawLongBits(d);
  }
}
