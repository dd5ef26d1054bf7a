package com.towerco.aiops.correlation;

import java.time.Duration;

/**
 * Timing of correlation. {@code settle}: a new problem is held this long (event time) before its
 * incident opens, so the alerts of one cascade land in one incident with the right root cause
 * and a blip that clears within it pages nobody. {@code holdDown}: an incident resolves only
 * after all its alerts have stayed clear this long, so a flapping condition stays one incident.
 * {@code hubMinSites}: sites behind one hub unreachable together that make it a hub problem even
 * without a transmission alarm.
 */
public record CorrelationPolicy(Duration settle, Duration holdDown, int hubMinSites) {
  public static CorrelationPolicy defaults() {
    return new CorrelationPolicy(Duration.ofSeconds(20), Duration.ofMinutes(2), 2);
  }
}
