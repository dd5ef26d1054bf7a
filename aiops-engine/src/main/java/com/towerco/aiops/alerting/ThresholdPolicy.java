package com.towerco.aiops.alerting;

import java.time.Duration;

/**
 * When a telemetry threshold becomes an alert: the value passes {@code on} (and clears past
 * {@code off}, hysteresis) for {@code persist} readings in a row spanning at least
 * {@code persistFor}; or it passes {@code extreme} while a second signal confirms it (for the
 * cabinet: the HVAC in fault or without mains; for the battery: discharging; for fuel: the
 * generator running). One reading past the threshold alone raises nothing.
 */
public record ThresholdPolicy(double on, double off, int persist, Duration persistFor,
    double extreme) {

  public ThresholdPolicy {
    if (persist < 1) {
      throw new IllegalArgumentException("persist must be at least 1 reading, was " + persist);
    }
    if (persistFor.isNegative()) {
      throw new IllegalArgumentException("persist-for must not be negative, was " + persistFor);
    }
  }
}
