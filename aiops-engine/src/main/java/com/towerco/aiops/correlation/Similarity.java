package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.Chain;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Data-driven grouping for causes nobody modelled, in the spirit of graph-and-time clustering:
 * an alert at one site is scored against a pending problem at another site of the region by
 * topology distance (same grid feeder, same hub, a hub in common on the transmission path, same
 * region), time apart (within the window) and alarm type (same rule, same causal chain). A score
 * at or above the policy's threshold proposes that the two share a cause: the alert joins the
 * problem and the group records why, as evidence. Alerts at the same site are left to the
 * causal chains; warnings (anomalies) never start a proposal.
 */
final class Similarity {
  static final double TOPOLOGY = 0.45;
  static final double TIME = 0.25;
  static final double TYPE = 0.30;

  private Similarity() {}

  /** The best pending group for {@code fact}, with the evidence, if it scores high enough. */
  static Optional<Proposal> propose(AlertFact fact, List<Group> groups,
      CorrelationPolicy policy) {
    if (fact.severity() == com.towerco.events.payload.alert.AlertSeverity.WARNING
        || fact.rule().chain() == Chain.SENSOR) {
      return Optional.empty();
    }
    Proposal best = null;
    for (Group group : groups) {
      if (group.opened || group.kind != Group.Kind.SITE || group.hasSite(fact.siteId())
          || !group.region.equals(fact.region()) || group.chain == Chain.SENSOR) {
        continue;
      }
      Duration apart = Duration.between(group.createdAt, fact.time()).abs();
      if (apart.compareTo(policy.similarityWindow()) > 0) {
        continue;
      }
      double topology = topology(group.anchorRelations, fact.relations());
      double time = 1.0 - (double) apart.toMillis() / policy.similarityWindow().toMillis();
      double type = group.has(fact.rule()) ? 1.0 : group.chain == fact.rule().chain() ? 0.5 : 0;
      double score = TOPOLOGY * topology + TIME * time + TYPE * type;
      if (score >= policy.similarity() && (best == null || score > best.score())) {
        best = new Proposal(group, score, String.format(java.util.Locale.ROOT,
            "%s at %s proposed into the problem at %s: similarity %.2f (topology %.2f: %s; "
                + "%ds apart; alarm type %.1f)", fact.rule().id(), fact.siteId(),
            group.anchorSite, score, topology, relation(group.anchorRelations, fact.relations()),
            apart.toSeconds(), type));
      }
    }
    return Optional.ofNullable(best);
  }

  /** A group the alert was proposed into, its score and the evidence. */
  record Proposal(Group group, double score, String evidence) {}

  static double topology(AlertFact.Relations a, AlertFact.Relations b) {
    if (a.feeder() != null && a.feeder().equals(b.feeder())) {
      return 1.0;
    }
    if (!a.hubPath().isEmpty() && !b.hubPath().isEmpty()
        && a.hubPath().get(0).equals(b.hubPath().get(0))) {
      return 0.8;
    }
    if (a.hubPath().stream().anyMatch(b.hubPath()::contains)) {
      return 0.6;
    }
    return 0.2; // the same region
  }

  private static String relation(AlertFact.Relations a, AlertFact.Relations b) {
    double t = topology(a, b);
    return t >= 1.0 ? "same grid feeder " + a.feeder() : t >= 0.8 ? "same hub "
        + a.hubPath().get(0) : t >= 0.6 ? "a hub in common on the transmission path"
        : "same region";
  }

  static boolean isRuleAlert(AlertRule rule) {
    return rule.defaultSeverity() != com.towerco.events.payload.alert.AlertSeverity.WARNING;
  }
}
