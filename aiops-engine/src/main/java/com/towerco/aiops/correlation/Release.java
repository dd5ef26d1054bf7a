package com.towerco.aiops.correlation;

import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Instant;

/**
 * What the correlator decided about a held alert's notification: publish it at
 * {@code severity} (its problem's, from impact) at event time {@code at}, or let it go
 * unpublished ({@link Kind#DISCARDED}).
 */
public record Release(String alertId, AlertSeverity severity, Instant at, Kind kind) {
  /** Why it is published, or that it is not. */
  public enum Kind {
    /** The problem's first notification, once it settled. */
    SETTLED,
    /** A further alert the policy lets notify, after the problem's first notification. */
    LATER,
    /** The problem's severity rose above what it notified: the alert that raised it. */
    ESCALATED,
    /** Holding is off: published as it came, at the alert's own severity. */
    AT_ONCE,
    /** Held, and its problem cleared without it holding its condition after the settle time. */
    DISCARDED,
    /**
     * Held only because the alert it deferred to was (group inhibition, once per problem);
     * the problem notified otherwise: evidence only after all, its records let go.
     */
    EVIDENCE;

    /** The label value the published alert carries ({@code notified}). */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public boolean publishes() {
    return kind != Kind.DISCARDED && kind != Kind.EVIDENCE;
  }
}
