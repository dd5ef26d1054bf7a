package com.towerco.simulator.domain;

import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.payload.site.SiteAlarm.AlarmState;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.events.payload.site.SiteVisitScheduled;
import com.towerco.events.payload.site.SiteConnectivity.ConnectivityState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The whole fleet in event time, one site tick at a time. Every site reports once per tick
 * interval, site {@code i} at offset {@code i/N} of the interval, so events come out in
 * event-time order and evenly spread. Injections begin and end at their own event time, between
 * ticks; a hub failure makes every site behind it unreachable at that instant (one
 * {@code site.connectivity} event each, then silence until it recovers). No wall clock is read
 * here: the caller decides how fast event time passes.
 */
public final class FleetSimulation implements FaultSchedule.Handler {
  private static final long BATTERY_EXHAUSTION_TAIL_MILLIS = 15 * 60_000L;

  private final SimulatorConfig config;
  private final Fleet fleet;
  private final SiteModel[] sites;
  private final AlarmTracker[] alarms;
  private final SiteEvents[] events;
  private final long[] offsets;
  private final FaultSchedule schedule;
  private final GroundTruth truth;
  private final EventCounts counts;
  private final long startMillis;
  private final long tickMillis;
  private final double dt;
  private long step;
  private int cursor;
  private Consumer<Envelope> out;

  public FleetSimulation(SimulatorConfig config) {
    this.config = config;
    this.fleet = FleetGenerator.generate(config);
    this.startMillis = config.start().toEpochMilli();
    this.tickMillis = config.tickMillis();
    this.dt = tickMillis / 1000.0;
    int n = fleet.sites().size();
    this.sites = new SiteModel[n];
    this.alarms = new AlarmTracker[n];
    this.events = new SiteEvents[n];
    this.offsets = new long[n];
    for (SiteSpec spec : fleet.sites()) {
      int i = spec.index();
      sites[i] = new SiteModel(spec, config.seed(), dt);
      alarms[i] = new AlarmTracker(spec.id(),
          AlarmRules.forSite(spec, fleet.behindHub(spec.id()).size()));
      // Ids depend on the start too: a second run from a later start (a demo restarted on
      // the same data) must not reuse the first run's ids, or consumers would drop its events
      // as duplicates.
      events[i] = new SiteEvents(config.operatorTenant(), spec.id(),
          Noise.seed(config.seed() * 31 + startMillis, i, 2));
      offsets[i] = tickMillis * i / n;
    }
    this.truth = new GroundTruth(fleet);
    this.counts = new EventCounts(fleet.siteIds());
    RandomFaults random = config.randomFaultsPerHour() > 0
        ? new RandomFaults(config.seed(), config.randomFaultsPerHour(), startMillis) : null;
    this.schedule = new FaultSchedule(fleet, startMillis, config.faults(), random);
  }

  public Fleet fleet() {
    return fleet;
  }

  public SimulatorConfig config() {
    return config;
  }

  /**
   * The {@code site.registered} event of every site, stamped at the start; ids are derived from
   * the seed, the start and the site, so a restart republishes the very same events.
   */
  public List<Envelope> inventory() {
    List<Envelope> inventory = new ArrayList<>();
    for (SiteSpec site : fleet.sites()) {
      inventory.add(Envelope.of(EventIds.derived("site.registered", Long.toString(config.seed()),
              config.start().toString(), site.id()), config.operatorTenant(), site.id(),
          config.start(), site.registration(), SiteEvents.INVENTORY));
    }
    return inventory;
  }

  /** Counts inventory events as sent (the caller sends them). */
  public void countInventorySent() {
    for (int i = 0; i < sites.length; i++) {
      counts.add(i, EventCounts.REGISTERED);
    }
  }

  /** Event time of the next site tick. */
  public long nextTickMillis() {
    return startMillis + step * tickMillis + offsets[cursor];
  }

  /** Runs the next site tick (and every injection transition due by then), emitting to out. */
  public void advance(Consumer<Envelope> sink) {
    this.out = sink;
    long t = nextTickMillis();
    schedule.fireUntil(t, this);
    int i = cursor;
    SiteModel site = sites[i];
    boolean wasDisconnected = site.power.lvd;
    site.tick(t, dt);
    if (!wasDisconnected && site.power.lvd) {
      for (Fault fault : site.faults.active()) {
        if (fault.kind() == FaultKind.BATTERY_EXHAUSTION && fault.spec().duration() == null) {
          schedule.endAt(fault, t + BATTERY_EXHAUSTION_TAIL_MILLIS);
        }
      }
    }
    truth.observe(site, t);
    if (site.reachable) {
      emit(i, EventCounts.TELEMETRY, events[i].envelope(t, site.telemetry(), SiteEvents.RMU));
      alarms[i].evaluate(site, alarm -> {
        if (alarm.state() == AlarmState.RAISED) {
          truth.alarmRaised(site, alarm, t);
        }
        emit(i, EventCounts.ALARM, events[i].envelope(t, alarm, SiteEvents.RMU));
      });
    }
    if (++cursor == sites.length) {
      cursor = 0;
      step++;
    }
  }

  /**
   * Schedules an injection into the running simulation, its offset counted from the next tick
   * (so {@code @0} means now).
   */
  public Fault inject(FaultSpec spec) {
    long now = nextTickMillis();
    FaultSpec fromStart = new FaultSpec(spec.kind(), spec.siteId(),
        Duration.ofMillis(now - startMillis).plus(spec.offset()), spec.duration());
    return schedule.add(fromStart);
  }

  @Override
  public void begin(Fault fault, long t) {
    SiteModel site = sites[fault.siteIndex()];
    site.faults.begin(fault);
    if (fault.kind() == FaultKind.FUEL_THEFT) {
      fault.affects(site.id(), null);
    }
    if (fault.kind() == FaultKind.SITE_VISIT || fault.kind() == FaultKind.REFUEL) {
      // Planned work is announced, so the door it opens is expected.
      Duration length = fault.spec().duration() != null ? fault.spec().duration()
          : fault.kind().defaultDuration().orElse(Duration.ofHours(1));
      int i = site.spec.index();
      emit(i, EventCounts.VISIT, events[i].envelope(t, new SiteVisitScheduled(fault.id(),
          Instant.ofEpochMilli(t), Instant.ofEpochMilli(t).plus(length),
          fault.kind().label()), SiteEvents.MEDIATION));
    }
    if (fault.kind() == FaultKind.HUB_FAILURE) {
      site.spec.tenancies().forEach(k -> fault.affects(site.id(), k.tenantId()));
      for (SiteSpec member : fleet.behindHub(site.id())) {
        SiteModel m = sites[member.index()];
        member.tenancies().forEach(k -> fault.affects(member.id(), k.tenantId()));
        if (m.faults.unreachable++ == 0) {
          m.reachable = false;
          connectivity(m, t, ConnectivityState.UNREACHABLE,
              "transmission failure at hub " + site.id());
        }
      }
    }
  }

  @Override
  public void end(Fault fault, long t) {
    SiteModel site = sites[fault.siteIndex()];
    site.faults.end(fault);
    if (fault.kind() == FaultKind.HUB_FAILURE) {
      for (SiteSpec member : fleet.behindHub(site.id())) {
        SiteModel m = sites[member.index()];
        if (--m.faults.unreachable == 0) {
          m.reachable = true;
          connectivity(m, t, ConnectivityState.REACHABLE,
              "transmission via hub " + site.id() + " restored");
        }
      }
    }
  }

  private void connectivity(SiteModel site, long t, ConnectivityState state, String reason) {
    int i = site.spec.index();
    emit(i, EventCounts.CONNECTIVITY, events[i].envelope(t,
        new SiteConnectivity(state, site.spec.hubSiteId(), reason), SiteEvents.MEDIATION));
  }

  private void emit(int site, int type, Envelope event) {
    counts.add(site, type);
    out.accept(event);
  }

  /** What was sent so far and the ground truth of every injection. */
  public SimulationReport report() {
    return ReportBuilder.build(config, fleet, counts, schedule.all(), truth,
        Instant.ofEpochMilli(nextTickMillis()));
  }
}
