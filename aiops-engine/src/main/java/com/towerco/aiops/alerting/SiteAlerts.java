package com.towerco.aiops.alerting;

import com.towerco.events.EventIds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The firing alerts of one site, keyed by fingerprint. An alert fires when the first source
 * raises its condition and resolves when the last source lets go, so an alarm and a telemetry
 * threshold saying the same thing make one alert, and repeats of either change nothing.
 */
public final class SiteAlerts {
  private static final int MAX_EVIDENCE = 16;

  private final String siteId;
  private final Map<String, ActiveAlert> active = new LinkedHashMap<>();

  public SiteAlerts(String siteId) {
    this.siteId = siteId;
  }

  /** Rebuilds the state stored by {@link #active()}. */
  public static SiteAlerts restore(String siteId, Collection<ActiveAlert> alerts) {
    SiteAlerts site = new SiteAlerts(siteId);
    alerts.forEach(a -> site.active.put(a.fingerprint(), a));
    return site;
  }

  public String siteId() {
    return siteId;
  }

  public Optional<AlertTransition> apply(Signal signal) {
    String fingerprint = signal.fingerprint(siteId);
    ActiveAlert current = active.get(fingerprint);
    if (signal.active()) {
      if (current == null) {
        ActiveAlert fired = new ActiveAlert(
            EventIds.derived("alert", fingerprint, signal.time().toString()), fingerprint,
            signal.rule(), signal.subject(), signal.severity(), signal.time(),
            Set.of(signal.source()), List.of(signal.evidenceEventId()));
        active.put(fingerprint, fired);
        return Optional.of(new AlertTransition.Fired(fired));
      }
      if (!current.sources().contains(signal.source())) {
        Set<String> sources = new HashSet<>(current.sources());
        sources.add(signal.source());
        List<String> evidence = new ArrayList<>(current.evidence());
        if (evidence.size() < MAX_EVIDENCE) {
          evidence.add(signal.evidenceEventId());
        }
        active.put(fingerprint, new ActiveAlert(current.alertId(), fingerprint, current.rule(),
            current.subject(), current.severity(), current.startsAt(), sources, evidence));
      }
      return Optional.empty();
    }
    if (current == null || !current.sources().contains(signal.source())) {
      return Optional.empty();
    }
    Set<String> sources = new HashSet<>(current.sources());
    sources.remove(signal.source());
    if (sources.isEmpty()) {
      active.remove(fingerprint);
      return Optional.of(new AlertTransition.Resolved(current, signal.time()));
    }
    active.put(fingerprint, new ActiveAlert(current.alertId(), fingerprint, current.rule(),
        current.subject(), current.severity(), current.startsAt(), sources, current.evidence()));
    return Optional.empty();
  }

  /** True if {@code source} currently holds the alert with this fingerprint up. */
  public boolean heldBy(String fingerprint, String source) {
    ActiveAlert alert = active.get(fingerprint);
    return alert != null && alert.sources().contains(source);
  }

  public Collection<ActiveAlert> active() {
    return List.copyOf(active.values());
  }
}
