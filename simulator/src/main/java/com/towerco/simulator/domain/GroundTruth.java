package com.towerco.simulator.domain;

import com.towerco.events.payload.site.SiteAlarm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Attributes what the fleet shows to what was injected, as it happens: every raised alarm to
 * the active injections on its site whose causal chain can produce that alarm, and every tenant
 * outage (DC below its SLA window) to the injections that can cut a tenant's power. What no
 * injection explains is counted: on a correct model that count stays at zero, which is what
 * makes the ground truth trustworthy for scoring root-cause analysis.
 */
final class GroundTruth {
  private static final int MAX_EXAMPLES = 20;

  private final long[][] outageStart;
  private final List<List<List<Fault>>> outageCauses = new ArrayList<>();
  private final List<String> unexplainedExamples = new ArrayList<>();
  private long unexplained;

  GroundTruth(Fleet fleet) {
    outageStart = new long[fleet.sites().size()][];
    for (SiteSpec site : fleet.sites()) {
      int n = site.tenancies().size();
      outageStart[site.index()] = new long[n];
      Arrays.fill(outageStart[site.index()], -1);
      List<List<Fault>> causes = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        causes.add(new ArrayList<>());
      }
      outageCauses.add(causes);
    }
  }

  void alarmRaised(SiteModel site, SiteAlarm alarm, long t) {
    boolean explained = false;
    for (Fault fault : site.faults.attributable(t)) {
      if (fault.kind().explains(alarm.probableCause())) {
        fault.symptom(alarm.probableCause(), site.id(), t);
        explained = true;
      }
    }
    if (!explained) {
      unexplained("alarm " + alarm.alarmId() + " " + alarm.probableCause() + " ("
          + alarm.specificProblem() + ") at " + Instant.ofEpochMilli(t));
    }
  }

  /** Tracks tenant outages of one site after its tick at {@code t}. */
  void observe(SiteModel site, long t) {
    long[] starts = outageStart[site.spec.index()];
    for (int k = 0; k < starts.length; k++) {
      boolean below = site.tenantBelowWindow(k);
      List<Fault> causes = outageCauses.get(site.spec.index()).get(k);
      String tenant = site.spec.tenancies().get(k).tenantId();
      if (below && starts[k] < 0) {
        starts[k] = t;
        for (Fault fault : site.faults.attributable(t)) {
          if (fault.kind().explains(SiteAlarm.ProbableCause.POWER_SUPPLY_FAILURE)) {
            fault.affects(site.id(), tenant);
            causes.add(fault);
          }
        }
        if (causes.isEmpty()) {
          unexplained("tenant " + tenant + " outage at " + site.id() + " from "
              + Instant.ofEpochMilli(t));
        }
      } else if (!below && starts[k] >= 0) {
        for (Fault fault : causes) {
          fault.outage(new Fault.Outage(site.id(), tenant, starts[k], t));
        }
        causes.clear();
        starts[k] = -1;
      }
    }
  }

  /** Outages still going on, attributed to {@code fault}. */
  List<Fault.Outage> openOutages(Fault fault, Fleet fleet) {
    List<Fault.Outage> open = new ArrayList<>();
    for (SiteSpec site : fleet.sites()) {
      long[] starts = outageStart[site.index()];
      for (int k = 0; k < starts.length; k++) {
        if (starts[k] >= 0 && outageCauses.get(site.index()).get(k).contains(fault)) {
          open.add(new Fault.Outage(site.id(), site.tenancies().get(k).tenantId(), starts[k],
              -1));
        }
      }
    }
    return open;
  }

  long unexplained() {
    return unexplained;
  }

  List<String> unexplainedExamples() {
    return List.copyOf(unexplainedExamples);
  }

  private void unexplained(String what) {
    unexplained++;
    if (unexplainedExamples.size() < MAX_EXAMPLES) {
      unexplainedExamples.add(what);
    }
  }
}
