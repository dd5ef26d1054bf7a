package com.towerco.incidents.domain.optimization;

import com.towerco.events.payload.optimization.VerifyOptimization;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Measures what an applied optimization saved, from later events only: the site's average
 * fuel per day over the whole days after it was applied, against the same number of days
 * before. It answers once the site's KPI stream has passed the end of the measurement window.
 */
public final class SavingsVerifier {
  public static final String METRIC = "fuel_l";
  public static final String UNIT = "l";
  /** Days before application used as the baseline. */
  public static final int BASELINE_DAYS = 7;

  private SavingsVerifier() {}

  public static Optional<VerifyOptimization> measure(Optimization o, List<EnergyLedger.Day> days,
      Instant siteStreamTime) {
    if (o.status() != OptimizationStatus.APPLIED || siteStreamTime == null
        || siteStreamTime.isBefore(o.verifyAfter())) {
      return Optional.empty();
    }
    Instant appliedDay = o.appliedAt().truncatedTo(ChronoUnit.DAYS);
    Instant from = appliedDay.plus(Duration.ofDays(1));
    List<EnergyLedger.Day> after = days.stream().filter(d -> !d.start().isBefore(from)
        && !d.start().plus(Duration.ofDays(1)).isAfter(o.verifyAfter())).toList();
    if (after.isEmpty()) {
      return Optional.empty();
    }
    Instant baselineFrom = appliedDay.minus(Duration.ofDays(BASELINE_DAYS));
    List<EnergyLedger.Day> before = days.stream().filter(d -> !d.start().isBefore(baselineFrom)
        && d.start().isBefore(appliedDay)).toList();
    Instant to = after.get(after.size() - 1).start().plus(Duration.ofDays(1));
    return Optional.of(new VerifyOptimization(o.optimizationId(), METRIC, UNIT,
        EnergyAdvisor.round(average(before)), EnergyAdvisor.round(average(after)), after.size(),
        from, to));
  }

  private static double average(List<EnergyLedger.Day> days) {
    return days.stream().mapToDouble(EnergyLedger.Day::fuelL).average().orElse(0);
  }
}
