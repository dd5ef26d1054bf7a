package com.towerco.aiops.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One region's correlation as its inputs arrive: alerts and watermarks, each from a named
 * source (an upstream task of the engine, on whichever instance runs it). Alerts go to the
 * {@link Correlator} as they come; its time moves on the region's {@link SourceClock} (the
 * slowest source within the grace), never by one input's own time, so the commands do not
 * depend on how the sources' inputs interleave.
 */
public final class RegionCorrelator {
  private final Correlator correlator;
  private final SourceClock clock;

  private RegionCorrelator(Correlator correlator, SourceClock clock) {
    this.correlator = correlator;
    this.clock = clock;
  }

  public static RegionCorrelator restore(CorrelationPolicy policy,
      com.towerco.aiops.alerting.NotificationPolicy notification, List<GroupState> groups,
      Duration grace, SourceClock.State clock) {
    return new RegionCorrelator(Correlator.restore(policy, notification,
        groups == null ? List.of() : groups).recordingChanges(),
        SourceClock.restore(grace, clock));
  }

  /**
   * An input from {@code source} at event time {@code time}: an alert change ({@code alert},
   * with the rule that inhibited it at its site or null), or with {@code alert} null only the
   * passing of time. Returns the incident commands it causes.
   */
  public List<IncidentUpdate> accept(String source, Instant time, AlertFact alert,
      String inhibitedBy) {
    return accept(source, true, time, alert, inhibitedBy);
  }

  /**
   * As above from a primary source (site events) or a secondary one (KPI windows: they trail
   * by design, see {@link SourceClock}).
   */
  public List<IncidentUpdate> accept(String source, boolean primary, Instant time,
      AlertFact alert, String inhibitedBy) {
    List<IncidentUpdate> updates = new ArrayList<>();
    if (alert != null) {
      updates.addAll(correlator.onAlert(alert, inhibitedBy));
    }
    Instant before = clock.now();
    Instant now = clock.advance(source, time, primary);
    if (now != null && !now.equals(before)) {
      updates.addAll(correlator.tick(now));
    }
    return updates;
  }

  /** See {@link Correlator#suppression}. */
  public Optional<String> suppression(String alertId) {
    return correlator.suppression(alertId);
  }

  /** See {@link Correlator#member}. */
  public Optional<Member> member(String alertId) {
    return correlator.member(alertId);
  }

  /** See {@link Correlator#releases}. */
  public List<Release> releases() {
    return correlator.releases();
  }

  /** Every group, in creation order. */
  public List<GroupState> groups() {
    return correlator.snapshot();
  }

  /** See {@link Correlator#changes}. */
  public GroupChanges changes() {
    return correlator.changes();
  }

  public SourceClock.State clock() {
    return clock.snapshot();
  }
}
