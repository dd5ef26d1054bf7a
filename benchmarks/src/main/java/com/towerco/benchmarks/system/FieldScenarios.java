package com.towerco.benchmarks.system;

import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.simulator.domain.SimulationReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The second, independent scenario set of {@code bench rca}: written by hand, without the
 * simulator or the engine's causal model. Its own fleet (3 regions, 6 hubs of which one hangs
 * off another, 40 sites, grid feeders, fuel suppliers, maintenance contractors), its own
 * readings every 15 s with its own noise, X.733 alarms as a remote monitoring unit raises them,
 * and its own ground truth with the severity a NOC manager expects:
 *
 * <ol>
 *   <li>a grid feeder trips: 5 sites lose mains within 33 s, every generator starts: one minor
 *       problem;
 *   <li>one glitch reading of 71.5 °C on a noisy cabinet sensor: no problem;
 *   <li>mains lost at a site whose generator then fails to start: one major problem, root cause
 *       the generator (it changes from the mains failure within a minute);
 *   <li>a rectifier module that flaps three times and then stays failed: one major problem;
 *   <li>fuel theft at a site with the generator off: one major problem;
 *   <li>the transmission of a top-level hub fails: its sites, the hub below it and that hub's
 *       sites go unreachable: one critical problem at the top hub;
 *   <li>an HVAC failure and an intrusion at the same site at the same time: two major problems;
 *   <li>a single site's mains outage carried by its generator: one minor problem;
 *   <li>two sites of one fuel supplier robbed within 30 minutes: one major problem;
 *   <li>a second feeder trips (4 sites within 20 s, generators start), and 6 minutes later one
 *       of the running generators fails: one problem, minor until the generator fails, then
 *       major, root cause that generator (the feeder its trigger): it pages once, at major.
 * </ol>
 * Pages (alerts notified at major or critical) are counted per problem: the carried feeder
 * trip and the carried single-site outage page nobody; the second trip pages once, when its
 * generator fails.
 */
final class FieldScenarios {
  static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
  static final Duration STEP = Duration.ofSeconds(15);
  static final Duration LENGTH = Duration.ofHours(3);
  private static final List<String> TENANTS = List.of("altel", "borealis", "cyan");
  private static final Map<String, String> META = Map.of("producer", "field-scenarios");

  private FieldScenarios() {}

  /** The events, the inventory, the real problems and their expected severities. */
  record Suite(List<Envelope> events, Map<String, SiteRegistered> inventory,
      List<SimulationReport.Problem> problems, Map<String, AlertSeverity> severities,
      Instant until) {}

  /** One site's plant as this generator models it. */
  private static final class Site {
    final String id;
    final SiteRegistered registration;
    final Random noise;
    boolean mains = true;
    boolean generatorRunning;
    boolean generatorFault;
    double runHours = 1500;
    double soc = 98;
    double fuel = 700;
    double cabinet;
    boolean hvacFault;
    boolean door;
    int modulesOk = 4;
    boolean reachable = true;
    double glitch = Double.NaN;
    double noiseAmplitude = 0.3;

    Site(String id, SiteRegistered registration, long seed) {
      this.id = id;
      this.registration = registration;
      this.noise = new Random(seed);
      this.cabinet = 26 + noise.nextDouble() * 3;
    }

    boolean generator() {
      return registration.power().generator();
    }

    SiteTelemetry reading() {
      boolean ac = mains || generatorRunning;
      double batteryA = ac ? (soc < 99 ? 6 : 0.4) : -38;
      double busV = ac && modulesOk > 0 ? 53.5 : 46.5 + soc * 0.07;
      double temp = Double.isNaN(glitch) ? cabinet + noise.nextGaussian() * noiseAmplitude
          : glitch;
      glitch = Double.NaN;
      List<SiteTelemetry.TenantSupply> feeds = new ArrayList<>();
      for (SiteRegistered.Tenancy t : registration.tenancies()) {
        feeds.add(new SiteTelemetry.TenantSupply(t.tenantId(),
            round(busV + noise.nextGaussian() * 0.05), round(1.2 + noise.nextDouble() * 0.2)));
      }
      return new SiteTelemetry(
          new SiteTelemetry.Mains(mains, mains ? round(229 + noise.nextGaussian()) : 0),
          generator() ? new SiteTelemetry.Generator(generatorRunning, generatorFault,
              round(runHours), generatorRunning ? 6.1 : 0) : null,
          new SiteTelemetry.Rectifier(round(busV), round(40 + noise.nextGaussian()), modulesOk,
              4),
          new SiteTelemetry.Battery(round(busV - 0.2), round(soc), 27, round(batteryA)),
          null,
          generator() ? new SiteTelemetry.Fuel(round(fuel), 1000) : null,
          new SiteTelemetry.Environment(round(temp), 24),
          new SiteTelemetry.Hvac(hvacFault ? SiteTelemetry.HvacState.FAULT
              : SiteTelemetry.HvacState.ON),
          new SiteTelemetry.Door(door), feeds);
    }

    void advance(Duration step) {
      double hours = step.toMillis() / 3_600_000.0;
      boolean ac = mains || generatorRunning;
      soc = ac ? Math.min(100, soc + 20 * hours) : Math.max(0, soc - 60 * hours);
      if (generatorRunning) {
        runHours += hours;
        fuel = Math.max(0, fuel - 2.4 * hours);
      }
      if (hvacFault) {
        cabinet = Math.min(52, cabinet + 30 * hours);
      }
    }

    static double round(double v) {
      return Math.round(v * 100) / 100.0;
    }
  }

  static Suite build() {
    Map<String, Site> sites = new LinkedHashMap<>();
    fleet(sites);
    List<Envelope> events = new ArrayList<>();
    Timeline timeline = new Timeline(sites, events);
    List<SimulationReport.Problem> problems = new ArrayList<>();
    Map<String, AlertSeverity> severities = new LinkedHashMap<>();

    // 1. Feeder F-S-2 trips: 5 sites of the south lose mains within 33 s; generators start.
    List<String> feeder = List.of("S21", "S22", "S23", "S24", "S25");
    int[] offsets = {0, 6, 14, 25, 33};
    for (int i = 0; i < feeder.size(); i++) {
      String id = feeder.get(i);
      Instant t = at(60, offsets[i]);
      timeline.mainsLost(id, t);
      timeline.at(t.plusSeconds(20), s -> s.generatorRunning = true, id);
      timeline.mainsBack(id, at(100, offsets[i]));
      timeline.at(at(100, offsets[i] + 30), s -> s.generatorRunning = false, id);
    }
    problem(problems, severities, "P1", "S21", "grid-feeder-outage", feeder, at(60, 0),
        at(100, 33), AlertSeverity.MINOR);

    // 2. A noisy cabinet sensor reports 71.5 °C once: nothing to do.
    sites.get("N04").noiseAmplitude = 1.2;
    timeline.at(at(70, 3), s -> s.glitch = 71.5, "N04");

    // 3. Mains lost at E31; its generator does not start. The site runs on battery.
    timeline.mainsLost("E31", at(80, 0));
    timeline.at(at(80, 45), s -> s.generatorFault = true, "E31");
    timeline.alarm("E31", at(80, 46), "gen-E31", SiteAlarm.ProbableCause.GENERATOR_FAILURE,
        SiteAlarm.PerceivedSeverity.CRITICAL, true);
    timeline.mainsBack("E31", at(125, 0));
    timeline.at(at(126, 0), s -> s.generatorFault = false, "E31");
    timeline.alarm("E31", at(126, 0), "gen-E31", SiteAlarm.ProbableCause.GENERATOR_FAILURE,
        SiteAlarm.PerceivedSeverity.CLEARED, false);
    problem(problems, severities, "P3", "E31", "generator-failure", List.of("E31"), at(80, 0),
        at(126, 0), AlertSeverity.MAJOR);

    // 4. A rectifier module at N12 flaps three times, then stays failed for 25 minutes.
    int[][] flaps = {{90, 0, 91, 0}, {92, 30, 93, 20}, {94, 40, 95, 30}, {97, 0, 122, 0}};
    for (int[] f : flaps) {
      timeline.at(at(f[0], f[1]), s -> s.modulesOk = 3, "N12");
      timeline.at(at(f[2], f[3]), s -> s.modulesOk = 4, "N12");
    }
    problem(problems, severities, "P4", "N12", "rectifier-failure", List.of("N12"), at(90, 0),
        at(122, 0), AlertSeverity.MAJOR);

    // 5. 180 litres leave E35's tank in 6 minutes with the generator off.
    theft(timeline, "E35", 100);
    problem(problems, severities, "P5", "E35", "fuel-theft", List.of("E35"), at(100, 0),
        at(106, 0), AlertSeverity.MAJOR);

    // 6. Hub HN1's transmission fails: its sites, hub HN2 below it and HN2's sites go dark.
    timeline.alarm("HN1", at(110, 0), "tx-HN1", SiteAlarm.ProbableCause.TRANSMISSION_FAILURE,
        SiteAlarm.PerceivedSeverity.CRITICAL, true);
    List<String> dark = new ArrayList<>();
    int k = 0;
    for (Site s : sites.values()) {
      String hub = s.registration.hubSiteId();
      if ("HN1".equals(hub) || "HN2".equals(hub) || s.id.equals("HN2")) {
        dark.add(s.id);
        timeline.unreachable(s.id, at(110, 5 + 3 * k++), true);
        timeline.unreachable(s.id, at(140, 10), false);
      }
    }
    timeline.alarm("HN1", at(140, 0), "tx-HN1", SiteAlarm.ProbableCause.TRANSMISSION_FAILURE,
        SiteAlarm.PerceivedSeverity.CLEARED, false);
    List<String> hubProblemSites = new ArrayList<>(dark);
    hubProblemSites.add(0, "HN1");
    problem(problems, severities, "P6", "HN1", "hub-transmission-failure", hubProblemSites,
        at(110, 0), at(140, 10), AlertSeverity.CRITICAL);

    // 7. W41: the HVAC fails and, a minute later, an intruder opens the door.
    timeline.at(at(120, 0), s -> s.hvacFault = true, "W41");
    timeline.alarm("W41", at(120, 1), "hvac-W41", SiteAlarm.ProbableCause.AIR_CONDITIONING_FAILURE,
        SiteAlarm.PerceivedSeverity.MAJOR, true);
    timeline.at(at(121, 0), s -> s.door = true, "W41");
    timeline.alarm("W41", at(121, 2), "intr-W41", SiteAlarm.ProbableCause.INTRUSION,
        SiteAlarm.PerceivedSeverity.CRITICAL, true);
    timeline.at(at(127, 0), s -> s.door = false, "W41");
    timeline.alarm("W41", at(127, 5), "intr-W41", SiteAlarm.ProbableCause.INTRUSION,
        SiteAlarm.PerceivedSeverity.CLEARED, false);
    timeline.at(at(165, 0), s -> {
      s.hvacFault = false;
      s.cabinet = 28;
    }, "W41");
    timeline.alarm("W41", at(165, 0), "hvac-W41", SiteAlarm.ProbableCause.AIR_CONDITIONING_FAILURE,
        SiteAlarm.PerceivedSeverity.CLEARED, false);
    problem(problems, severities, "P7a", "W41", "hvac-failure", List.of("W41"), at(120, 0),
        at(165, 0), AlertSeverity.MAJOR);
    problem(problems, severities, "P7b", "W41", "intrusion", List.of("W41"), at(121, 0),
        at(127, 5), AlertSeverity.MAJOR);

    // 8. N15 alone loses mains; its generator carries it.
    timeline.mainsLost("N15", at(130, 0));
    timeline.at(at(130, 25), s -> s.generatorRunning = true, "N15");
    timeline.mainsBack("N15", at(150, 0));
    timeline.at(at(150, 30), s -> s.generatorRunning = false, "N15");
    problem(problems, severities, "P8", "N15", "mains-failure", List.of("N15"), at(130, 0),
        at(150, 30), AlertSeverity.MINOR);

    // 9. Two sites of supplier "dieselco" lose fuel within 30 minutes: one delivery fraud.
    theft(timeline, "W43", 140);
    theft(timeline, "W46", 165);
    problem(problems, severities, "P9", "W43", "fuel-theft", List.of("W43", "W46"), at(140, 0),
        at(171, 0), AlertSeverity.MAJOR);

    // 10. Feeder E-f2 trips: E36..E39 lose mains within 20 s and their generators start; at
    // E38 the running generator fails 6 minutes later (the site is left on its batteries).
    List<String> second = List.of("E36", "E37", "E38", "E39");
    int[] secondOffsets = {0, 5, 12, 20};
    for (int i = 0; i < second.size(); i++) {
      String id = second.get(i);
      timeline.mainsLost(id, at(150, secondOffsets[i]));
      timeline.at(at(150, secondOffsets[i] + 25), s -> s.generatorRunning = true, id);
      timeline.mainsBack(id, at(172, secondOffsets[i]));
      timeline.at(at(172, secondOffsets[i] + 30), s -> s.generatorRunning = false, id);
    }
    timeline.at(at(156, 30), s -> {
      s.generatorRunning = false;
      s.generatorFault = true;
    }, "E38");
    timeline.alarm("E38", at(156, 31), "gen-E38", SiteAlarm.ProbableCause.GENERATOR_FAILURE,
        SiteAlarm.PerceivedSeverity.CRITICAL, true);
    timeline.at(at(173, 0), s -> s.generatorFault = false, "E38");
    timeline.alarm("E38", at(173, 0), "gen-E38", SiteAlarm.ProbableCause.GENERATOR_FAILURE,
        SiteAlarm.PerceivedSeverity.CLEARED, false);
    problem(problems, severities, "P10", "E38", "generator-failure", second, at(150, 0),
        at(173, 0), AlertSeverity.MAJOR);

    timeline.run(START, START.plus(LENGTH));
    Map<String, SiteRegistered> inventory = new LinkedHashMap<>();
    sites.forEach((id, s) -> inventory.put(id, s.registration));
    return new Suite(events, inventory, problems, severities, START.plus(LENGTH));
  }

  private static void theft(Timeline timeline, String site, int minute) {
    for (int i = 0; i < 24; i++) {
      timeline.at(at(minute, 15 * i), s -> s.fuel -= 7.5, site);
    }
  }

  private static void problem(List<SimulationReport.Problem> problems,
      Map<String, AlertSeverity> severities, String id, String site, String cause,
      List<String> sites, Instant start, Instant end, AlertSeverity severity) {
    problems.add(new SimulationReport.Problem(id, new SimulationReport.RootCause(site, cause,
        cause, cause, cause + " at " + site), List.of(id), true, List.copyOf(sites), TENANTS,
        start, end));
    severities.put(id, severity);
  }

  static Instant at(int minute, int second) {
    return START.plus(Duration.ofMinutes(minute)).plusSeconds(second);
  }

  /**
   * 3 regions (north, east, south-west), 6 hubs (HN2 hangs off HN1), 34 further sites; two
   * feeders per region, two fuel suppliers, two maintenance contractors.
   */
  private static void fleet(Map<String, Site> sites) {
    String[][] hubs = {{"HN1", "north", null}, {"HN2", "north", "HN1"}, {"HE1", "east", null},
        {"HE2", "east", null}, {"HS1", "south", null}, {"HW1", "south", null}};
    for (String[] h : hubs) {
      add(sites, h[0], h[1], null, true, h[0] + "-f", h[2]);
    }
    String[][] groups = {{"N", "north", "HN1", "HN2"}, {"E3", "east", "HE1", "HE2"},
        {"S2", "south", "HS1", "HS1"}, {"W4", "south", "HW1", "HW1"}};
    int[] counts = {9, 9, 8, 8};
    for (int g = 0; g < groups.length; g++) {
      for (int i = 1; i <= counts[g]; i++) {
        String id = g == 0 ? (i < 5 ? "N0" + i : "N1" + (i - 4)) : groups[g][0] + i;
        String hub = i % 2 == 0 ? groups[g][3] : groups[g][2];
        String feeder = groups[g][0].charAt(0) + "-f" + (i <= 5 ? 1 : 2);
        add(sites, id, groups[g][1], hub, false, feeder, null);
      }
    }
  }

  private static void add(Map<String, Site> sites, String id, String region, String hub,
      boolean isHub, String feeder, String parentHub) {
    int n = sites.size();
    SiteRegistered registration = new SiteRegistered("field site " + id, region, hub, isHub,
        9.0 + n * 0.01, 7.0 + n * 0.01,
        new SiteRegistered.PowerPlant(true, true, false, 600, 1000, 2.4),
        TENANTS.subList(0, 2 + n % 2).stream().map(t -> new SiteRegistered.Tenancy(t, 99.9,
            47, 57, 4)).toList(),
        new SiteRegistered.Relations(feeder, parentHub,
            id.startsWith("W4") && (id.endsWith("3") || id.endsWith("6")) ? "dieselco"
                : "fuel-" + (n % 2), "contractor-" + (n % 3)));
    sites.put(id, new Site(id, registration, 7_000 + n));
  }

  /** Scheduled changes and the 15-second readings of every site, in event-time order. */
  private static final class Timeline {
    private record Change(Instant at, int order, java.util.function.Consumer<Site> apply,
        String site, Payload event) {}

    private final Map<String, Site> sites;
    private final List<Envelope> out;
    private final List<Change> changes = new ArrayList<>();

    Timeline(Map<String, Site> sites, List<Envelope> out) {
      this.sites = sites;
      this.out = out;
    }

    void at(Instant t, java.util.function.Consumer<Site> apply, String site) {
      changes.add(new Change(t, changes.size(), apply, site, null));
    }

    void event(String site, Instant t, Payload event) {
      changes.add(new Change(t, changes.size(), null, site, event));
    }

    void mainsLost(String site, Instant t) {
      at(t, s -> s.mains = false, site);
      alarm(site, t.plusSeconds(2), "mains-" + site + "-" + t.getEpochSecond(),
          SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE, SiteAlarm.PerceivedSeverity.CRITICAL,
          true);
    }

    void mainsBack(String site, Instant t) {
      at(t, s -> s.mains = true, site);
    }

    void alarm(String site, Instant t, String alarmId, SiteAlarm.ProbableCause cause,
        SiteAlarm.PerceivedSeverity severity, boolean raised) {
      event(site, t, new SiteAlarm(alarmId, raised ? SiteAlarm.AlarmState.RAISED
          : SiteAlarm.AlarmState.CLEARED, severity, SiteAlarm.X733EventType.EQUIPMENT, cause,
          cause.name().toLowerCase(), "rmu/1", null, null));
    }

    void unreachable(String site, Instant t, boolean lost) {
      changes.add(new Change(t, changes.size(), s -> s.reachable = !lost, site,
          new SiteConnectivity(lost ? SiteConnectivity.ConnectivityState.UNREACHABLE
              : SiteConnectivity.ConnectivityState.REACHABLE,
              sites.get(site).registration.hubSiteId(), lost ? "poll timeout" : "polled")));
    }

    void run(Instant from, Instant until) {
      changes.sort(Comparator.comparing(Change::at).thenComparingInt(Change::order));
      int next = 0;
      long seq = 0;
      for (Instant t = from; t.isBefore(until); t = t.plus(STEP)) {
        while (next < changes.size() && !changes.get(next).at().isAfter(t)) {
          Change c = changes.get(next++);
          Site s = sites.get(c.site());
          if (c.apply() != null) {
            c.apply().accept(s);
          }
          if (c.event() != null) {
            out.add(envelope(c.site(), c.at(), c.event(), seq++));
          }
        }
        for (Site s : sites.values()) {
          s.advance(STEP);
          if (s.reachable) {
            out.add(envelope(s.id, t.plusMillis(s.id.hashCode() & 0x3ff), s.reading(), seq++));
          }
        }
      }
    }

    private static Envelope envelope(String site, Instant t, Payload payload, long seq) {
      return Envelope.of(EventIds.derived("field", site, Long.toString(seq)), "towerco", site, t,
          payload, META);
    }
  }
}
