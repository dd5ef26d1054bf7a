package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.events.payload.IncidentOpened.RootCause;
import java.util.List;

/**
 * The probable root cause of a group, from the causal model: on a hub, transmission; in a
 * site's power chain the most upstream failure that explains the rest (a generator that failed
 * to start after a mains failure is the actionable cause, the mains failure its trigger); in the
 * thermal chain the HVAC before the temperature.
 */
final class RootCauses {
  private static final List<AlertRule> POWER_ORDER = List.of(AlertRule.GENERATOR_FAILURE,
      AlertRule.MAINS_FAILURE, AlertRule.RECTIFIER_FAILURE, AlertRule.BATTERY_LOW,
      AlertRule.BATTERY_DISCHARGING, AlertRule.TENANT_POWER_LOSS);
  private static final List<AlertRule> THERMAL_ORDER =
      List.of(AlertRule.HVAC_FAILURE, AlertRule.HIGH_TEMPERATURE);
  private static final List<AlertRule> SECURITY_ORDER =
      List.of(AlertRule.INTRUSION, AlertRule.DOOR_OPEN);

  private RootCauses() {}

  static RootCause of(Group group, int hubMinSites) {
    if (group.kind == Group.Kind.HUB) {
      return hub(group, hubMinSites);
    }
    List<AlertRule> order = switch (group.chain) {
      case POWER -> POWER_ORDER;
      case THERMAL -> THERMAL_ORDER;
      case SECURITY -> SECURITY_ORDER;
      default -> List.of();
    };
    for (AlertRule rule : order) {
      if (group.has(rule)) {
        return new RootCause(group.anchorSite, rule.id(), describe(group, rule), 0.8);
      }
    }
    AlertRule first = group.members.values().iterator().next().rule();
    return new RootCause(group.anchorSite, first.id(), first.summary() + " at "
        + group.anchorSite, 0.6);
  }

  private static RootCause hub(Group group, int hubMinSites) {
    long unreachable = group.unreachableSites();
    boolean alarm = group.has(AlertRule.TRANSMISSION_FAILURE);
    if (alarm || unreachable >= hubMinSites) {
      return new RootCause(group.anchorSite, "hub-transmission-failure",
          "Transmission through hub " + group.anchorSite + " failed: " + unreachable
              + " site(s) behind it unreachable"
              + (alarm ? "; the hub reports a transmission failure" : " at once"),
          alarm ? 0.95 : 0.75);
    }
    String site = group.members.values().iterator().next().siteId();
    return new RootCause(site, "site-unreachable",
        "Site " + site + " unreachable; other sites behind hub " + group.anchorSite
            + " are reachable", 0.6);
  }

  private static String describe(Group group, AlertRule rule) {
    String site = group.anchorSite;
    return switch (rule) {
      case GENERATOR_FAILURE -> group.has(AlertRule.MAINS_FAILURE)
          ? "Generator at " + site + " failed after the mains failure (trigger); the site runs"
              + " on battery" + (group.has(AlertRule.TENANT_POWER_LOSS)
              ? " until tenants lose power" : "")
          : "Generator failure at " + site;
      case MAINS_FAILURE -> "Mains failure at " + site
          + (group.has(AlertRule.TENANT_POWER_LOSS) ? "; backup power did not hold" : "");
      case BATTERY_LOW -> "Battery at " + site + " exhausted";
      default -> rule.summary() + " at " + site;
    };
  }
}
