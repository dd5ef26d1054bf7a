package com.towerco.simulator.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Collectors;

/**
 * Every injection of the run and when it begins and ends, in event time. Injections come from
 * the config, from the random fault mode (drawn as simulated time reaches them, so an endless
 * run never runs out), or from a running simulation ({@link FleetSimulation#inject}). Each spec
 * is checked against the fleet; the error names the spec and the problem.
 */
final class FaultSchedule {
  /** Called for each transition, at the transition's own event time. */
  interface Handler {
    void begin(Fault fault, long t);

    void end(Fault fault, long t);
  }

  private record Transition(long time, long seq, Fault fault, boolean begin) {}

  private final Fleet fleet;
  private final long startMillis;
  private final RandomFaults random;
  private final PriorityQueue<Transition> queue = new PriorityQueue<>(
      Comparator.comparingLong(Transition::time).thenComparingLong(Transition::seq));
  private final List<Fault> all = new ArrayList<>();
  private long seq;

  FaultSchedule(Fleet fleet, long startMillis, List<FaultSpec> specs, RandomFaults random) {
    this.fleet = fleet;
    this.startMillis = startMillis;
    this.random = random;
    for (FaultSpec spec : specs) {
      add(spec);
    }
  }

  /** Schedules a spec whose offset counts from the start of the simulation. */
  Fault add(FaultSpec spec) {
    SiteSpec site = check(spec);
    long begin = startMillis + spec.offset().toMillis();
    long end = spec.effectiveDuration().map(d -> begin + d.toMillis()).orElse(Fault.OPEN);
    double theftLph = Math.max(60, 0.25 * site.plant().fuelCapacityL());
    Fault fault = new Fault(String.format("F%03d", all.size() + 1), spec, site.index(), begin,
        end, theftLph);
    all.add(fault);
    queue.add(new Transition(begin, seq++, fault, true));
    if (end != Fault.OPEN) {
      queue.add(new Transition(end, seq++, fault, false));
    }
    return fault;
  }

  /** Ends an open-ended injection at {@code t}. */
  void endAt(Fault fault, long t) {
    if (fault.isOpenEnded()) {
      fault.setEnd(t);
      queue.add(new Transition(t, seq++, fault, false));
    }
  }

  /** Fires every transition due at or before {@code t}, in event-time order. */
  void fireUntil(long t, Handler handler) {
    while (true) {
      long nextRandom = random == null ? Long.MAX_VALUE : random.nextArrival();
      Transition next = queue.peek();
      long nextQueued = next == null ? Long.MAX_VALUE : next.time();
      if (nextRandom <= t && nextRandom < nextQueued) {
        add(random.draw(fleet, startMillis));
        continue;
      }
      if (nextQueued > t) {
        return;
      }
      queue.poll();
      if (next.begin()) {
        next.fault().markStarted();
        handler.begin(next.fault(), next.time());
      } else if (next.fault().hasStarted() && !next.fault().hasEnded()) {
        next.fault().markEnded(next.time());
        handler.end(next.fault(), next.time());
      }
    }
  }

  List<Fault> all() {
    return all;
  }

  private SiteSpec check(FaultSpec spec) {
    SiteSpec site = fleet.site(spec.siteId()).orElseThrow(() -> new IllegalArgumentException(
        "fault spec '" + spec + "': unknown site " + spec.siteId() + "; the fleet has sites "
            + fleet.sites().get(0).id() + ".." + fleet.sites().get(fleet.sites().size() - 1).id()));
    switch (spec.kind()) {
      case HUB_FAILURE -> {
        if (!site.hub() || fleet.behindHub(site.id()).isEmpty()) {
          throw new IllegalArgumentException("fault spec '" + spec + "': " + site.id()
              + " is not a hub with sites behind it; hubs: " + fleet.hubs().stream()
              .filter(h -> !fleet.behindHub(h.id()).isEmpty()).map(SiteSpec::id)
              .collect(Collectors.joining(", ")));
        }
      }
      case GENERATOR_START_FAILURE, BATTERY_EXHAUSTION, FUEL_THEFT, REFUEL -> {
        if (!site.plant().generator()) {
          throw new IllegalArgumentException("fault spec '" + spec + "': " + site.id()
              + " has no generator or fuel tank"
              + (spec.kind() == FaultKind.BATTERY_EXHAUSTION ? " (use mains-outage)" : ""));
        }
      }
      default -> {
        // every site has mains, rectifiers, HVAC and a door
      }
    }
    return site;
  }
}
