package com.towerco.simulator.domain;

import static com.towerco.events.payload.site.SiteAlarm.PerceivedSeverity.CRITICAL;
import static com.towerco.events.payload.site.SiteAlarm.PerceivedSeverity.MAJOR;
import static com.towerco.events.payload.site.SiteAlarm.PerceivedSeverity.MINOR;
import static com.towerco.events.payload.site.SiteAlarm.PerceivedSeverity.WARNING;
import static com.towerco.events.payload.site.SiteAlarm.X733EventType.COMMUNICATIONS;
import static com.towerco.events.payload.site.SiteAlarm.X733EventType.ENVIRONMENTAL;
import static com.towerco.events.payload.site.SiteAlarm.X733EventType.EQUIPMENT;

import com.towerco.events.payload.site.SiteAlarm.PerceivedSeverity;
import com.towerco.events.payload.site.SiteAlarm.ProbableCause;
import com.towerco.events.payload.site.SiteAlarm.X733EventType;
import com.towerco.events.payload.site.SiteTelemetry.HvacState;
import com.towerco.simulator.domain.PowerChain.GeneratorFailure;
import com.towerco.simulator.domain.PowerChain.GeneratorState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The alarms a site's monitoring unit raises, in X.733 terms (ITU-T X.733 event types, the
 * environmental probable causes of M.3100): mains failure, generator failure, battery
 * discharging, battery low, low-voltage load disconnect, rectifier failure or thermal shutdown,
 * air-conditioning failure, high temperature, door open, intrusion, low fuel, a hub's
 * transmission failure, and a power-supply failure per tenancy whose DC feed leaves its SLA
 * window.
 */
final class AlarmRules {
  static final double BATTERY_LOW_V = 47.5;
  static final double BATTERY_LOW_CLEAR_V = 48.5;
  static final double LOW_FUEL = 0.20;
  static final double LOW_FUEL_CLEAR = 0.25;

  private AlarmRules() {}

  static List<AlarmRule> forSite(SiteSpec spec, int sitesBehind) {
    List<AlarmRule> rules = new ArrayList<>();
    rules.add(rule(ProbableCause.COMMERCIAL_POWER_FAILURE, ENVIRONMENTAL, MAJOR, "mains/1",
        (s, on) -> !s.power.mains, s -> "Mains failure", s -> null));
    if (spec.plant().generator()) {
      rules.add(rule(ProbableCause.GENERATOR_FAILURE, ENVIRONMENTAL, CRITICAL, "generator/1",
          (s, on) -> s.power.generator == GeneratorState.FAILED,
          s -> s.power.failure == GeneratorFailure.NO_FUEL
              ? "Generator stopped: fuel exhausted" : "Generator failed to start",
          s -> null));
      rules.add(rule(ProbableCause.LOW_FUEL, ENVIRONMENTAL, MAJOR, "fuel-tank/1",
          (s, on) -> s.power.fuelL < (on ? LOW_FUEL_CLEAR : LOW_FUEL)
              * spec.plant().fuelCapacityL(),
          s -> "Fuel level low", s -> format("fuel %.0f L of %.0f L", s.power.fuelL,
              spec.plant().fuelCapacityL())));
    }
    rules.add(rule(ProbableCause.BATTERY_DISCHARGING, ENVIRONMENTAL, MINOR, "battery/1",
        (s, on) -> s.power.batteryA < (on ? -0.5 : -2.0), s -> "Battery discharging",
        s -> format("battery current %.1f A", s.power.batteryA)));
    rules.add(rule(ProbableCause.LOW_BATTERY_THRESHOLD, ENVIRONMENTAL, MAJOR, "battery/1",
        (s, on) -> s.power.batteryA < 0
            && s.power.busV < (on ? BATTERY_LOW_CLEAR_V : BATTERY_LOW_V),
        s -> "Battery low voltage",
        s -> format("bus %.2f V, state of charge %.0f %%", s.power.busV, s.power.socPct)));
    rules.add(rule(ProbableCause.LOW_BATTERY_THRESHOLD, ENVIRONMENTAL, CRITICAL,
        "dc-plant/lvd", (s, on) -> s.power.lvd, s -> "Low voltage load disconnect",
        s -> format("tenant loads disconnected at %.2f V", s.power.busV)));
    rules.add(rule(ProbableCause.RECTIFIER_FAILURE, ENVIRONMENTAL, CRITICAL, "rectifier/1",
        (s, on) -> s.power.rectifierDown(),
        s -> s.cabinet.thermalShutdown ? "Rectifier thermal shutdown" : "Rectifier modules failed",
        s -> format("%d of %d modules working", s.power.modulesOk,
            spec.plant().rectifierModules())));
    rules.add(rule(ProbableCause.AIR_CONDITIONING_FAILURE, ENVIRONMENTAL, MAJOR, "hvac/1",
        (s, on) -> s.cabinet.hvac == HvacState.FAULT, s -> "Air conditioning unit failure",
        s -> null));
    rules.add(rule(ProbableCause.HIGH_TEMPERATURE, ENVIRONMENTAL, MAJOR, "cabinet/1",
        (s, on) -> s.cabinet.cabinetC > (on ? Cabinet.HIGH_TEMP_CLEAR_C : Cabinet.HIGH_TEMP_C),
        s -> "Cabinet temperature high", s -> format("cabinet %.1f °C", s.cabinet.cabinetC)));
    rules.add(rule(ProbableCause.ENCLOSURE_DOOR_OPEN, ENVIRONMENTAL, WARNING, "door/1",
        (s, on) -> s.faults.doorOpen(), s -> "Cabinet door open", s -> null));
    rules.add(rule(ProbableCause.INTRUSION, ENVIRONMENTAL, MAJOR, "door/1",
        (s, on) -> s.faults.intruders > 0, s -> "Door opened without scheduled visit",
        s -> null));
    if (spec.hub()) {
      rules.add(rule(ProbableCause.TRANSMISSION_FAILURE, COMMUNICATIONS, CRITICAL,
          "transmission/uplink", (s, on) -> s.faults.transmissionDown > 0,
          s -> "Hub uplink down",
          s -> sitesBehind + " site(s) behind this hub unreachable"));
    }
    for (int k = 0; k < spec.tenancies().size(); k++) {
      int tenancy = k;
      TenancySpec t = spec.tenancies().get(k);
      rules.add(new AlarmRule(ProbableCause.POWER_SUPPLY_FAILURE, EQUIPMENT, CRITICAL,
          "dc-feed/" + t.tenantId(), t.tenantId(), (s, on) -> s.tenantBelowWindow(tenancy),
          s -> s.tenantDcV[tenancy] == 0 ? "Tenant DC supply lost"
              : "Tenant DC voltage below SLA window",
          s -> format("%.2f V, window %.0f-%.0f V", s.tenantDcV[tenancy], t.dcMinV(),
              t.dcMaxV())));
    }
    return rules;
  }

  private static AlarmRule rule(ProbableCause cause, X733EventType type,
      PerceivedSeverity severity, String managedObject, AlarmRule.Condition condition,
      Function<SiteModel, String> problem, Function<SiteModel, String> text) {
    return new AlarmRule(cause, type, severity, managedObject, null, condition, problem, text);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
