package com.towerco.simulator.domain;

import static com.towerco.events.payload.site.SiteAlarm.ProbableCause.AIR_CONDITIONING_FAILURE;
import static com.towerco.events.payload.site.SiteAlarm.ProbableCause.BATTERY_DISCHARGING;
import static com.towerco.events.payload.site.SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE;
import static com.towerco.events.payload.site.SiteAlarm.ProbableCause.ENCLOSURE_DOOR_OPEN;
import static com.towerco.events.payload.site.SiteAlarm.ProbableCause.GENERATOR_FAILURE;
import static com.towerco.events.payload.site.SiteAlarm.ProbableCause.HIGH_TEMPERATURE;
import static com.towerco.events.payload.site.SiteAlarm.ProbableCause.INTRUSION;
import static com.towerco.events.payload.site.SiteAlarm.ProbableCause.LOW_BATTERY_THRESHOLD;
import static com.towerco.events.payload.site.SiteAlarm.ProbableCause.LOW_FUEL;
import static com.towerco.events.payload.site.SiteAlarm.ProbableCause.POWER_SUPPLY_FAILURE;
import static com.towerco.events.payload.site.SiteAlarm.ProbableCause.RECTIFIER_FAILURE;
import static com.towerco.events.payload.site.SiteAlarm.ProbableCause.TRANSMISSION_FAILURE;

import com.towerco.events.payload.site.SiteAlarm.ProbableCause;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What can be injected into a site, with the ground truth that goes with it: the X.733 probable
 * cause a correct root-cause analysis names, and every alarm cause the injection can explain
 * downstream (the causal chain). Site visits and refuels are not faults: they are the ordinary
 * activity a detector must not mistake for one.
 */
public enum FaultKind {
  MAINS_OUTAGE("mains-outage", true, null, COMMERCIAL_POWER_FAILURE,
      "grid (commercial power) lost at the site",
      COMMERCIAL_POWER_FAILURE, BATTERY_DISCHARGING, LOW_BATTERY_THRESHOLD, POWER_SUPPLY_FAILURE,
      HIGH_TEMPERATURE, GENERATOR_FAILURE, LOW_FUEL),
  GENERATOR_START_FAILURE("generator-start-failure", true, null, GENERATOR_FAILURE,
      "generator fails to start on demand until repaired",
      GENERATOR_FAILURE, BATTERY_DISCHARGING, LOW_BATTERY_THRESHOLD, POWER_SUPPLY_FAILURE,
      HIGH_TEMPERATURE),
  BATTERY_EXHAUSTION("battery-exhaustion", true, null, GENERATOR_FAILURE,
      "mains lost and the generator fails to start: the battery runs out and tenants go down",
      COMMERCIAL_POWER_FAILURE, GENERATOR_FAILURE, BATTERY_DISCHARGING, LOW_BATTERY_THRESHOLD,
      POWER_SUPPLY_FAILURE, HIGH_TEMPERATURE),
  RECTIFIER_FAULT("rectifier-failure", true, Duration.ofHours(1), RECTIFIER_FAILURE,
      "every rectifier module fails: the battery carries the load",
      RECTIFIER_FAILURE, BATTERY_DISCHARGING, LOW_BATTERY_THRESHOLD, POWER_SUPPLY_FAILURE),
  HVAC_FAILURE("hvac-failure", true, Duration.ofHours(2), AIR_CONDITIONING_FAILURE,
      "air conditioning fails: the cabinet heats up, possibly to rectifier thermal shutdown",
      AIR_CONDITIONING_FAILURE, HIGH_TEMPERATURE, RECTIFIER_FAILURE, BATTERY_DISCHARGING,
      LOW_BATTERY_THRESHOLD, POWER_SUPPLY_FAILURE),
  FUEL_THEFT("fuel-theft", true, Duration.ofMinutes(20), null,
      "fuel siphoned from the tank: the level drops with no generator run hours",
      LOW_FUEL),
  HUB_FAILURE("hub-failure", true, Duration.ofMinutes(30), TRANSMISSION_FAILURE,
      "the hub's transmission uplink fails: every site behind it becomes unreachable",
      TRANSMISSION_FAILURE),
  DOOR_OPEN("door-open", true, Duration.ofMinutes(10), INTRUSION,
      "cabinet door opened with no scheduled visit",
      ENCLOSURE_DOOR_OPEN, INTRUSION),
  SITE_VISIT("site-visit", false, Duration.ofMinutes(45), null,
      "scheduled maintenance visit: the door is open, authorised",
      ENCLOSURE_DOOR_OPEN),
  REFUEL("refuel", false, Duration.ofMinutes(20), null,
      "scheduled refuel: the tank is filled during an authorised visit",
      ENCLOSURE_DOOR_OPEN, LOW_FUEL);

  private final String label;
  private final boolean fault;
  private final Duration defaultDuration;
  private final ProbableCause rootCause;
  private final String description;
  private final Set<ProbableCause> explains;

  FaultKind(String label, boolean fault, Duration defaultDuration, ProbableCause rootCause,
      String description, ProbableCause... explains) {
    this.label = label;
    this.fault = fault;
    this.defaultDuration = defaultDuration;
    this.rootCause = rootCause;
    this.description = description;
    this.explains = explains.length == 0 ? EnumSet.noneOf(ProbableCause.class)
        : EnumSet.copyOf(Arrays.asList(explains));
  }

  /** The name used in specs, e.g. {@code mains-outage}. */
  public String label() {
    return label;
  }

  /** False for ordinary activity (visits, refuels) that must not open an incident. */
  public boolean isFault() {
    return fault;
  }

  /**
   * How long the injection lasts when the spec gives no duration; empty means until the end
   * of the run (battery exhaustion: until 15 minutes after the tenants went down).
   */
  public Optional<Duration> defaultDuration() {
    return Optional.ofNullable(defaultDuration);
  }

  /** The X.733 probable cause a correct root-cause analysis names, if X.733 has one. */
  public Optional<ProbableCause> rootCause() {
    return Optional.ofNullable(rootCause);
  }

  public String description() {
    return description;
  }

  /** True if an alarm with this probable cause can be a consequence of this injection. */
  public boolean explains(ProbableCause cause) {
    return explains.contains(cause);
  }

  /**
   * Faults that act on the site's DC supply: overlapping ones on one site share their symptoms
   * (battery discharging, battery low, tenant outages), so they are one problem.
   */
  public boolean isPowerChain() {
    return this == MAINS_OUTAGE || this == GENERATOR_START_FAILURE || this == BATTERY_EXHAUSTION
        || this == RECTIFIER_FAULT;
  }

  public static FaultKind fromLabel(String label) {
    for (FaultKind kind : values()) {
      if (kind.label.equals(label)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown fault kind '" + label + "'; known kinds: "
        + Arrays.stream(values()).map(FaultKind::label).collect(Collectors.joining(", ")));
  }
}
