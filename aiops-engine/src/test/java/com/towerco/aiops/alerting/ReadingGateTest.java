package com.towerco.aiops.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The gate's elapsed time is the duration's, to the millisecond, without making one. */
class ReadingGateTest {
  @Test
  void millisBetweenIsTheDurationsMillisForAnyTwoInstants() {
    SplittableRandom random = new SplittableRandom(11);
    Instant base = Instant.parse("2026-12-06T12:00:00Z");
    for (int i = 0; i < 100_000; i++) {
      Instant from = base.plusNanos(random.nextLong(-86_400_000_000_000L, 86_400_000_000_000L));
      long span = switch (i % 4) {
        case 0 -> random.nextLong(-2_000_000L, 2_000_000L); // within a few milliseconds
        case 1 -> random.nextLong(-600_000_000_000L, 600_000_000_000L); // minutes
        case 2 -> random.nextLong(1_000_000L) * 1_000_000L; // whole milliseconds
        default -> random.nextLong(-Long.MAX_VALUE / 2, Long.MAX_VALUE / 2); // up to 146 years
      };
      Instant to = from.plusNanos(span);
      assertThat(ReadingGate.millisBetween(from, to))
          .as("%s .. %s", from, to).isEqualTo(Duration.between(from, to).toMillis());
    }
    Instant far = Instant.parse("2500-01-01T00:00:00.0005Z");
    Instant early = Instant.parse("1800-01-01T00:00:00.0009Z"); // past a long of nanoseconds
    assertThat(ReadingGate.millisBetween(early, far))
        .isEqualTo(Duration.between(early, far).toMillis());
    assertThat(ReadingGate.millisBetween(far, early))
        .isEqualTo(Duration.between(far, early).toMillis());
  }
}
