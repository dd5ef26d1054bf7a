package com.towerco.aiops.alerting;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which alerts notify (are published on the alert topics, where the notification service routes
 * them) and which are evidence only, Alertmanager-style, decided per correlation group:
 * <ul>
 *   <li>{@code groupInhibition}: while a source alert is active in a problem (firing, its
 *       condition present), a new target alert of the same problem, at any of its sites, does
 *       not notify (a hub's transmission failure and its downstream sites' unreachable alerts;
 *       the second site of a feeder trip); a rule may inhibit itself at another site;</li>
 *   <li>{@code evidenceOnly}: alerts of these rules never notify on their own (anomaly alerts,
 *       a door opened: an unscheduled opening or an intrusion has its own alert): they are
 *       evidence of a problem;</li>
 *   <li>{@code oncePerProblem}: once an alert of a problem above a warning has notified, later
 *       alerts of that problem are evidence on its incident: the incident's own updates (root cause, title,
 *       severity) tell what changed; with {@code againWhenWorse} an alert more severe than
 *       everything the problem notified so far notifies once more;</li>
 *   <li>{@code holdUntilSettled}: an alert that notifies is held until its problem has settled
 *       (the correlation settle time, event time) and is then published at the problem's
 *       severity from impact, not its alarm's label; a problem whose severity rises after it
 *       notified notifies again with the alert that raised it (an escalation); a held alert
 *       whose problem cleared before it settled notifies nobody. Off: every alert that
 *       notifies is published at once with its own severity (as before ADR-027).</li>
 * </ul>
 * What does not notify still reaches correlation and is attached to the incident: nothing is
 * lost. Inhibition at one site ({@link InhibitionRules}, {@code aiops.inhibit}) is decided where
 * the site's alerts live, before this.
 */
public record NotificationPolicy(InhibitionRules groupInhibition, Set<AlertRule> evidenceOnly,
    boolean oncePerProblem, boolean againWhenWorse, boolean holdUntilSettled) {

  /** Holding alerts until their problem settles (the default). */
  public NotificationPolicy(InhibitionRules groupInhibition, Set<AlertRule> evidenceOnly,
      boolean oncePerProblem, boolean againWhenWorse) {
    this(groupInhibition, evidenceOnly, oncePerProblem, againWhenWorse, true);
  }

  public static final String DEFAULT_GROUP_INHIBITION =
      "transmission-failure:transmission-failure,site-unreachable;"
      + "site-unreachable:site-unreachable;"
      + "mains-failure:mains-failure,battery-discharging;"
      + "generator-failure:battery-discharging,battery-low;"
      + "fuel-theft:fuel-theft,fuel-low;"
      + "unscheduled-door-open:unscheduled-door-open";
  public static final String DEFAULT_EVIDENCE_ONLY =
      "anomaly-power,anomaly-thermal,anomaly-fuel,anomaly-kpi,anomaly-tenancy-kpi,door-open";

  public NotificationPolicy {
    evidenceOnly = evidenceOnly.isEmpty() ? Set.of()
        : Collections.unmodifiableSet(EnumSet.copyOf(evidenceOnly));
  }

  public static NotificationPolicy defaults() {
    return new NotificationPolicy(InhibitionRules.parseGroup(DEFAULT_GROUP_INHIBITION),
        rules(DEFAULT_EVIDENCE_ONLY), true, false);
  }

  /** Every alert notifies (what the engine did before problems decided notification). */
  public static NotificationPolicy everyAlert() {
    return new NotificationPolicy(InhibitionRules.none(), Set.of(), false, false, false);
  }

  /** Parses a comma-separated list of rule names; an unknown one fails. */
  public static Set<AlertRule> rules(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .map(AlertRule::byId).collect(Collectors.toCollection(() -> EnumSet.noneOf(
            AlertRule.class)));
  }
}
