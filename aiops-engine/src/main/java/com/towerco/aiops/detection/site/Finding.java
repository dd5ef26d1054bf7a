package com.towerco.aiops.detection.site;

import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a site detector concluded, ready to become an alert: the kind of problem, the site, whether
 * it starts ({@code RAISED}), changes ({@code UPDATED}: a new estimate or severity) or ends
 * ({@code CLEARED}), when (event time), how severe, a sentence for the NOC, the numbers behind
 * it, and for predictions the time the predicted event is due (site down, thermal shutdown).
 */
public record Finding(FindingKind kind, String siteId, Status status, Instant time,
    AlertSeverity severity, String summary, Map<String, Double> evidence, Instant predictedAt) {

  /** Where a finding is in its life. */
  public enum Status { RAISED, UPDATED, CLEARED }

  public Finding {
    evidence = new TreeMap<>(evidence);
  }

  /** The stable identity of this kind of finding on this site (raise, updates and clear). */
  public String fingerprint() {
    return kind.id() + "|" + siteId;
  }
}
