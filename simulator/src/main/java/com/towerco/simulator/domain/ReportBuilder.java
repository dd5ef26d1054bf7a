package com.towerco.simulator.domain;

import com.towerco.events.Json;
import com.towerco.events.payload.site.SiteAlarm.ProbableCause;
import com.towerco.simulator.domain.SimulationReport.Injection;
import com.towerco.simulator.domain.SimulationReport.Problem;
import com.towerco.simulator.domain.SimulationReport.RootCause;
import com.towerco.simulator.domain.SimulationReport.TenantOutage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the run's counters and injections into a {@link SimulationReport}, and decides the
 * ground-truth problems: faults on one site's DC supply (mains, generator, rectifiers) whose
 * time windows overlap are one problem, because they share their symptoms; mains loss plus a
 * generator that will not start is rooted in the generator, with the mains loss as its trigger,
 * otherwise the earliest fault is the root cause. Every other fault is a problem of its own.
 */
final class ReportBuilder {
  private ReportBuilder() {}

  static SimulationReport build(SimulatorConfig config, Fleet fleet, EventCounts counts,
      List<Fault> all, GroundTruth truth, Instant until) {
    List<Fault> started = all.stream().filter(Fault::hasStarted).toList();
    List<Fault> faults = started.stream().filter(f -> f.kind().isFault()).toList();
    int[] group = group(faults, fleet);
    List<Problem> problems = new ArrayList<>();
    String[] problemIds = new String[faults.size()];
    List<Integer> roots = new ArrayList<>();
    for (int i = 0; i < faults.size(); i++) {
      if (!roots.contains(group[i])) {
        roots.add(group[i]);
      }
    }
    roots.sort(Comparator.comparingLong(r -> firstStart(faults, group, r)));
    for (int r : roots) {
      List<Fault> members = new ArrayList<>();
      for (int i = 0; i < faults.size(); i++) {
        if (group[i] == r) {
          members.add(faults.get(i));
          problemIds[i] = "P" + (problems.size() + 1);
        }
      }
      problems.add(problem("P" + (problems.size() + 1), members, truth, fleet));
    }
    List<Injection> faultViews = new ArrayList<>();
    for (int i = 0; i < faults.size(); i++) {
      faultViews.add(view(faults.get(i), rootCause(List.of(faults.get(i)), faults), problemIds[i],
          truth, fleet));
    }
    List<Injection> activities = started.stream().filter(f -> !f.kind().isFault())
        .map(f -> view(f, null, null, truth, fleet)).toList();
    return new SimulationReport(config.seed(), fleet.sites().size(), fleet.tenants(),
        config.start(), until, config.eventsPerSecondPerSite(), counts.total(), counts.byType(),
        counts.bySite(), faultViews, activities, problems, truth.unexplained(),
        truth.unexplainedExamples());
  }

  /** Mains outages at sites of one grid feeder starting this close together: one trip. */
  static final long FEEDER_TRIP_MS = 120_000;

  /**
   * Union of overlapping power-chain faults on the same site, and of mains outages on one grid
   * feeder that start within {@link #FEEDER_TRIP_MS} of each other (a feeder trip); group[i] is a
   * representative.
   */
  private static int[] group(List<Fault> faults, Fleet fleet) {
    int[] group = new int[faults.size()];
    for (int i = 0; i < group.length; i++) {
      group[i] = i;
    }
    boolean[] inTrip = new boolean[faults.size()];
    for (int i = 0; i < faults.size(); i++) {
      for (int j = 0; j < faults.size(); j++) {
        inTrip[i] |= sameFeederTrip(faults.get(i), faults.get(j), fleet);
      }
    }
    for (int i = 0; i < faults.size(); i++) {
      for (int j = 0; j < i; j++) {
        Fault a = faults.get(i);
        Fault b = faults.get(j);
        // A feeder trip at a site whose mains was already out is the feeder's problem; the
        // earlier outage stays the site's own.
        boolean maskedByTrip = a.kind() == FaultKind.MAINS_OUTAGE
            && b.kind() == FaultKind.MAINS_OUTAGE && (inTrip[i] || inTrip[j]);
        boolean sameSite = a.kind().isPowerChain() && b.kind().isPowerChain()
            && a.siteId().equals(b.siteId()) && a.startMillis() <= b.endMillis()
            && b.startMillis() <= a.endMillis() && !maskedByTrip;
        if (sameSite || sameFeederTrip(a, b, fleet)) {
          int from = group[i];
          int to = group[j];
          for (int k = 0; k < group.length; k++) {
            if (group[k] == from) {
              group[k] = to;
            }
          }
        }
      }
    }
    return group;
  }

  private static boolean sameFeederTrip(Fault a, Fault b, Fleet fleet) {
    if (a.kind() != FaultKind.MAINS_OUTAGE || b.kind() != FaultKind.MAINS_OUTAGE
        || a.siteId().equals(b.siteId())
        || Math.abs(a.startMillis() - b.startMillis()) > FEEDER_TRIP_MS) {
      return false;
    }
    String feeder = fleet.site(a.siteId()).map(SiteSpec::feederId).orElse(null);
    return feeder != null
        && feeder.equals(fleet.site(b.siteId()).map(SiteSpec::feederId).orElse(null));
  }

  private static long firstStart(List<Fault> faults, int[] group, int root) {
    long first = Long.MAX_VALUE;
    for (int i = 0; i < faults.size(); i++) {
      if (group[i] == root) {
        first = Math.min(first, faults.get(i).startMillis());
      }
    }
    return first;
  }

  private static Problem problem(String id, List<Fault> members, GroundTruth truth,
      Fleet fleet) {
    Set<String> sites = new LinkedHashSet<>();
    Set<String> tenants = new LinkedHashSet<>();
    boolean observed = false;
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    for (Fault f : members) {
      sites.add(f.siteId());
      sites.addAll(f.affectedSites());
      tenants.addAll(f.affectedTenants());
      observed |= observed(f);
      start = Math.min(start, f.startMillis());
      end = Math.max(end, f.hasEnded() ? f.endMillis() : Long.MAX_VALUE);
    }
    return new Problem(id, rootCause(members, members), members.stream().map(Fault::id).toList(),
        observed, List.copyOf(sites), List.copyOf(tenants), Instant.ofEpochMilli(start),
        end == Long.MAX_VALUE ? null : Instant.ofEpochMilli(end));
  }

  /**
   * The root cause of a set of faults that form one problem. A generator that fails to start is
   * the root cause when the mains loss that demanded it overlaps it (the mains loss is the
   * trigger); a site's own fault otherwise.
   */
  private static RootCause rootCause(List<Fault> members, List<Fault> context) {
    Fault generator = members.stream().filter(f -> f.kind() == FaultKind.GENERATOR_START_FAILURE
        || f.kind() == FaultKind.BATTERY_EXHAUSTION).findFirst().orElse(null);
    if (generator != null) {
      boolean triggered = generator.kind() == FaultKind.BATTERY_EXHAUSTION
          || context.stream().anyMatch(f -> f.kind() == FaultKind.MAINS_OUTAGE
              && f.siteId().equals(generator.siteId())
              && f.startMillis() <= generator.endMillis()
              && generator.startMillis() <= f.endMillis());
      return new RootCause(generator.siteId(), FaultKind.GENERATOR_START_FAILURE.label(),
          name(ProbableCause.GENERATOR_FAILURE),
          triggered ? FaultKind.MAINS_OUTAGE.label() : null,
          triggered ? "generator failed to start after the mains failed"
              : "generator will fail to start on its next demand");
    }
    Fault first = members.stream().min(Comparator.comparingLong(Fault::startMillis))
        .orElseThrow();
    long mainsSites = members.stream().filter(f -> f.kind() == FaultKind.MAINS_OUTAGE)
        .map(Fault::siteId).distinct().count();
    if (mainsSites > 1) {
      return new RootCause(first.siteId(), "grid-feeder-outage",
          name(ProbableCause.COMMERCIAL_POWER_FAILURE), null,
          "the grid feeder of " + mainsSites + " sites tripped");
    }
    return new RootCause(first.siteId(), first.kind().label(),
        first.kind().rootCause().map(ReportBuilder::name).orElse(null), null,
        first.kind().description());
  }

  private static Injection view(Fault f, RootCause rootCause, String problemId,
      GroundTruth truth, Fleet fleet) {
    List<TenantOutage> outages = new ArrayList<>();
    for (Fault.Outage o : f.outages()) {
      outages.add(new TenantOutage(o.siteId(), o.tenantId(), Instant.ofEpochMilli(o.startMillis()),
          Instant.ofEpochMilli(o.endMillis())));
    }
    for (Fault.Outage o : truth.openOutages(f, fleet)) {
      outages.add(new TenantOutage(o.siteId(), o.tenantId(), Instant.ofEpochMilli(o.startMillis()),
          null));
    }
    return new Injection(f.id(), f.spec().toString(), f.kind().label(), f.siteId(),
        Instant.ofEpochMilli(f.startMillis()),
        f.hasEnded() ? Instant.ofEpochMilli(f.endMillis()) : null, observed(f),
        List.copyOf(f.affectedSites()), List.copyOf(f.affectedTenants()),
        f.symptoms().stream().map(ReportBuilder::name).toList(), outages, rootCause, problemId);
  }

  /** True when the injection left a trace in the events: an alarm, or a visible effect. */
  private static boolean observed(Fault f) {
    return f.hasStarted() && (!f.symptoms().isEmpty() || f.kind() == FaultKind.FUEL_THEFT
        || f.kind() == FaultKind.HUB_FAILURE);
  }

  /** The X.733 name as it appears in events, e.g. {@code commercialPowerFailure}. */
  static String name(ProbableCause cause) {
    return Json.mapper().convertValue(cause, String.class);
  }
}
