package com.towerco.aiops.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A remembered result is the function's own, bit for bit, whatever came before it (ADR-043): the
 * detector's learning rates may come from memory only because nothing can tell them apart.
 */
class RememberedTest {
  private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-300, -745.2,
      709.8, Double.MIN_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, Double.NaN};

  @Test
  void everyResultIsTheFunctionsOwnForRepeatsChangesAndSpecialValues() {
    Remembered pow = new Remembered();
    Remembered exp = new Remembered();
    Remembered log = new Remembered();
    SplittableRandom random = new SplittableRandom(43);
    for (int i = 0; i < 20_000; i++) {
      // Arguments that repeat for a while (a regular cadence), change, and come back.
      double x = random.nextInt(4) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)]
          : (random.nextInt(8) - 4) * 0.37 + (random.nextBoolean() ? 0 : 1e-3 * random.nextInt(3));
      double base = SPECIAL[random.nextInt(SPECIAL.length)];
      for (int repeat = 0; repeat < 1 + random.nextInt(3); repeat++) {
        assertThat(bits(pow.pow(base, x))).isEqualTo(bits(Math.pow(base, x)));
        assertThat(bits(pow.pow(0.99, x))).isEqualTo(bits(Math.pow(0.99, x)));
        assertThat(bits(exp.exp(x))).isEqualTo(bits(Math.exp(x)));
        assertThat(bits(log.log(x))).isEqualTo(bits(Math.log(x)));
      }
    }
  }

  @Test
  void aGainIsCadencesGainForAnyNumberOfSteps() {
    Gain gain = new Gain(0.3);
    double[] steps = {1, 1, 1.0 / 60, 1.0 / 60, 0.001, 1, 50, 50, 2.5, 1.0 / 60};
    for (double s : steps) {
      assertThat(bits(gain.at(s))).isEqualTo(bits(Cadence.gain(0.3, s)));
    }
  }

  private static long bits(double d) {
    return Double.doubleToRawLongBits(d);
  }
}
