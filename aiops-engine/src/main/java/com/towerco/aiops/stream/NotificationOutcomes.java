package com.towerco.aiops.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How many new alerts notified and how many were evidence only (inhibited at their site or in
 * their problem): {@code towerco_alerts_total{outcome="notified"|"suppressed"}}. Alerts per real
 * problem, notified against raw, is what a NOC measures its noise by.
 */
public final class NotificationOutcomes {
  public static final String METER = "towerco_alerts_total";

  private final Counter notified;
  private final Counter suppressed;

  NotificationOutcomes(MeterRegistry registry) {
    registry = registry != null ? registry
        : new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    this.notified = Counter.builder(METER).description("New alerts by notification outcome")
        .tag("outcome", "notified").register(registry);
    this.suppressed = Counter.builder(METER).description("New alerts by notification outcome")
        .tag("outcome", "suppressed").register(registry);
  }

  void count(boolean wasSuppressed) {
    (wasSuppressed ? suppressed : notified).increment();
  }
}
