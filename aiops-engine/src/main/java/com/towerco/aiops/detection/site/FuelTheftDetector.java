package com.towerco.aiops.detection.site;

import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.site.SiteTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fuel theft: the tank level falls by more than the generator's run hours times its consumption
 * rate explain. The level is smoothed against sensor noise and compared with a reference taken
 * when the books last balanced; the drop beyond the expected burn (with a margin for load) is
 * the unexplained loss. A rising level is a refuel, recognised and reported, and the reference
 * restarts after it. A theft clears once the level has stopped falling without cause for
 * {@link #QUIET}, reporting the litres lost.
 */
public final class FuelTheftDetector implements SiteDetector<FuelTheftDetector.State> {
  static final double SMOOTHING = 0.2;
  static final double BURN_MARGIN = 1.25;
  static final double MIN_LOSS_L = 10;
  static final double MIN_LOSS_SHARE = 0.01;
  static final double MIN_REFUEL_L = 20;
  static final double MIN_REFUEL_SHARE = 0.03;
  static final Duration QUIET = Duration.ofMinutes(15);
  static final Duration REANCHOR = Duration.ofHours(6);

  /**
   * Per site: the smoothed level, the reference (level, run hours, time) the loss is counted
   * from, an ongoing theft (its start and the time of its last unexplained fall) and an ongoing
   * refuel (the level it started from and the highest level since).
   */
  public record State(boolean started, double level, double refLevel, double refRunHours,
      Instant refTime, Instant theftSince, Instant lastLossAt, double lossAtLastFall,
      boolean refuelling, double refuelFrom, double refuelPeak, Instant refuelPeakAt) {}

  @Override
  public State initial() {
    return new State(false, 0, 0, 0, null, null, null, 0, false, 0, 0, null);
  }

  @Override
  public Step<State> observe(State s, SiteReading r) {
    SiteTelemetry.Fuel fuel = r.telemetry().fuel();
    SiteTelemetry.Generator gen = r.telemetry().generator();
    if (fuel == null || r.site() == null) {
      return Step.quiet(s);
    }
    double runHours = gen == null ? 0 : gen.runHours();
    Instant t = r.time();
    if (!s.started()) {
      return Step.quiet(new State(true, fuel.levelL(), fuel.levelL(), runHours, t, null, null, 0,
          false, 0, 0, null));
    }
    double level = s.level() + SMOOTHING * (fuel.levelL() - s.level());
    double capacity = fuel.capacityL();
    List<Finding> out = new ArrayList<>();

    double refuelStep = Math.max(MIN_REFUEL_L, MIN_REFUEL_SHARE * capacity);
    if (s.refuelling()) {
      if (level > s.refuelPeak()) {
        return Step.quiet(with(s, level, s.refuelFrom(), level, t));
      }
      if (Duration.between(s.refuelPeakAt(), t).compareTo(Duration.ofMinutes(5)) < 0) {
        return Step.quiet(with(s, level, s.refuelFrom(), s.refuelPeak(), s.refuelPeakAt()));
      }
      double litres = s.refuelPeak() - s.refuelFrom();
      out.add(new Finding(FindingKind.REFUEL, r.siteId(), Finding.Status.RAISED, t,
          AlertSeverity.WARNING, String.format("Refuel of %.0f L recognised", litres),
          Map.of("litres", litres, "level_l", level, "capacity_l", capacity), null));
      return new Step<>(reference(level, runHours, t), out);
    }
    if (level > s.refLevel() + refuelStep) {
      out.addAll(clearTheft(s, r, level));
      return new Step<>(new State(true, level, s.refLevel(), s.refRunHours(), s.refTime(), null,
          null, 0, true, s.refLevel(), level, t), out);
    }

    double consumption = r.site().power().generatorConsumptionLph();
    double ranHours = Math.max(0, runHours - s.refRunHours());
    double expectedBurn = ranHours * consumption * BURN_MARGIN;
    double loss = s.refLevel() - level - expectedBurn;
    double allowance = Math.max(MIN_LOSS_L, MIN_LOSS_SHARE * capacity);

    if (s.theftSince() == null) {
      if (loss > allowance) {
        double hours = Math.max(1e-9, Duration.between(s.refTime(), t).toMillis() / 3.6e6);
        out.add(new Finding(FindingKind.FUEL_THEFT, r.siteId(), Finding.Status.RAISED, t,
            AlertSeverity.MAJOR, String.format("Fuel fell %.0f L more than %.2f generator run "
                + "hours explain (%.0f L/h)", loss, ranHours, loss / hours),
            Map.of("unexplained_l", loss, "drop_l", s.refLevel() - level, "expected_burn_l",
                expectedBurn, "run_hours", ranHours, "minutes", hours * 60, "level_l", level),
            null));
        return new Step<>(new State(true, level, s.refLevel(), s.refRunHours(), s.refTime(),
            t, t, loss, false, 0, 0, null), out);
      }
      boolean stale = Duration.between(s.refTime(), t).compareTo(REANCHOR) > 0;
      if (stale && loss < allowance / 2 || ranHours > 0 && consumption <= 0) {
        return Step.quiet(reference(level, runHours, t));
      }
      return Step.quiet(new State(true, level, s.refLevel(), s.refRunHours(), s.refTime(), null,
          null, 0, false, 0, 0, null));
    }
    boolean stillFalling = loss > s.lossAtLastFall() + allowance / 4;
    Instant lastLoss = stillFalling ? t : s.lastLossAt();
    double lossMark = stillFalling ? loss : s.lossAtLastFall();
    if (Duration.between(lastLoss, t).compareTo(QUIET) >= 0) {
      State cleared = new State(true, level, s.refLevel(), s.refRunHours(), s.refTime(),
          s.theftSince(), lastLoss, loss, false, 0, 0, null);
      out.addAll(clearTheft(cleared, r, level));
      return new Step<>(reference(level, runHours, t), out);
    }
    return Step.quiet(new State(true, level, s.refLevel(), s.refRunHours(), s.refTime(),
        s.theftSince(), lastLoss, lossMark, false, 0, 0, null));
  }

  private static List<Finding> clearTheft(State s, SiteReading r, double level) {
    if (s.theftSince() == null) {
      return List.of();
    }
    double lost = Math.max(0, s.lossAtLastFall());
    return List.of(new Finding(FindingKind.FUEL_THEFT, r.siteId(), Finding.Status.CLEARED,
        r.time(), AlertSeverity.MAJOR, String.format("Unexplained fuel loss stopped: %.0f L "
            + "lost in %d min", lost, Duration.between(s.theftSince(), s.lastLossAt())
            .toMinutes()), Map.of("unexplained_l", lost, "level_l", level), null));
  }

  private static State reference(double level, double runHours, Instant t) {
    return new State(true, level, level, runHours, t, null, null, 0, false, 0, 0, null);
  }

  private static State with(State s, double level, double from, double peak, Instant peakAt) {
    return new State(true, level, s.refLevel(), s.refRunHours(), s.refTime(), null, null, 0,
        true, from, peak, peakAt);
  }
}
