package com.towerco.aiops.alerting;

import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Instant;

/**
 * One source's statement that a rule's condition is active or not on a site: an alarm raised
 * or cleared, a telemetry threshold crossed, the mediation layer losing contact. Several
 * sources can hold the same alert up; it resolves when the last one lets go.
 *
 * @param subject the tenant for per-tenant rules, otherwise empty
 * @param source  who says so, e.g. {@code alarm:A-17} or {@code telemetry}
 */
public record Signal(
    AlertRule rule,
    String subject,
    String source,
    boolean active,
    AlertSeverity severity,
    Instant time,
    String evidenceEventId,
    java.util.Map<String, String> details) {

  public Signal {
    details = details == null ? java.util.Map.of() : java.util.Map.copyOf(details);
  }

  /** A signal with nothing to say beyond its rule. */
  public Signal(AlertRule rule, String subject, String source, boolean active,
      AlertSeverity severity, Instant time, String evidenceEventId) {
    this(rule, subject, source, active, severity, time, evidenceEventId, java.util.Map.of());
  }

  public String fingerprint(String siteId) {
    return rule.fingerprint(siteId, subject);
  }
}
