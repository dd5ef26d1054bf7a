package com.towerco.aiops.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.NotificationPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A store that writes only what {@link Correlator#changes} names holds the same groups as the
 * correlator after every alert and tick: no change to a group goes unreported (random regions
 * with hub outages, shared feeders, suppliers and contractors, causal chains, flapping and
 * resolving alerts, held and published notifications), and a region restored from it decides
 * the same as one that never stopped.
 */
class GroupChangesTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private static final AlertRule[] RULES = {AlertRule.MAINS_FAILURE, AlertRule.GENERATOR_FAILURE,
      AlertRule.BATTERY_DISCHARGING, AlertRule.BATTERY_LOW, AlertRule.TENANT_POWER_LOSS,
      AlertRule.HVAC_FAILURE, AlertRule.HIGH_TEMPERATURE, AlertRule.DOOR_OPEN,
      AlertRule.UNSCHEDULED_DOOR_OPEN, AlertRule.FUEL_THEFT, AlertRule.FUEL_LOW,
      AlertRule.TRANSMISSION_FAILURE, AlertRule.SITE_UNREACHABLE, AlertRule.ANOMALY_POWER,
      AlertRule.ANOMALY_THERMAL, AlertRule.SENSOR_FAULT};

  @Test
  void theChangesKeepAStoreOfOneEntryPerGroupEqualToTheCorrelatorAfterEveryInput() {
    for (long seed = 1; seed <= 40; seed++) {
      for (NotificationPolicy notification : List.of(NotificationPolicy.defaults(),
          NotificationPolicy.everyAlert())) {
        replay(seed, notification);
      }
    }
  }

  private void replay(long seed, NotificationPolicy notification) {
    Random random = new Random(seed);
    Correlator correlator = new Correlator(CorrelationPolicy.defaults(), notification)
        .recordingChanges();
    Correlator restarted = null;
    Map<String, GroupState> store = new LinkedHashMap<>();
    List<AlertFact> firing = new ArrayList<>();
    List<Boolean> quiet = new ArrayList<>();
    long second = 0;
    for (int step = 0; step < 400; step++) {
      second += random.nextInt(40);
      Instant now = T0.plusSeconds(second);
      List<IncidentUpdate> decided = new ArrayList<>();
      List<IncidentUpdate> decidedAfterRestart = new ArrayList<>();
      int what = random.nextInt(10);
      AlertFact fact;
      if (what < 5 || firing.isEmpty()) {
        fact = newAlert(random, step, now);
        firing.add(fact);
        quiet.add(false);
      } else if (what < 7) {
        int i = random.nextInt(firing.size());
        quiet.set(i, !quiet.get(i));
        fact = firing.get(i).quieted(quiet.get(i), now);
      } else if (what < 9) {
        int i = random.nextInt(firing.size());
        AlertFact f = firing.remove(i);
        quiet.remove(i);
        fact = new AlertFact(f.alertId(), f.fingerprint(), f.rule(), f.siteId(), f.region(),
            f.hubSiteId(), f.severity(), f.affectedTenants(), now, false, false,
            f.relations());
      } else {
        fact = null;
      }
      if (fact != null) {
        decided.addAll(correlator.onAlert(fact));
        if (restarted != null) {
          decidedAfterRestart.addAll(restarted.onAlert(fact));
        }
      }
      decided.addAll(correlator.tick(now));
      if (restarted != null) {
        decidedAfterRestart.addAll(restarted.tick(now));
        assertThat(decidedAfterRestart).as("seed %d step %d", seed, step).isEqualTo(decided);
        assertThat(restarted.releases()).isEqualTo(correlator.releases());
        assertThat(restarted.snapshot()).isEqualTo(correlator.snapshot());
      }
      GroupChanges changes = correlator.changes();
      changes.changed().forEach(g -> store.put(g.incidentId(), g));
      changes.removed().forEach(store::remove);
      assertThat(store.values().stream().sorted(Comparator.comparing(GroupState::sequence))
          .toList()).as("seed %d step %d", seed, step).isEqualTo(correlator.snapshot());
      if (step == 200) {
        // restored from the store's entries, in whatever order it lists them
        List<GroupState> entries = new ArrayList<>(store.values());
        java.util.Collections.shuffle(entries, random);
        restarted = Correlator.restore(CorrelationPolicy.defaults(), notification, entries);
        correlator.releases();
      }
    }
  }

  /** An alert at one of 12 sites behind three hubs, sharing feeders, suppliers, contractors. */
  private static AlertFact newAlert(Random random, int step, Instant now) {
    AlertRule rule = RULES[random.nextInt(RULES.length)];
    int hub = random.nextInt(3);
    boolean atHub = rule == AlertRule.TRANSMISSION_FAILURE || random.nextInt(6) == 0;
    String site = atHub ? "H" + hub : "S" + hub + "-" + random.nextInt(4);
    List<String> path = atHub ? (hub == 0 ? List.of() : List.of("H0")) :
        hub == 0 ? List.of("H0") : List.of("H" + hub, "H0");
    AlertFact.Relations relations = new AlertFact.Relations(
        random.nextBoolean() ? "F" + random.nextInt(2) : null, path,
        "fuel-" + random.nextInt(2), "contractor-" + random.nextInt(2));
    return new AlertFact("a" + step, rule.fingerprint(site, ""), rule, site, "north",
        path.isEmpty() ? null : path.get(0), rule.defaultSeverity(),
        List.of("altel", "borealis").subList(0, 1 + random.nextInt(2)), now, true, false,
        relations);
  }
}
