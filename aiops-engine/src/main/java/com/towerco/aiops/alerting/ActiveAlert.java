package com.towerco.aiops.alerting;

import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A firing alert: which firing it is ({@code alertId}, derived from fingerprint and start, so a
 * replay names it the same), what it is about, the sources currently holding it up, and — once
 * the last source let go — since when it has been clearing ({@code clearingSince}): it resolves
 * only if it stays clear for the flap hold-down, so a condition that flaps stays one alert.
 * {@code details} are what the first source said about it (for an anomaly: score, expected range,
 * observed value and the detector that fired).
 */
public record ActiveAlert(
    String alertId,
    String fingerprint,
    AlertRule rule,
    String subject,
    AlertSeverity severity,
    Instant startsAt,
    Set<String> sources,
    List<String> evidence,
    Instant clearingSince,
    int flaps,
    java.util.Map<String, String> details) {

  public ActiveAlert {
    sources = Set.copyOf(sources);
    evidence = List.copyOf(evidence);
    details = details == null ? java.util.Map.of() : java.util.Map.copyOf(details);
  }

  ActiveAlert with(Set<String> newSources, List<String> newEvidence, Instant clearing,
      int newFlaps) {
    return new ActiveAlert(alertId, fingerprint, rule, subject, severity, startsAt, newSources,
        newEvidence, clearing, newFlaps, details);
  }

  public boolean clearing() {
    return clearingSince != null;
  }
}
