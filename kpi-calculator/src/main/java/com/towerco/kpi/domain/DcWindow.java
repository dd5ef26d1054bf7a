package com.towerco.kpi.domain;

/**
 * The DC voltage window a tenancy's SLA promises; power is "available" to the tenant while its
 * feed is inside it.
 */
public record DcWindow(double minV, double maxV) {
  /** Used for a tenancy the inventory does not (yet) know: the usual -48 V plant limits. */
  public static final DcWindow DEFAULT = new DcWindow(45.0, 57.5);

  public boolean contains(double volts) {
    return volts >= minV && volts <= maxV;
  }
}
