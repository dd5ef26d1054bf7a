package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.NotificationPolicy;
import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a problem's alerts are published, and at which severity (ADR-027). An alert that
 * notifies ({@link NotificationGate} let it) is held while its problem settles; at the first
 * tick from the settle time on at which it held its condition it is published at the
 * problem's severity from impact ({@link Impact}), not its alarm's label. Once the problem has
 * notified, an alert the gate lets through is published at once, and an alert that raises the
 * problem's severity above what it notified is published as an escalation even if the gate
 * made it evidence (a generator failing during a grid outage carried by generators: minor,
 * then major). A held alert whose problem clears before it held its condition after the
 * settle time is discarded: a blip pages nobody; an alert made evidence only by such a held
 * alert (group inhibition, once per problem) is held with it, and the first of those that held
 * its condition after the settle time notifies for the problem if none of the alerts it
 * deferred to did; once the problem notified, they are evidence only. Event time only; the
 * decisions live on the members ({@link Member#held}, {@link Member#notifiedAs}) and the group
 * ({@link Group#notifiedSeverity}), in the changelogged correlation store.
 */
final class ProblemNotices {
  private final NotificationPolicy policy;
  private final Duration settle;
  private final int hubMinSites;
  private final List<Release> pending = new ArrayList<>();

  ProblemNotices(NotificationPolicy policy, Duration settle, int hubMinSites) {
    this.policy = policy;
    this.settle = settle;
    this.hubMinSites = hubMinSites;
  }

  /** A new alert, {@code member}, has just joined {@code group}. */
  void joined(Group group, Member member) {
    if (!policy.holdUntilSettled()) {
      if (member.notified()) {
        publish(group, member, member.severity(), member.firedAt(), Release.Kind.AT_ONCE);
      }
      return;
    }
    if (group.notifiedSeverity == null) {
      if (member.notified() || defersToHeld(group, member)) {
        group.members.put(member.alertId(), member.holding());
      }
      return;
    }
    AlertSeverity impact = Impact.of(group, hubMinSites);
    if (member.notified()) {
      publish(group, member, impact, member.firedAt(), Release.Kind.LATER);
    } else if (impact.ordinal() < group.notifiedSeverity.ordinal()) { // more severe
      publish(group, member, impact, member.firedAt(), Release.Kind.ESCALATED);
    }
  }

  /**
   * Event time reached {@code now}: the held alerts of {@code group} that held their condition
   * at some time from the settle time until now are published, at the problem's severity.
   * Returns true if that changed the group (a member published or deferred).
   */
  boolean settled(Group group, Instant now) {
    Instant due = group.createdAt.plus(settle);
    if (now.isBefore(due)) {
      return false;
    }
    int decided = pending.size(); // each decision below is one release
    for (Member m : List.copyOf(group.members.values())) {
      if (m.held() && m.notified()) {
        Optional<Instant> at = m.activeBetween(due, now);
        if (at.isPresent()) {
          publish(group, m, Impact.of(group, hubMinSites), at.get(), Release.Kind.SETTLED);
        }
      }
    }
    if (group.notifiedSeverity == null) {
      // The alerts that made the others evidence never held their condition after the settle
      // time (a blip): the first alert they made evidence that did notifies for the problem.
      for (Member m : List.copyOf(group.members.values())) {
        if (m.held() && !m.notified()) {
          Optional<Instant> at = m.activeBetween(due, now);
          if (at.isPresent()) {
            publish(group, m, Impact.of(group, hubMinSites), at.get(), Release.Kind.SETTLED);
            break;
          }
        }
      }
    }
    if (group.notifiedSeverity != null) {
      // the problem notified: what was held only in case it would not is evidence after all
      for (Member m : List.copyOf(group.members.values())) {
        if (m.held() && !m.notified()) {
          group.members.put(m.alertId(), m.deferred());
          pending.add(new Release(m.alertId(), m.severity(), due, Release.Kind.EVIDENCE));
        }
      }
    }
    return pending.size() != decided;
  }

  /**
   * True if the alert was made evidence only by another alert of the problem that notifies
   * (group inhibition, {@code rule@site}, or once per problem) and is still held: it is held
   * too, since the one it deferred to may yet notify nobody (a blip).
   */
  private static boolean defersToHeld(Group group, Member member) {
    String by = member.suppressedBy();
    if (by == null) {
      return false;
    }
    String source = by.startsWith(NotificationGate.ONCE_PER_PROBLEM)
        ? by.substring(NotificationGate.ONCE_PER_PROBLEM.length()) : by;
    return group.members.values().stream().anyMatch(m -> m.held() && m.notified()
        && source.equals(m.rule().id() + "@" + m.siteId()));
  }

  /** The group is over: what it still held notifies nobody. */
  void over(Group group, Instant at) {
    group.members.values().stream().filter(Member::held).forEach(m ->
        pending.add(new Release(m.alertId(), m.severity(), at, Release.Kind.DISCARDED)));
  }

  /** The decisions since the last call, in the order they were made. */
  List<Release> drain() {
    List<Release> out = List.copyOf(pending);
    pending.clear();
    return out;
  }

  private void publish(Group group, Member member, AlertSeverity severity, Instant at,
      Release.Kind kind) {
    group.members.put(member.alertId(), member.published(severity));
    group.notifiedSeverity = group.notifiedSeverity == null ? severity
        : group.notifiedSeverity.max(severity);
    pending.add(new Release(member.alertId(), severity, at, kind));
  }
}
