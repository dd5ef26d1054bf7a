package com.towerco.events;

/** A record that is not a valid event, with the reason code and a human-readable detail. */
public final class InvalidEventException extends Exception {
  private final RejectReason reason;

  public InvalidEventException(RejectReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public RejectReason reason() {
    return reason;
  }

  public String detail() {
    return getMessage();
  }
}
