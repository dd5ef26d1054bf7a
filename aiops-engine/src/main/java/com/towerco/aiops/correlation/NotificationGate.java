package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.NotificationPolicy;
import java.util.Optional;

/**
 * Decides, as an alert joins its problem, whether it notifies or is evidence only
 * ({@link NotificationPolicy}); the reason it does not, e.g. {@code evidence-only},
 * {@code transmission-failure@H1} (a group inhibition: the source and its site) or
 * {@code problem:mains-failure@S3} (the problem already notified something as severe, at any
 * time while it lives) or {@code same-signal:high-temperature@S3} (an anomaly or sensor fault of
 * a signal the problem's rule alert watches: {@link SameSignal}).
 */
final class NotificationGate {
  static final String EVIDENCE_ONLY = "evidence-only";
  /** An anomaly or sensor fault of a signal that a rule's alert of the problem watches. */
  static final String SAME_SIGNAL = "same-signal:";
  /** Once per problem: an alert of the problem already notifies ({@code oncePerProblem}). */
  static final String ONCE_PER_PROBLEM = "problem:";

  private NotificationGate() {}

  static Optional<String> suppressor(AlertFact fact, Group group, NotificationPolicy policy) {
    Optional<Member> watcher = SameSignal.watcherOf(fact, group);
    if (watcher.isPresent()) {
      return Optional.of(SAME_SIGNAL + watcher.get().rule().id() + "@" + watcher.get().siteId());
    }
    if (policy.evidenceOnly().contains(fact.rule())) {
      return Optional.of(EVIDENCE_ONLY);
    }
    for (Member m : group.members.values()) {
      if (m.active() && !m.alertId().equals(fact.alertId())
          && policy.groupInhibition().inhibits(m.rule(), fact.rule())
          && !(m.rule() == fact.rule() && m.siteId().equals(fact.siteId()))) {
        return Optional.of(m.rule().id() + "@" + m.siteId());
      }
    }
    if (policy.oncePerProblem()) {
      for (Member m : group.members.values()) {
        // Any alert that notified while the problem lives, still firing or not: a condition
        // that flaps (resolves, comes back within the problem's hold-down) is one problem.
        if (m.notified() && !m.alertId().equals(fact.alertId())
            && m.severity() != com.towerco.events.payload.alert.AlertSeverity.WARNING
            && (!policy.againWhenWorse() || m.severity().ordinal() <= fact.severity().ordinal())) {
          return Optional.of(ONCE_PER_PROBLEM + m.rule().id() + "@" + m.siteId());
        }
      }
    }
    return Optional.empty();
  }
}
