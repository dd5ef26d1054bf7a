package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.Chain;
import com.towerco.events.payload.incident.RankedCause;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ranks the probable root causes of a group from the causal model, each with its evidence (the
 * alerts) and the path through the topology or the power chain that links it to the symptoms:
 * a hub that lost power takes its transmission and every site behind it down; a failed hub
 * link takes down the sites behind it; inside a site the most upstream failure that explains
 * the rest wins (a generator that failed to start after a mains failure is the actionable
 * cause, the mains failure its trigger); HVAC before temperature; intrusion before a door.
 */
final class RootCauseRanker {
  private static final int KEEP = 5;

  private RootCauseRanker() {}

  static List<RankedCause> rank(Group group, int hubMinSites) {
    List<RankedCause> causes = new ArrayList<>();
    if (group.coveredHub() != null) {
      hub(group, group.coveredHub(), hubMinSites, causes);
    }
    if (group.chain == Chain.POWER || group.coveredHub() != null) {
      power(group, group.anchorSite, causes);
      sharedPower(group, causes);
    }
    if (group.chain == Chain.THERMAL) {
      thermal(group, causes);
    }
    if (group.chain == Chain.SECURITY) {
      add(causes, group, AlertRule.INTRUSION, 0.85, "intrusion",
          "Intrusion at " + group.anchorSite, "site " + group.anchorSite + ": access");
      add(causes, group, AlertRule.DOOR_OPEN, 0.7, "door-open",
          "Door open at " + group.anchorSite + " with no intrusion alarm",
          "site " + group.anchorSite + ": access");
    }
    if (group.chain == Chain.FUEL) {
      add(causes, group, AlertRule.FUEL_THEFT, 0.9, "fuel-theft", "Fuel at " + group.anchorSite
          + " fell faster than the generator's run hours explain: suspected theft"
          + (group.sitesWith(AlertRule.FUEL_THEFT).size() > 1 ? " at "
              + group.sitesWith(AlertRule.FUEL_THEFT) + ", all served by "
              + group.anchorRelations.fuelSupplier() + ": check its deliveries" : ""),
          "site " + group.anchorSite + ": fuel tank, run hours x consumption");
      add(causes, group, AlertRule.FUEL_LOW, group.has(AlertRule.FUEL_THEFT) ? 0.4 : 0.7,
          "fuel-low", "Fuel low at " + group.anchorSite, "site " + group.anchorSite
              + ": fuel tank");
    }
    for (AlertRule anomaly : List.of(AlertRule.ANOMALY_POWER, AlertRule.ANOMALY_THERMAL,
        AlertRule.ANOMALY_FUEL, AlertRule.ANOMALY_KPI, AlertRule.ANOMALY_TENANCY_KPI)) {
      // An anomaly alone is a symptom worth a look, rarely the cause when a rule also fired.
      add(causes, group, anomaly, 0.3, anomaly.id(), anomaly.summary() + " at "
          + group.anchorSite, "site " + group.anchorSite + ": learned behaviour");
    }
    if (!group.proposals.isEmpty()) {
      String why = String.join("; ", group.proposals);
      causes.add(new RankedCause(group.anchorSite, "proposed-common-cause",
          truncate("Alerts at " + group.sites().size() + " sites look alike in topology, time "
              + "and type: a common cause nobody modelled? " + why, 1000), 0.45,
          truncate("sites " + String.join(", ", group.sites()), 500),
          evidence(group, group.members.values().stream().map(Member::rule).distinct()
              .toArray(AlertRule[]::new))));
    }
    if (causes.isEmpty()) {
      Member first = group.members.values().iterator().next();
      causes.add(new RankedCause(first.siteId(), first.rule().id(),
          first.rule().summary() + " at " + first.siteId(), 0.5,
          "site " + first.siteId() + ": " + first.rule().chain().name().toLowerCase(),
          evidence(group, first.rule())));
    }
    causes.sort(Comparator.comparingDouble(RankedCause::confidence).reversed());
    return List.copyOf(causes.subList(0, Math.min(KEEP, causes.size())));
  }

  /**
   * Mains lost at several sites that share a grid feeder (or a region): the feeder is the cause,
   * unless a generator failed somewhere (that is what takes a site down: the actionable cause,
   * the feeder its trigger).
   */
  private static void sharedPower(Group group, List<RankedCause> out) {
    Set<String> mains = group.sitesWith(AlertRule.MAINS_FAILURE);
    if (mains.size() >= 2) {
      String feeder = group.anchorRelations.feeder();
      long seconds = java.time.Duration.between(
          group.members.values().stream().filter(m -> m.rule() == AlertRule.MAINS_FAILURE)
              .map(Member::firedAt).min(java.time.Instant::compareTo).orElseThrow(),
          group.members.values().stream().filter(m -> m.rule() == AlertRule.MAINS_FAILURE)
              .map(Member::firedAt).max(java.time.Instant::compareTo).orElseThrow())
          .toSeconds();
      Set<String> failed = group.sitesWith(AlertRule.GENERATOR_FAILURE);
      out.add(new RankedCause(group.anchorSite, feeder != null ? "grid-feeder-outage"
          : "regional-grid-outage", (feeder != null ? "Grid feeder " + feeder
          : "The grid in region " + group.region) + " lost: mains failed at " + mains.size()
          + " sites within " + seconds + " s" + (failed.isEmpty()
              ? "; backup power carries them" : "; generator failed at " + failed), 0.87,
          truncate((feeder != null ? "feeder " + feeder : "region " + group.region)
              + " -> mains at " + String.join(", ", mains) + " -> generators -> batteries", 500),
          evidence(group, AlertRule.MAINS_FAILURE)));
    }
    for (String site : group.sitesWith(AlertRule.GENERATOR_FAILURE)) {
      if (!site.equals(group.anchorSite)) {
        boolean lost = group.hasAt(AlertRule.MAINS_FAILURE, site);
        out.add(new RankedCause(site, "generator-failure", "Generator at " + site + " failed"
            + (lost ? " during the grid outage; the site runs on battery" : ""), lost ? 0.9
            : 0.75, "site " + site + ": mains -> generator -> battery -> tenant DC",
            evidence(group, AlertRule.GENERATOR_FAILURE)));
      }
    }
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }

  private static void hub(Group group, String hub, int hubMinSites, List<RankedCause> out) {
    long unreachable = group.unreachableSites();
    boolean alarm = group.hasAt(AlertRule.TRANSMISSION_FAILURE, hub);
    boolean hubLostPower = group.hasAt(AlertRule.GENERATOR_FAILURE, hub)
        || group.hasAt(AlertRule.BATTERY_LOW, hub) || group.hasAt(AlertRule.TENANT_POWER_LOSS, hub)
        || group.hasAt(AlertRule.MAINS_FAILURE, hub) && (alarm || unreachable > 0);
    String behind = unreachable + " site(s) behind it unreachable";
    if (hubLostPower) {
      out.add(new RankedCause(hub, "hub-power-failure", "Hub " + hub + " lost power and with it"
          + " the transmission of the sites behind it; " + behind, 0.93,
          "hub " + hub + ": power -> transmission -> " + unreachable + " site(s)",
          evidence(group, AlertRule.MAINS_FAILURE, AlertRule.GENERATOR_FAILURE,
              AlertRule.BATTERY_LOW, AlertRule.TENANT_POWER_LOSS,
              AlertRule.TRANSMISSION_FAILURE)));
    }
    if (alarm || unreachable >= hubMinSites) {
      out.add(new RankedCause(hub, "hub-transmission-failure", "Transmission through hub " + hub
          + " failed: " + behind + (alarm ? "; the hub reports a transmission failure"
          : " at once"), (alarm ? 0.95 : 0.78) - (hubLostPower ? 0.1 : 0),
          "hub " + hub + " -> " + unreachable + " site(s) behind it",
          evidence(group, AlertRule.TRANSMISSION_FAILURE, AlertRule.SITE_UNREACHABLE)));
    } else if (unreachable == 1) {
      String site = group.sitesWith(AlertRule.SITE_UNREACHABLE).iterator().next();
      out.add(new RankedCause(site, "site-unreachable", "Site " + site + " unreachable while the"
          + " other sites behind hub " + hub + " are reachable: its own link or equipment", 0.62,
          "site " + site + " (behind hub " + hub + ")",
          evidence(group, AlertRule.SITE_UNREACHABLE)));
      out.add(new RankedCause(hub, "hub-transmission-failure", "Hub " + hub
          + " link, if more sites behind it go silent", 0.3, "hub " + hub + " -> " + site,
          evidence(group, AlertRule.SITE_UNREACHABLE)));
    }
  }

  private static void power(Group group, String site, List<RankedCause> out) {
    boolean mains = group.hasAt(AlertRule.MAINS_FAILURE, site);
    boolean generator = group.hasAt(AlertRule.GENERATOR_FAILURE, site);
    boolean tenantsDown = group.hasAt(AlertRule.TENANT_POWER_LOSS, site);
    String chain = "site " + site + ": mains -> generator -> battery -> tenant DC";
    if (generator) {
      out.add(new RankedCause(site, "generator-failure", mains
          ? "Generator at " + site + " failed after the mains failure (trigger); the site runs on"
              + " battery" + (tenantsDown ? " until tenants lose power" : "")
          : "Generator failure at " + site, mains ? 0.9 : 0.75, chain,
          evidence(group, AlertRule.GENERATOR_FAILURE, AlertRule.MAINS_FAILURE)));
    }
    if (mains) {
      out.add(new RankedCause(site, "mains-failure", "Mains failure at " + site
          + (tenantsDown ? "; backup power did not hold" : ""), generator ? 0.55 : 0.85, chain,
          evidence(group, AlertRule.MAINS_FAILURE)));
    }
    // A rectifier that failed before the mains did is a problem of its own making; one that
    // fails after it is more likely a consequence (or a second fault) than the cause.
    boolean rectifierFirst = group.firstAt(AlertRule.RECTIFIER_FAILURE, site)
        .map(r -> group.firstAt(AlertRule.MAINS_FAILURE, site).map(m -> r.isBefore(m))
            .orElse(true)).orElse(false);
    add(out, group, AlertRule.RECTIFIER_FAILURE, !mains || rectifierFirst ? 0.88 : 0.4,
        "rectifier-failure", "Rectifier failure at " + site
            + (mains && rectifierFirst ? ", before the mains failure" : ""),
        "site " + site + ": rectifier -> DC bus");
    if (group.hasAt(AlertRule.BATTERY_LOW, site) || tenantsDown) {
      out.add(new RankedCause(site, "battery-exhaustion", "Battery at " + site + " exhausted"
          + (mains || generator ? " during the outage" : " without an outage: battery or charger"
          + " fault"), mains || generator ? 0.35 : 0.7, chain,
          evidence(group, AlertRule.BATTERY_LOW, AlertRule.BATTERY_DISCHARGING,
              AlertRule.TENANT_POWER_LOSS)));
    }
    add(out, group, AlertRule.BATTERY_DISCHARGING, mains ? 0.2 : 0.5, "battery-discharging",
        "Battery discharging at " + site, chain);
  }

  private static void thermal(Group group, List<RankedCause> out) {
    String site = group.anchorSite;
    boolean hot = group.has(AlertRule.HIGH_TEMPERATURE);
    add(out, group, AlertRule.HVAC_FAILURE, hot ? 0.92 : 0.85, "hvac-failure",
        "HVAC failure at " + site + (hot ? "; the cabinet is heating up" : ""),
        "site " + site + ": HVAC -> cabinet temperature -> thermal shutdown");
    add(out, group, AlertRule.HIGH_TEMPERATURE, group.has(AlertRule.HVAC_FAILURE) ? 0.3 : 0.65,
        "high-temperature", "Cabinet too hot at " + site + " with no HVAC fault reported",
        "site " + site + ": cabinet temperature");
    add(out, group, AlertRule.THERMAL_RUNAWAY, group.has(AlertRule.HVAC_FAILURE) ? 0.35 : 0.6,
        "thermal-runaway", "Cabinet at " + site + " heating towards thermal shutdown",
        "site " + site + ": cooling -> cabinet temperature -> shutdown");
  }

  private static void add(List<RankedCause> out, Group group, AlertRule rule, double confidence,
      String kind, String description, String path) {
    if (group.has(rule)) {
      out.add(new RankedCause(group.anchorSite, kind, description, confidence, path,
          evidence(group, rule)));
    }
  }

  private static List<String> evidence(Group group, AlertRule... rules) {
    Set<AlertRule> wanted = Set.of(rules);
    Set<String> ids = new TreeSet<>();
    group.members.values().stream().filter(m -> wanted.contains(m.rule()))
        .forEach(m -> ids.add(m.alertId()));
    return List.copyOf(ids).subList(0, Math.min(ids.size(), 64));
  }
}
