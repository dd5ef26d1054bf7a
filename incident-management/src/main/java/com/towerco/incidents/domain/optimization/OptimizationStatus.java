package com.towerco.incidents.domain.optimization;

import java.util.Locale;

/** Lifecycle of an energy optimization: proposed, approved, applied, then verified, or not. */
public enum OptimizationStatus {
  PROPOSED, APPROVED, APPLIED, VERIFIED, REJECTED, ROLLED_BACK;

  /** No further step is expected (the advisor may propose it again after a cool-down). */
  public boolean terminal() {
    return this == VERIFIED || this == REJECTED || this == ROLLED_BACK;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
