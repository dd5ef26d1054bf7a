package com.towerco.incidents.domain.refuel;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.payload.refuel.RefuelCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * ADR-073: the saga keeps its tanks' first and last samples beside the tree and computes the
 * delivery round in milliseconds; what it says must not change. Irregular fuel streams
 * (consumption, refills, late and repeated readings, sub-millisecond times, gaps past the two
 * days a tank keeps, deliveries reported at any time, open orders or not) go through it and
 * through the saga as it was before ADR-073 ({@link ReferenceRefuelSaga}): every reading's
 * commands and every delivery's report are equal.
 */
class RefuelSagaMatchesReferenceTest {
  private static final Instant START = Instant.parse("2026-11-05T08:00:00Z");

  @Test
  void everyReadingAndDeliveryGivesWhatTheReferenceGives() {
    for (long seed = 1; seed <= 40; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      RefuelSaga saga = new RefuelSaga();
      ReferenceRefuelSaga main = new ReferenceRefuelSaga();
      String[] sites = {"S1", "S2", "S3"};
      Instant[] clock = {START, START, START};
      double[] level = {900, 400, 150};
      int ordersAndReports = 0;
      for (int i = 0; i < 6_000; i++) {
        int s = random.nextInt(sites.length);
        Instant at = next(random, clock[s]);
        clock[s] = at.isAfter(clock[s]) ? at : clock[s];
        level[s] = nextLevel(random, level[s]);
        double capacity = random.nextInt(50) == 0 ? 800 : 1000;
        boolean open = random.nextInt(3) == 0;
        List<RefuelCommand> got = saga.reading(sites[s], at, level[s], capacity, x -> open);
        List<RefuelCommand> expected = main.reading(sites[s], at, level[s], capacity,
            x -> open);
        assertThat(got).as("seed %d reading %d", seed, i).isEqualTo(expected);
        ordersAndReports += got.size();
        if (random.nextInt(200) == 0) {
          String refuelId = "ref-" + seed + "-" + i;
          Instant deliveredAt = at.minus(Duration.ofMinutes(random.nextInt(120)));
          Optional<RefuelCommand> report = saga.delivered(refuelId, sites[s], deliveredAt);
          assertThat(report).isEqualTo(main.delivered(refuelId, sites[s], deliveredAt));
          ordersAndReports += report.isPresent() ? 1 : 0;
        }
      }
      assertThat(ordersAndReports).as("seed %d: the streams make orders and reports", seed)
          .isPositive();
    }
  }

  @Test
  void theNextRoundIsTheReferencesForAnyTime() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      Instant at = Instant.ofEpochSecond(random.nextLong(-4_000_000_000L, 8_000_000_000L),
          random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
      assertThat(RefuelSaga.nextRound(at)).as("%s", at).isEqualTo(ReferenceRefuelSaga.nextRound(at));
    }
    Instant anchor = RefuelSaga.ROUND_ANCHOR;
    for (Instant at : List.of(anchor, anchor.minusNanos(1), anchor.plusNanos(1),
        anchor.minusMillis(1), anchor.plus(RefuelSaga.ROUND), anchor.plus(RefuelSaga.ROUND)
            .minusNanos(1), anchor.minus(RefuelSaga.ROUND))) {
      assertThat(RefuelSaga.nextRound(at)).as("%s", at).isEqualTo(ReferenceRefuelSaga.nextRound(at));
    }
  }

  /** Mostly a few seconds to minutes on; sometimes late, repeated, sub-millisecond or days on. */
  private static Instant next(SplittableRandom random, Instant newest) {
    int kind = random.nextInt(100);
    if (kind < 70) {
      return newest.plusSeconds(10 + random.nextInt(600));
    } else if (kind < 80) {
      return newest.minusSeconds(random.nextInt(3 * 3600)); // late
    } else if (kind < 85) {
      return newest; // the same time again
    } else if (kind < 92) {
      return newest.plusNanos(1 + random.nextInt(999_999_999));
    } else if (kind < 96) {
      return newest.plus(Duration.ofMinutes(5)).plusNanos(random.nextInt(3) - 1);
    } else if (kind < 99) {
      return newest.plus(Duration.ofHours(1 + random.nextInt(20)));
    }
    return newest.plus(Duration.ofHours(47 + random.nextInt(60))); // past what a tank keeps
  }

  /** Burnt down, sometimes refilled, sometimes noisy upwards. */
  private static double nextLevel(SplittableRandom random, double level) {
    int kind = random.nextInt(100);
    if (kind < 3) {
      return Math.min(1000, level + 200 + random.nextInt(500)); // a refill
    } else if (kind < 10) {
      return Math.min(1000, level + random.nextDouble() * 30); // noise, sometimes past 2 %
    }
    return Math.max(0, level - random.nextDouble() * 8);
  }
}
