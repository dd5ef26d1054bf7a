package com.towerco.aiops.alerting;

import com.towerco.events.EventIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The firing alerts of one site, keyed by fingerprint. An alert fires when the first source
 * raises its condition; when the last source lets go it starts clearing, and it resolves only
 * after staying clear for the flap hold-down ({@link #resolveDue}). A condition that comes back
 * within the hold-down continues the same alert (counted as a flap), so an alarm that chatters
 * is one alert, not a storm. An alarm and a telemetry threshold saying the same thing make one
 * alert, and repeats of either change nothing.
 */
public final class SiteAlerts {
  private static final int MAX_EVIDENCE = 16;

  private final String siteId;
  private final Duration flapHold;
  private final Map<String, ActiveAlert> active = new LinkedHashMap<>();
  private final ReadingGate gate = new ReadingGate();
  /** Fingerprints by rule and subject, made once: the rules ask for them on every reading. */
  private final Map<AlertRule, Map<String, String>> fingerprints =
      new java.util.EnumMap<>(AlertRule.class);

  public SiteAlerts(String siteId, Duration flapHold) {
    this.siteId = siteId;
    this.flapHold = flapHold;
  }

  /** Rebuilds the state stored by {@link #active()}. */
  public static SiteAlerts restore(String siteId, Duration flapHold,
      Collection<ActiveAlert> alerts) {
    SiteAlerts site = new SiteAlerts(siteId, flapHold);
    alerts.forEach(a -> site.active.put(a.fingerprint(), a));
    return site;
  }

  public String siteId() {
    return siteId;
  }

  /** What the threshold rules remember between this site's readings. */
  public ReadingGate gate() {
    return gate;
  }

  public Optional<AlertTransition> apply(Signal signal) {
    String fingerprint = signal.fingerprint(siteId);
    ActiveAlert current = active.get(fingerprint);
    if (signal.active()) {
      if (current == null) {
        ActiveAlert fired = new ActiveAlert(
            EventIds.derived("alert", fingerprint, signal.time().toString()), fingerprint,
            signal.rule(), signal.subject(), signal.severity(), signal.time(),
            Set.of(signal.source()), List.of(signal.evidenceEventId()), null, 0,
            signal.details());
        active.put(fingerprint, fired);
        return Optional.of(new AlertTransition.Fired(fired));
      }
      if (!current.sources().contains(signal.source()) || current.clearing()) {
        Set<String> sources = new HashSet<>(current.sources());
        sources.add(signal.source());
        List<String> evidence = new ArrayList<>(current.evidence());
        if (evidence.size() < MAX_EVIDENCE) {
          evidence.add(signal.evidenceEventId());
        }
        ActiveAlert next = current.with(sources, evidence, null,
            current.flaps() + (current.clearing() ? 1 : 0));
        active.put(fingerprint, next);
        if (current.clearing()) {
          return Optional.of(new AlertTransition.Resumed(next, signal.time()));
        }
      }
      return Optional.empty();
    }
    if (current == null || !current.sources().contains(signal.source())) {
      return Optional.empty();
    }
    Set<String> sources = new HashSet<>(current.sources());
    sources.remove(signal.source());
    ActiveAlert next = current.with(sources, current.evidence(),
        sources.isEmpty() ? signal.time() : null, current.flaps());
    active.put(fingerprint, next);
    return sources.isEmpty() ? Optional.of(new AlertTransition.Quiet(next, signal.time()))
        : Optional.empty();
  }

  /**
   * Adds a label to a firing alert (kept with it in the store), e.g. {@code inhibited_by}; the
   * alert as it is now.
   */
  public ActiveAlert label(String fingerprint, String key, String value) {
    ActiveAlert a = active.get(fingerprint);
    java.util.Map<String, String> details = new java.util.HashMap<>(a.details());
    details.put(key, value);
    ActiveAlert labelled = new ActiveAlert(a.alertId(), a.fingerprint(), a.rule(), a.subject(),
        a.severity(), a.startsAt(), a.sources(), a.evidence(), a.clearingSince(), a.flaps(),
        details);
    active.put(fingerprint, labelled);
    return labelled;
  }

  /** Alerts that have stayed clear for the hold-down by event time {@code now}: resolved. */
  public List<AlertTransition.Resolved> resolveDue(Instant now) {
    List<AlertTransition.Resolved> resolved = new ArrayList<>();
    Iterator<ActiveAlert> it = active.values().iterator();
    while (it.hasNext()) {
      ActiveAlert alert = it.next();
      if (alert.clearing() && !now.isBefore(alert.clearingSince().plus(flapHold))) {
        it.remove();
        resolved.add(new AlertTransition.Resolved(alert, alert.clearingSince()));
      }
    }
    return resolved;
  }

  /** True while some alert is waiting out its hold-down. */
  public boolean anyClearing() {
    return active.values().stream().anyMatch(ActiveAlert::clearing);
  }

  /** True if {@code source} currently holds the alert with this fingerprint up. */
  public boolean heldBy(String fingerprint, String source) {
    ActiveAlert alert = active.get(fingerprint);
    return alert != null && alert.sources().contains(source);
  }

  /**
   * True if {@code source} currently holds the alert of {@code rule} on {@code subject} up; as
   * {@code heldBy(rule.fingerprint(siteId, subject), source)}, without making the fingerprint
   * when nothing fires at the site (most readings of most sites).
   */
  public boolean heldBy(AlertRule rule, String subject, String source) {
    return !active.isEmpty() && heldBy(fingerprint(rule, subject), source);
  }

  /** {@code rule.fingerprint(siteId, subject)}, made once per rule and subject. */
  public String fingerprint(AlertRule rule, String subject) {
    // get-then-put, not computeIfAbsent with a lambda capturing rule: that lambda was made on
    // every call, i.e. per rule and metric of every reading while an alert fires at the site
    Map<String, String> byRule = fingerprints.get(rule);
    if (byRule == null) {
      byRule = new java.util.HashMap<>();
      fingerprints.put(rule, byRule);
    }
    String fingerprint = byRule.get(subject);
    if (fingerprint == null) {
      fingerprint = rule.fingerprint(siteId, subject);
      byRule.put(subject, fingerprint);
    }
    return fingerprint;
  }

  public Collection<ActiveAlert> active() {
    return List.copyOf(active.values());
  }
}
