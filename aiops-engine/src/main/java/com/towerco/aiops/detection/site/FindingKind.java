package com.towerco.aiops.detection.site;

/** The problems the site detectors recognise from the causal model, each with a stable id. */
public enum FindingKind {
  /** Fuel level fell by more than generator run hours times consumption explain. */
  FUEL_THEFT("fuel-theft"),
  /** The tank was refilled (recognised so it is never mistaken for a sensor fault or theft). */
  REFUEL("refuel"),
  /** Mains lost and the generator did not start (or failed while it was needed). */
  GENERATOR_START_FAILURE("generator-start-failure"),
  /** On battery: when the site is predicted to go down, updated as the battery drains. */
  SITE_DOWN_PREDICTED("site-down-predicted"),
  /** Cooling lost and the cabinet heating towards thermal shutdown. */
  THERMAL_RUNAWAY("thermal-runaway"),
  /** The door is open and no visit is scheduled. */
  UNSCHEDULED_DOOR_OPEN("unscheduled-door-open");

  private final String id;

  FindingKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
