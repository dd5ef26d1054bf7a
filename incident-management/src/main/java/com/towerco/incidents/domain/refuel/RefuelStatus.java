package com.towerco.incidents.domain.refuel;

import java.util.Locale;

/** Where a refuel order stands in the refuelling saga. */
public enum RefuelStatus {
  REQUESTED, DELIVERED, CONFIRMED, DISCREPANCY;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
