package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An alert inside a correlation group, whether it is still firing, whether its condition has
 * let go while it waits out the flap hold-down ({@code quiet}), and why it did not notify
 * ({@code suppressedBy}, null when it notified: evidence on the incident only); {@code subject}
 * is what its fingerprint names after the site (a metric, a KPI, a tenant; "" for none, null in
 * state stored before it was kept). {@code resolvedAt}: the event time it resolved, once it has
 * (null while it fires, and in state stored before it was kept), so that whether it held its
 * condition at a given event time does not depend on when its resolution arrived.
 * {@code quietChanges}: likewise the event times at which its condition let go and came back,
 * alternately, the first a letting go (empty while it never went quiet, and in state stored
 * before they were kept): an alert whose quiet spell arrived before the region's clock reached
 * it still held its condition until then (the fault run: a site's inputs reached the
 * correlator after the other sites of its task had moved the clock past the whole outage).
 * {@code held}: it will notify, but waits for its problem to settle ({@link ProblemNotices});
 * {@code notifiedAs}: the severity it was published at (its problem's), null while held, when
 * evidence only, and in state stored before it was kept (then it was published at its own
 * severity if {@code suppressedBy} is null); {@code operatorSeverity}: see
 * {@link AlertFact#operatorSeverity}.
 */
public record Member(String alertId, AlertRule rule, String siteId, AlertSeverity severity,
    List<String> tenants, Instant firedAt, boolean firing, boolean quiet, String suppressedBy,
    String subject, Instant resolvedAt, List<Instant> quietChanges, boolean held,
    AlertSeverity notifiedAs, boolean operatorSeverity) {
  /**
   * The changes kept per member: an alert that chatters more often has its oldest spells
   * merged (the short returns between them count as quiet).
   */
  static final int MAX_QUIET_CHANGES = 32;

  public Member {
    quietChanges = quietChanges == null ? List.of() : List.copyOf(quietChanges);
  }

  static Member of(AlertFact fact, String suppressedBy) {
    return new Member(fact.alertId(), fact.rule(), fact.siteId(), fact.severity(),
        fact.affectedTenants(), fact.time(), true, fact.quiet(), suppressedBy,
        SameSignal.subjectOf(fact.fingerprint()), null,
        fact.quiet() ? List.of(fact.time()) : List.of(), false, null, fact.operatorSeverity());
  }

  Member resolved(Instant at) {
    return new Member(alertId, rule, siteId, severity, tenants, firedAt, false, quiet,
        suppressedBy, subject, at, quietChanges, held, notifiedAs, operatorSeverity);
  }

  /**
   * Its condition let go ({@code isQuiet}) or came back at event time {@code at}. A change that
   * changes nothing, or is older than the last one kept (a repeat after a restart), is
   * ignored: one alert's changes come from one site, in that site's order.
   */
  Member quieted(boolean isQuiet, Instant at) {
    Instant last = quietChanges.isEmpty() ? null : quietChanges.get(quietChanges.size() - 1);
    if (isQuiet == quiet || (last != null && at.isBefore(last))) {
      return this;
    }
    List<Instant> changes = new ArrayList<>(quietChanges);
    if (!quiet || !changes.isEmpty()) { // quiet since a time not kept: no spell to close
      changes.add(at);
    }
    if (changes.size() > MAX_QUIET_CHANGES) {
      changes.subList(1, 3).clear(); // the first two spells become one
    }
    return new Member(alertId, rule, siteId, severity, tenants, firedAt, firing, isQuiet,
        suppressedBy, subject, resolvedAt, changes, held, notifiedAs, operatorSeverity);
  }

  /** Waiting for its problem to settle before it notifies. */
  Member holding() {
    return new Member(alertId, rule, siteId, severity, tenants, firedAt, firing, quiet,
        suppressedBy, subject, resolvedAt, quietChanges, true, null, operatorSeverity);
  }

  /** No longer held: evidence only after all (its problem notified otherwise). */
  Member deferred() {
    return new Member(alertId, rule, siteId, severity, tenants, firedAt, firing, quiet,
        suppressedBy, subject, resolvedAt, quietChanges, false, null, operatorSeverity);
  }

  /** Published at {@code problemSeverity}. */
  Member published(AlertSeverity problemSeverity) {
    return new Member(alertId, rule, siteId, severity, tenants, firedAt, firing, quiet,
        suppressedBy, subject, resolvedAt, quietChanges, false, problemSeverity,
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
   * alert held its condition (fired, not yet resolved, not quiet), if there is one: what is
   * known of its history decides, whether it arrived before or after the clock reached it.
   */
  Optional<Instant> activeBetween(Instant from, Instant until) {
    if (firedAt.isAfter(until) || (quiet && quietChanges.isEmpty())) {
      return Optional.empty(); // (quiet since a time not kept: state stored before)
    }
    Instant t = firedAt.isAfter(from) ? firedAt : from;
    for (int i = 0; i < quietChanges.size(); i += 2) {
      Instant letGo = quietChanges.get(i);
      Instant back = i + 1 < quietChanges.size() ? quietChanges.get(i + 1) : null;
      if (back != null && !back.isAfter(t)) {
        continue; // a spell over by t
      }
      if (letGo.isAfter(t)) {
        break; // it held its condition at t
      }
      if (back == null) {
        return Optional.empty(); // quiet from t on
      }
      t = back;
    }
    boolean held = !t.isAfter(until)
        && (firing || (resolvedAt != null && resolvedAt.isAfter(t)));
    return held ? Optional.of(t) : Optional.empty();
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
