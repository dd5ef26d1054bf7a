package com.towerco.simulator.domain;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The random fault mode for demos and scenario suites: injections arrive as a Poisson process
 * at a fleet-wide rate per simulated hour, with a realistic mix of kinds (mostly grid outages,
 * some HVAC failures, thefts, door alarms, hub outages, and ordinary visits and refuels) and
 * durations. It has its own seeded stream, so it is as deterministic as the rest.
 */
final class RandomFaults {
  private static final FaultKind[] KINDS = {FaultKind.MAINS_OUTAGE,
      FaultKind.BATTERY_EXHAUSTION, FaultKind.HVAC_FAILURE, FaultKind.FUEL_THEFT,
      FaultKind.HUB_FAILURE, FaultKind.DOOR_OPEN, FaultKind.RECTIFIER_FAULT,
      FaultKind.SITE_VISIT, FaultKind.REFUEL};
  private static final double[] WEIGHTS = {30, 5, 14, 10, 8, 10, 6, 12, 5};

  private final SplittableRandom rng;
  private final double meanGapMillis;
  private long next;

  RandomFaults(long seed, double perHour, long startMillis) {
    this.rng = new SplittableRandom(Noise.seed(seed, -1, 7));
    this.meanGapMillis = 3_600_000.0 / perHour;
    this.next = startMillis + gap();
  }

  long nextArrival() {
    return next;
  }

  /** The injection arriving at {@link #nextArrival()}; moves on to the following one. */
  FaultSpec draw(Fleet fleet, long startMillis) {
    long at = next;
    next = at + gap();
    FaultKind kind = pickKind();
    List<SiteSpec> candidates = switch (kind) {
      case HUB_FAILURE -> fleet.hubs().stream()
          .filter(h -> !fleet.behindHub(h.id()).isEmpty()).toList();
      case BATTERY_EXHAUSTION, FUEL_THEFT, REFUEL -> fleet.sites().stream()
          .filter(s -> s.plant().generator()).toList();
      default -> fleet.sites();
    };
    if (candidates.isEmpty()) {
      kind = FaultKind.MAINS_OUTAGE;
      candidates = fleet.sites();
    }
    SiteSpec site = candidates.get(rng.nextInt(candidates.size()));
    return new FaultSpec(kind, site.id(), Duration.ofMillis(at - startMillis), duration(kind));
  }

  private FaultKind pickKind() {
    double total = 0;
    for (double w : WEIGHTS) {
      total += w;
    }
    double pick = rng.nextDouble(total);
    for (int i = 0; i < KINDS.length; i++) {
      pick -= WEIGHTS[i];
      if (pick < 0) {
        return KINDS[i];
      }
    }
    return KINDS[KINDS.length - 1];
  }

  private Duration duration(FaultKind kind) {
    return switch (kind) {
      case MAINS_OUTAGE -> minutes(10, 240);
      case BATTERY_EXHAUSTION -> null;
      case HVAC_FAILURE -> minutes(30, 240);
      case FUEL_THEFT -> minutes(10, 40);
      case HUB_FAILURE -> minutes(5, 60);
      case DOOR_OPEN -> minutes(2, 20);
      case RECTIFIER_FAULT -> minutes(20, 180);
      case SITE_VISIT -> minutes(20, 90);
      default -> kind.defaultDuration().orElse(null);
    };
  }

  private Duration minutes(int min, int max) {
    return Duration.ofMinutes(min + rng.nextInt(max - min + 1));
  }

  private long gap() {
    return Math.max(1, Math.round(-Math.log(1 - rng.nextDouble()) * meanGapMillis));
  }
}
