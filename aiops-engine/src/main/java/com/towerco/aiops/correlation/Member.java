package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Instant;
import java.util.List;

/**
 * An alert inside a correlation group, whether it is still firing, whether its condition has
 * let go while it waits out the flap hold-down ({@code quiet}), and why it did not notify
 * ({@code suppressedBy}, null when it notified: evidence on the incident only); {@code subject}
 * is what its fingerprint names after the site (a metric, a KPI, a tenant; "" for none, null in
 * state stored before it was kept). {@code resolvedAt}: the event time it resolved, once it has
 * (null while it fires, and in state stored before it was kept), so that whether it held its
 * condition at a given event time does not depend on when its resolution arrived.
 * {@code held}: it will notify, but waits for its problem to settle ({@link ProblemNotices});
 * {@code notifiedAs}: the severity it was published at (its problem's), null while held, when
 * evidence only, and in state stored before it was kept (then it was published at its own
 * severity if {@code suppressedBy} is null); {@code operatorSeverity}: see
 * {@link AlertFact#operatorSeverity}.
 */
public record Member(String alertId, AlertRule rule, String siteId, AlertSeverity severity,
    List<String> tenants, Instant firedAt, boolean firing, boolean quiet, String suppressedBy,
    String subject, Instant resolvedAt, boolean held, AlertSeverity notifiedAs,
    boolean operatorSeverity) {

  static Member of(AlertFact fact, String suppressedBy) {
    return new Member(fact.alertId(), fact.rule(), fact.siteId(), fact.severity(),
        fact.affectedTenants(), fact.time(), true, fact.quiet(), suppressedBy,
        SameSignal.subjectOf(fact.fingerprint()), null, false, null, fact.operatorSeverity());
  }

  Member resolved(Instant at) {
    return new Member(alertId, rule, siteId, severity, tenants, firedAt, false, quiet,
        suppressedBy, subject, at, held, notifiedAs, operatorSeverity);
  }

  Member quieted(boolean isQuiet) {
    return new Member(alertId, rule, siteId, severity, tenants, firedAt, firing, isQuiet,
        suppressedBy, subject, resolvedAt, held, notifiedAs, operatorSeverity);
  }

  /** Waiting for its problem to settle before it notifies. */
  Member holding() {
    return new Member(alertId, rule, siteId, severity, tenants, firedAt, firing, quiet,
        suppressedBy, subject, resolvedAt, true, null, operatorSeverity);
  }

  /** Published at {@code problemSeverity}. */
  Member published(AlertSeverity problemSeverity) {
    return new Member(alertId, rule, siteId, severity, tenants, firedAt, firing, quiet,
        suppressedBy, subject, resolvedAt, false, problemSeverity,
        operatorSeverity);
  }

  /**
   * True if its firing was published: at its problem's severity, or (state stored before
   * alerts were held) when it was not evidence only.
   */
  public boolean published() {
    return notifiedAs != null || (!held && suppressedBy == null);
  }

  /**
   * The first event time at or after {@code from} and not after {@code until} at which the
   * alert held its condition (fired, not yet resolved, not quiet), if there is one.
   */
  java.util.Optional<Instant> activeBetween(Instant from, Instant until) {
    if (quiet || firedAt.isAfter(until)) {
      return java.util.Optional.empty();
    }
    Instant start = firedAt.isAfter(from) ? firedAt : from;
    boolean held = firing || (resolvedAt != null && resolvedAt.isAfter(start));
    return held ? java.util.Optional.of(start) : java.util.Optional.empty();
  }

  /**
   * True if the alert notifies (it was published or is held to be), not only evidence; an alert
   * published as an escalation keeps the reason it was evidence, and is not counted here.
   */
  boolean notified() {
    return suppressedBy == null;
  }

  /** Firing with its condition present. */
  boolean active() {
    return firing && !quiet;
  }
}
