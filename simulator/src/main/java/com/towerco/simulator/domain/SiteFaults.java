package com.towerco.simulator.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What is currently injected into one site, as counters (two overlapping outages of one kind
 * end when the last one does), plus the injections that apply here, for attributing what the
 * site shows to its cause. Recently ended injections stay attributable for a grace period:
 * a symptom can trail its cause by a tick or two.
 */
final class SiteFaults {
  static final long ATTRIBUTION_GRACE_MILLIS = 10 * 60_000L;

  int mainsOut;
  int generatorStartFailure;
  int rectifierFailed;
  int hvacFailed;
  int transmissionDown;
  int unreachable;
  int intruders;
  int visits;
  int refuels;
  double theftLph;
  private final List<Fault> applying = new ArrayList<>();

  void begin(Fault fault) {
    apply(fault, +1);
    applying.add(fault);
  }

  void end(Fault fault) {
    apply(fault, -1);
  }

  private void apply(Fault fault, int d) {
    switch (fault.kind()) {
      case MAINS_OUTAGE -> mainsOut += d;
      case GENERATOR_START_FAILURE -> generatorStartFailure += d;
      case BATTERY_EXHAUSTION -> {
        mainsOut += d;
        generatorStartFailure += d;
      }
      case RECTIFIER_FAULT -> rectifierFailed += d;
      case HVAC_FAILURE -> hvacFailed += d;
      case FUEL_THEFT -> theftLph = Math.max(0, theftLph + d * fault.theftLph());
      case HUB_FAILURE -> transmissionDown += d;
      case DOOR_OPEN -> intruders += d;
      case SITE_VISIT -> visits += d;
      case REFUEL -> {
        refuels += d;
        visits += d;
      }
      default -> throw new IllegalStateException("unhandled " + fault.kind());
    }
  }

  boolean doorOpen() {
    return intruders > 0 || visits > 0;
  }

  /** Injections active at {@code t} or ended less than the grace period before it. */
  List<Fault> attributable(long t) {
    applying.removeIf(f -> f.endMillis() < t - ATTRIBUTION_GRACE_MILLIS);
    return applying;
  }

  /** Injections active now (not yet ended). */
  List<Fault> active() {
    return applying.stream().filter(f -> !f.hasEnded()).toList();
  }
}
