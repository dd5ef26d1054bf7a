package com.towerco.aiops.alerting;

/**
 * The causal chains inside and around a site. Alerts on the same site and chain are symptoms of
 * one problem far more often than not; alerts on different chains usually are not.
 */
public enum Chain {
  /** Grid → generator → rectifier → battery → tenant DC feeds. */
  POWER,
  /** HVAC → cabinet temperature → thermal shutdown. */
  THERMAL,
  /** Fuel level, consumption and theft. */
  FUEL,
  /** Doors and intrusion. */
  SECURITY,
  /** Hub transmission and site reachability. */
  TRANSMISSION,
  /** The monitoring itself: a sensor reporting what physics does not allow. */
  SENSOR
}
