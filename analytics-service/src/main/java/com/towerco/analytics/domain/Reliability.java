package com.towerco.analytics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * MTTR and MTBF of one tenant or region over a range. A failure is one affected site of one
 * incident opened in the range. MTTR averages the repair time of the resolved failures; MTBF is
 * the population's operating time (site-hours in the range less the hours under failure)
 * divided by the number of failures, where the population is the tenant's tenancies or the
 * region's sites.
 */
public record Reliability(String group, long population, long failures, long resolved,
    Double mttrMinutes, Double mtbfHours, double downtimeHours) {

  /** A failure interval; {@code resolvedAt} is null while it lasts. */
  public record Failure(Instant openedAt, Instant resolvedAt) {}

  public static Reliability of(String group, long population, List<Failure> failures,
      TimeRange range) {
    long resolved = 0;
    double repairMinutes = 0;
    double downtimeHours = 0;
    for (Failure f : failures) {
      if (f.resolvedAt() != null) {
        resolved++;
        repairMinutes += Duration.between(f.openedAt(), f.resolvedAt()).toSeconds() / 60.0;
      }
      Instant end = f.resolvedAt() == null || f.resolvedAt().isAfter(range.to())
          ? range.to() : f.resolvedAt();
      Instant start = f.openedAt().isBefore(range.from()) ? range.from() : f.openedAt();
      if (end.isAfter(start)) {
        downtimeHours += Duration.between(start, end).toSeconds() / 3600.0;
      }
    }
    Double mttr = resolved == 0 ? null : repairMinutes / resolved;
    Double mtbf = failures.isEmpty() ? null
        : Math.max(0, population * range.hours() - downtimeHours) / failures.size();
    return new Reliability(group, population, failures.size(), resolved, mttr, mtbf,
        downtimeHours);
  }
}
