package com.towerco.aiops.detection.site;

import java.util.ArrayList;
import java.util.List;

/**
 * The domain detectors of the causal model together, with one state per site (one store entry):
 * fuel theft and refuels, generator start failure, battery autonomy and predicted site down,
 * thermal runaway, and doors opened without a scheduled visit.
 */
public final class SiteDetectors {
  private final FuelTheftDetector fuel = new FuelTheftDetector();
  private final GeneratorStartDetector generator = new GeneratorStartDetector();
  private final BatteryAutonomyEstimator battery = new BatteryAutonomyEstimator();
  private final ThermalRunawayDetector thermal = new ThermalRunawayDetector();
  private final UnscheduledDoorDetector door;

  public SiteDetectors(VisitCalendar calendar) {
    this.door = new UnscheduledDoorDetector(calendar);
  }

  /** Every detector's state for one site. */
  public record State(FuelTheftDetector.State fuel, GeneratorStartDetector.State generator,
      BatteryAutonomyEstimator.State battery, ThermalRunawayDetector.State thermal,
      UnscheduledDoorDetector.State door) {}

  public State initial() {
    return new State(fuel.initial(), generator.initial(), battery.initial(), thermal.initial(),
        door.initial());
  }

  public Step<State> observe(State s, SiteReading reading) {
    var f = fuel.observe(s.fuel(), reading);
    var g = generator.observe(s.generator(), reading);
    var b = battery.observe(s.battery(), reading);
    var t = thermal.observe(s.thermal(), reading);
    var d = door.observe(s.door(), reading);
    State next = new State(f.state(), g.state(), b.state(), t.state(), d.state());
    if (f.findings().isEmpty() && g.findings().isEmpty() && b.findings().isEmpty()
        && t.findings().isEmpty() && d.findings().isEmpty()) {
      return Step.quiet(next); // the usual reading: no list to gather into and copy
    }
    List<Finding> findings = new ArrayList<>();
    findings.addAll(f.findings());
    findings.addAll(g.findings());
    findings.addAll(b.findings());
    findings.addAll(t.findings());
    findings.addAll(d.findings());
    return new Step<>(next, findings);
  }
}
