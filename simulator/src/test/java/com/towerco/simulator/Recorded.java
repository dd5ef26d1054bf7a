package com.towerco.simulator;

import com.towerco.events.Envelope;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.simulator.domain.SimulationReport;
import com.towerco.simulator.domain.SimulatorConfig;
import com.towerco.simulator.domain.SiteSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A finished simulation run with every event it emitted, and queries over them for tests. */
final class Recorded {
  final Simulator simulator;
  final List<Envelope> events;
  final SimulationReport report;

  private Recorded(Simulator simulator, List<Envelope> events, SimulationReport report) {
    this.simulator = simulator;
    this.events = events;
    this.report = report;
  }

  static Recorded run(SimulatorConfig config) {
    Simulator simulator = new Simulator(config.asFastAsPossible());
    List<Envelope> events = new ArrayList<>();
    SimulationReport report = simulator.run(events::add);
    return new Recorded(simulator, events, report);
  }

  /** 12 sites in 2 regions, hubs S0001 and S0007, a reading every 10 s, from a Monday 00:00Z. */
  static SimulatorConfig smallFleet() {
    return SimulatorConfig.defaults().withSites(12).withLayout(2, 6).withRate(0.1)
        .asFastAsPossible();
  }

  /** The first site that is not a hub, matching {@code filter}. */
  static SiteSpec memberSite(SimulatorConfig config, Predicate<SiteSpec> filter) {
    return new Simulator(config).fleet().sites().stream().filter(s -> !s.hub()).filter(filter)
        .findFirst().orElseThrow(() -> new AssertionError("no such site in the test fleet"));
  }

  List<Envelope> of(String siteId, Class<?> payload) {
    return events.stream().filter(e -> e.siteId().equals(siteId))
        .filter(e -> payload.isInstance(e.payload())).toList();
  }

  List<SiteTelemetry> telemetry(String siteId) {
    return of(siteId, SiteTelemetry.class).stream()
        .map(e -> e.payloadAs(SiteTelemetry.class)).toList();
  }

  /** The site's first reading at or after {@code t}. */
  SiteTelemetry telemetryAt(String siteId, Instant t) {
    return of(siteId, SiteTelemetry.class).stream().filter(e -> !e.timestamp().isBefore(t))
        .findFirst().map(e -> e.payloadAs(SiteTelemetry.class))
        .orElseThrow(() -> new AssertionError("no telemetry of " + siteId + " after " + t));
  }

  /** Average fuel reading of the site between two instants. */
  double meanFuel(String siteId, Instant from, Instant to) {
    return of(siteId, SiteTelemetry.class).stream()
        .filter(e -> !e.timestamp().isBefore(from) && e.timestamp().isBefore(to))
        .mapToDouble(e -> e.payloadAs(SiteTelemetry.class).fuel().levelL()).average()
        .orElseThrow();
  }

  List<Envelope> alarms(String siteId) {
    return of(siteId, SiteAlarm.class);
  }

  List<SiteAlarm> raised(String siteId, SiteAlarm.ProbableCause cause) {
    return alarms(siteId).stream().map(e -> e.payloadAs(SiteAlarm.class))
        .filter(a -> a.state() == SiteAlarm.AlarmState.RAISED && a.probableCause() == cause)
        .toList();
  }

  /** Event time of the first raise of {@code cause} at the site. */
  Instant firstRaised(String siteId, SiteAlarm.ProbableCause cause) {
    return alarms(siteId).stream().filter(e -> {
      SiteAlarm a = e.payloadAs(SiteAlarm.class);
      return a.state() == SiteAlarm.AlarmState.RAISED && a.probableCause() == cause;
    }).findFirst().map(Envelope::timestamp)
        .orElseThrow(() -> new AssertionError(cause + " never raised at " + siteId));
  }

  List<Envelope> connectivity(String siteId) {
    return of(siteId, SiteConnectivity.class);
  }
}
