package com.towerco.aiops.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A profile bin's gain without the power when the floor wins (ADR-049) is bit for bit the
 * {@code Math.max(1 - Math.pow(base, visits), floor)} it stands for.
 */
class ProfileGainTest {
  private static double plain(double base, double visits, double floor) {
    return Math.max(1 - Math.pow(base, visits), floor);
  }

  private static void same(double base, double visits, double floor) {
    double gain = SeasonalBaseline.gainOrFloor(new Remembered(), base,
        SeasonalBaseline.decayOf(base), visits, floor);
    assertThat(Double.doubleToRawLongBits(gain))
        .as("base %s visits %s floor %s", base, visits, floor)
        .isEqualTo(Double.doubleToRawLongBits(plain(base, visits, floor)));
  }

  @Test
  void equalsThePowerAndMaxOverManyVisitsFloorsAndBases() {
    SplittableRandom random = new SplittableRandom(49);
    double[] bases = {1 - 1 / 2.0, 1 - 1 / 3.0, 0.9, 0.999, 1e-3};
    for (int i = 0; i < 1_000_000; i++) {
      double base = i % 7 < bases.length ? bases[i % 7] : random.nextDouble();
      // visits from 1e-300 to 1, log-uniform, some exactly 0 or 1
      double visits = switch (i % 50) {
        case 0 -> 0;
        case 1 -> 1;
        default -> Math.pow(10, -300 * random.nextDouble() * random.nextDouble());
      };
      double floor = 1.0 / (1 + random.nextInt(1 << 20));
      same(base, visits, floor);
      // right at the edge: the floor just above and below the bound
      double bound = visits * SeasonalBaseline.decayOf(base);
      if (Double.isFinite(bound) && bound > 0) {
        same(base, visits, Math.nextUp(bound));
        same(base, visits, Math.nextDown(bound));
        same(base, visits, bound * (1 + 1e-6) + 1e-15);
        same(base, visits, Math.nextUp(bound * (1 + 1e-6) + 1e-15));
      }
    }
  }

  @Test
  void computesThePowerWhenTheBaseIsNotAFraction() {
    for (double base : new double[] {0, 1, 1.5, -0.5, Double.NaN}) {
      assertThat(SeasonalBaseline.decayOf(base)).isNaN();
      same(base, 0.25, 1e-3);
      same(base, 1e-12, 0.5);
    }
    same(0.5, Double.NaN, 0.5);
  }

  @Test
  void aOneHertzSeriesSkipsThePower() {
    // 1 Hz: a point is a sixtieth of a step and visits its 30-minute bin for 1/1,800 of it.
    double visits = (1 / 60.0) * 1000 / 1_800_000;
    double decay = SeasonalBaseline.decayOf(0.5);
    assertThat(visits * decay * (1 + 1e-6) + 1e-15).isLessThan(1.0 / 10_000);
  }
}
