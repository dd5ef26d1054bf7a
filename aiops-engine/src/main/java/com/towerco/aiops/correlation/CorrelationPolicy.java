package com.towerco.aiops.correlation;

import java.time.Duration;

/**
 * Timing of correlation. {@code settle}: a new problem is held this long (event time) before its
 * incident opens, so the alerts of one cascade land in one incident with the right root cause
 * and a blip that clears within it pages nobody. {@code holdDown}: an incident resolves only
 * after all its alerts have stayed clear this long, so a flapping condition stays one incident.
 * {@code hubMinSites}: sites behind one hub unreachable together that make it a hub problem even
 * without a transmission alarm. Shared causes across sites: mains lost at sites of one grid
 * feeder within {@code feederWindow} of the first is one problem (of one region, when the
 * inventory knows no feeder, within {@code regionWindow}); fuel theft at sites of one supplier,
 * and unscheduled door openings at sites of one contractor, within {@code supplierWindow}; a
 * theft joins a supplier's problem only if it starts at least {@code supplierMinGap} after the
 * problem's latest theft (one crew goes from site to site: thefts that start together at two
 * sites are two crews, two problems).
 * {@code similarity}: the least score (0..1: topology distance, time apart, alarm type) at which
 * an alert nobody modelled joins another site's problem as a proposed common cause, if it comes
 * within {@code similarityWindow}. The settings that set them ({@code aiops.settle},
 * {@code aiops.feeder-window}, ...) are declared in
 * {@code com.towerco.aiops.stream.CorrelationSettings}.
 */
public record CorrelationPolicy(Duration settle, Duration holdDown, int hubMinSites,
    Duration feederWindow, Duration regionWindow, Duration supplierWindow,
    Duration supplierMinGap, double similarity, Duration similarityWindow) {

  public CorrelationPolicy {
    if (similarity <= 0 || similarity > 1) {
      throw new IllegalArgumentException("aiops.similarity must be in (0, 1], was " + similarity);
    }
  }

  public CorrelationPolicy(Duration settle, Duration holdDown, int hubMinSites) {
    this(settle, holdDown, hubMinSites, Duration.ofMinutes(2), Duration.ofMinutes(1),
        Duration.ofMinutes(30), Duration.ofMinutes(10), 0.85, Duration.ofMinutes(5));
  }

  public static CorrelationPolicy defaults() {
    return new CorrelationPolicy(Duration.ofSeconds(20), Duration.ofMinutes(2), 2);
  }
}
