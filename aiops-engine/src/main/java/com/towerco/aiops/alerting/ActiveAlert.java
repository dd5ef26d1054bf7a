package com.towerco.aiops.alerting;

import com.towerco.events.payload.AlertSeverity;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A firing alert: which firing it is ({@code alertId}, derived from fingerprint and start, so a
 * replay names it the same), what it is about, and the sources currently holding it up.
 */
public record ActiveAlert(
    String alertId,
    String fingerprint,
    AlertRule rule,
    String subject,
    AlertSeverity severity,
    Instant startsAt,
    Set<String> sources,
    List<String> evidence) {

  public ActiveAlert {
    sources = Set.copyOf(sources);
    evidence = List.copyOf(evidence);
  }
}
