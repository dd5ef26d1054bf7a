package com.towerco.benchmarks;

import com.towerco.aiops.detection.site.SiteDetectors;
import com.towerco.aiops.detection.site.SiteReading;
import com.towerco.aiops.detection.site.Step;
import com.towerco.aiops.detection.site.VisitCalendar;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.events.payload.site.SiteTelemetry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Telemetry readings per second per core through all the site detectors of the causal model
 * (fuel, generator, battery, thermal, door), on a site that goes through a mains outage on
 * battery with a failed HVAC, so every detector has work to do.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SiteDetectorsBenchmark {
  private static final int READINGS = 3600;

  private final SiteDetectors detectors = new SiteDetectors(VisitCalendar.none());
  private SiteReading[] readings;
  private SiteDetectors.State state;

  @Setup
  public void readings() {
    SiteRegistered site = new SiteRegistered("Site", "north", null, false, 0, 0,
        new SiteRegistered.PowerPlant(true, true, false, 400, 1000, 3),
        List.of(new SiteRegistered.Tenancy("altel", 99.95, 46, 56, 4)));
    readings = new SiteReading[READINGS];
    Instant t0 = Instant.parse("2026-04-01T00:00:00Z");
    for (int i = 0; i < READINGS; i++) {
      boolean outage = i > READINGS / 2;
      double soc = outage ? 100 - (i - READINGS / 2) * 0.02 : 100;
      SiteTelemetry t = new SiteTelemetry(new SiteTelemetry.Mains(!outage, outage ? 0 : 230),
          new SiteTelemetry.Generator(false, outage, 1000, 0),
          new SiteTelemetry.Rectifier(outage ? 0 : 53.5, 40, 4, 4),
          new SiteTelemetry.Battery(44 + soc * 0.095, soc, 25, outage ? -50 : 0.3), null,
          new SiteTelemetry.Fuel(800 - i * 0.001, 1000),
          new SiteTelemetry.Environment(24 + (outage ? (i - READINGS / 2) * 0.005 : 0), 30),
          new SiteTelemetry.Hvac(outage ? SiteTelemetry.HvacState.FAULT
              : SiteTelemetry.HvacState.ON),
          new SiteTelemetry.Door(false),
          List.of(new SiteTelemetry.TenantSupply("altel", 53, 1.2)));
      readings[i] = new SiteReading("S0001", t0.plusSeconds(i), t, site);
    }
  }

  @Benchmark
  @OperationsPerInvocation(READINGS)
  public void observe(Blackhole hole) {
    SiteDetectors.State s = detectors.initial();
    for (SiteReading reading : readings) {
      Step<SiteDetectors.State> step = detectors.observe(s, reading);
      s = step.state();
      hole.consume(step.findings());
    }
    state = s;
  }
}
