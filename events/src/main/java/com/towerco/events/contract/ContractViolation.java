package com.towerco.events.contract;

/**
 * A payload that breaks its record's contract; the message names the JSON field, as the
 * schema would ({@code battery.soc_pct must be within [0.0, 100.0]}). {@link #missing()} tells
 * a missing required field from a value out of bounds.
 */
public final class ContractViolation extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final boolean missing;

  ContractViolation(String message, boolean missing) {
    super(message);
    this.missing = missing;
  }

  public boolean missing() {
    return missing;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
