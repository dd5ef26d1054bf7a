package com.towerco.simulator.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything that decides what the simulator emits. The same config (seed and start included)
 * gives the same events, byte for byte, in as-fast-as-possible mode. {@code eventsPerSecondPerSite}
 * is the telemetry cadence in event time (alarms and connectivity events come on top);
 * {@code speed} is how many simulated seconds pass per wall-clock second in paced mode;
 * {@code duration} is simulated time, {@code null} meaning until stopped;
 * {@code randomFaultsPerHour} is a fleet-wide rate of random injections (0 = none).
 */
public record SimulatorConfig(
    int sites,
    int regions,
    int sitesPerHub,
    List<String> tenants,
    long seed,
    Instant start,
    double eventsPerSecondPerSite,
    Pace pace,
    double speed,
    Duration duration,
    List<FaultSpec> faults,
    double randomFaultsPerHour,
    String operatorTenant) {

  /** Paced: event time follows the wall clock times {@code speed}; or as fast as possible. */
  public enum Pace { PACED, AS_FAST_AS_POSSIBLE }

  public static final List<String> DEFAULT_TENANTS = List.of("altel", "kora", "zenmobile",
      "nexacell");
  /** A Monday at midnight UTC, so a default run starts at a known point of the week. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-05T00:00:00Z");
  public static final long DEFAULT_SEED = 42;

  public SimulatorConfig {
    if (sites < 1 || sites > 99_999) {
      throw new IllegalArgumentException("sites must be within 1..99999: " + sites);
    }
    if (regions < 1 || regions > sites) {
      throw new IllegalArgumentException("regions must be within 1..sites: " + regions);
    }
    if (sitesPerHub < 1) {
      throw new IllegalArgumentException("sites per hub must be at least 1: " + sitesPerHub);
    }
    tenants = List.copyOf(tenants);
    if (tenants.isEmpty() || tenants.size() > 64 || tenants.stream().distinct().count()
        != tenants.size()) {
      throw new IllegalArgumentException("tenants must be 1..64 distinct ids: " + tenants);
    }
    Objects.requireNonNull(start, "start");
    if (!(eventsPerSecondPerSite >= 1.0 / 300 && eventsPerSecondPerSite <= 1_000)) {
      throw new IllegalArgumentException("events per second per site must be within "
          + "1/300..1000: " + eventsPerSecondPerSite);
    }
    Objects.requireNonNull(pace, "pace");
    if (!(speed > 0 && speed <= 1_000_000)) {
      throw new IllegalArgumentException("speed must be within (0, 1000000]: " + speed);
    }
    if (duration != null && duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: " + duration);
    }
    faults = List.copyOf(faults);
    if (!(randomFaultsPerHour >= 0 && randomFaultsPerHour <= 100_000)) {
      throw new IllegalArgumentException("random faults per hour must be within 0..100000: "
          + randomFaultsPerHour);
    }
    Objects.requireNonNull(operatorTenant, "operatorTenant");
  }

  /** 50 sites, 4 regions, a hub per 10 sites, 4 tenants, 1 event/s per site, paced at speed 1. */
  public static SimulatorConfig defaults() {
    return new SimulatorConfig(50, 4, 10, DEFAULT_TENANTS, DEFAULT_SEED, DEFAULT_START, 1.0,
        Pace.PACED, 1.0, null, List.of(), 0, "towerco");
  }

  /** Telemetry interval per site in event time, whole milliseconds. */
  public long tickMillis() {
    return Math.max(1, Math.round(1000.0 / eventsPerSecondPerSite));
  }

  public SimulatorConfig withSites(int n) {
    return new SimulatorConfig(n, Math.min(regions, n), sitesPerHub, tenants, seed, start,
        eventsPerSecondPerSite, pace, speed, duration, faults, randomFaultsPerHour,
        operatorTenant);
  }

  public SimulatorConfig withLayout(int regionCount, int perHub) {
    return new SimulatorConfig(sites, regionCount, perHub, tenants, seed, start,
        eventsPerSecondPerSite, pace, speed, duration, faults, randomFaultsPerHour,
        operatorTenant);
  }

  public SimulatorConfig withTenants(List<String> ids) {
    return new SimulatorConfig(sites, regions, sitesPerHub, ids, seed, start,
        eventsPerSecondPerSite, pace, speed, duration, faults, randomFaultsPerHour,
        operatorTenant);
  }

  public SimulatorConfig withSeed(long value) {
    return new SimulatorConfig(sites, regions, sitesPerHub, tenants, value, start,
        eventsPerSecondPerSite, pace, speed, duration, faults, randomFaultsPerHour,
        operatorTenant);
  }

  public SimulatorConfig withStart(Instant value) {
    return new SimulatorConfig(sites, regions, sitesPerHub, tenants, seed, value,
        eventsPerSecondPerSite, pace, speed, duration, faults, randomFaultsPerHour,
        operatorTenant);
  }

  public SimulatorConfig withRate(double perSitePerSecond) {
    return new SimulatorConfig(sites, regions, sitesPerHub, tenants, seed, start,
        perSitePerSecond, pace, speed, duration, faults, randomFaultsPerHour, operatorTenant);
  }

  public SimulatorConfig paced(double value) {
    return new SimulatorConfig(sites, regions, sitesPerHub, tenants, seed, start,
        eventsPerSecondPerSite, Pace.PACED, value, duration, faults, randomFaultsPerHour,
        operatorTenant);
  }

  public SimulatorConfig asFastAsPossible() {
    return new SimulatorConfig(sites, regions, sitesPerHub, tenants, seed, start,
        eventsPerSecondPerSite, Pace.AS_FAST_AS_POSSIBLE, speed, duration, faults,
        randomFaultsPerHour, operatorTenant);
  }

  public SimulatorConfig withDuration(Duration value) {
    return new SimulatorConfig(sites, regions, sitesPerHub, tenants, seed, start,
        eventsPerSecondPerSite, pace, speed, value, faults, randomFaultsPerHour,
        operatorTenant);
  }

  public SimulatorConfig withFaults(List<FaultSpec> value) {
    return new SimulatorConfig(sites, regions, sitesPerHub, tenants, seed, start,
        eventsPerSecondPerSite, pace, speed, duration, value, randomFaultsPerHour,
        operatorTenant);
  }

  /** As {@link #withFaults(List)}, from spec text such as {@code mains-outage:S0003@2m+1h}. */
  public SimulatorConfig withFaults(String... specs) {
    return withFaults(FaultSpec.parseList(String.join(",", specs)));
  }

  public SimulatorConfig withRandomFaults(double perHour) {
    return new SimulatorConfig(sites, regions, sitesPerHub, tenants, seed, start,
        eventsPerSecondPerSite, pace, speed, duration, faults, perHour, operatorTenant);
  }

  public SimulatorConfig withOperatorTenant(String tenant) {
    return new SimulatorConfig(sites, regions, sitesPerHub, tenants, seed, start,
        eventsPerSecondPerSite, pace, speed, duration, faults, randomFaultsPerHour, tenant);
  }
}
