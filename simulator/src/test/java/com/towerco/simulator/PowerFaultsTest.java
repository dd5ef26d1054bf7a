package com.towerco.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.site.SiteAlarm.ProbableCause;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.simulator.domain.SimulationReport;
import com.towerco.simulator.domain.SimulatorConfig;
import com.towerco.simulator.domain.SiteSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The power chain under injected faults: grid, generator, battery, low-voltage disconnect. */
class PowerFaultsTest {
  private static final SimulatorConfig FLEET = Recorded.smallFleet();
  private static final Instant T0 = FLEET.start();

  @Test
  void mainsOutageStartsTheGeneratorWhichRunsAndBurnsFuelUntilTheGridReturns() {
    SiteSpec site = Recorded.memberSite(FLEET, s -> s.plant().generator());
    Recorded run = Recorded.run(FLEET.withDuration(Duration.ofHours(5))
        .withFaults("mains-outage:" + site.id() + "@10m+3h"));

    SiteTelemetry before = run.telemetryAt(site.id(), T0.plus(Duration.ofMinutes(9)));
    SiteTelemetry during = run.telemetryAt(site.id(), T0.plus(Duration.ofMinutes(130)));
    SiteTelemetry after = run.telemetryAt(site.id(), T0.plus(Duration.ofMinutes(200)));

    assertThat(before.generator().running()).isFalse();
    assertThat(during.mains().available()).isFalse();
    assertThat(during.mains().voltageV()).isZero();
    assertThat(during.generator().running()).isTrue();
    assertThat(during.generator().outputKw()).isGreaterThan(1);
    assertThat(after.generator().running()).isFalse();
    double runHours = after.generator().runHours() - before.generator().runHours();
    assertThat(runHours).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.02));
    // The fuel sensor is noisy: compare half-hour averages.
    double burnt = run.meanFuel(site.id(), T0, T0.plus(Duration.ofMinutes(9)))
        - run.meanFuel(site.id(), T0.plus(Duration.ofMinutes(200)),
            T0.plus(Duration.ofMinutes(230)));
    double expected = runHours * site.plant().generatorConsumptionLph();
    assertThat(burnt).isBetween(0.7 * expected, 1.3 * expected);
    assertThat(during.tenants()).allSatisfy(t -> assertThat(t.dcVoltageV()).isGreaterThan(52));
    assertThat(run.report.faults().get(0).tenantOutages()).isEmpty();

    List<SiteAlarm> mains = run.alarms(site.id()).stream()
        .map(e -> e.payloadAs(SiteAlarm.class))
        .filter(a -> a.probableCause() == ProbableCause.COMMERCIAL_POWER_FAILURE).toList();
    assertThat(mains).extracting(SiteAlarm::state)
        .containsExactly(SiteAlarm.AlarmState.RAISED, SiteAlarm.AlarmState.CLEARED);
    assertThat(mains.get(1).alarmId()).isEqualTo(mains.get(0).alarmId());
    assertThat(mains.get(1).perceivedSeverity()).isEqualTo(SiteAlarm.PerceivedSeverity.CLEARED);
  }

  @Test
  void generatorStartFailureDrainsTheBatteryUntilTheLowVoltageDisconnectCutsEveryTenant() {
    SiteSpec site = Recorded.memberSite(FLEET, s -> s.plant().generator());
    Recorded run = Recorded.run(FLEET.withDuration(Duration.ofHours(16)).withFaults(
        "mains-outage:" + site.id() + "@2m+15h", "generator-start-failure:" + site.id() + "@2m"));

    Instant lvd = run.alarms(site.id()).stream()
        .filter(e -> e.payloadAs(SiteAlarm.class).specificProblem()
            .equals("Low voltage load disconnect")).findFirst().orElseThrow().timestamp();
    SiteTelemetry draining = run.telemetryAt(site.id(), T0.plus(Duration.ofMinutes(30)));
    SiteTelemetry cut = run.telemetryAt(site.id(), lvd.plusSeconds(60));

    assertThat(draining.generator().fault()).isTrue();
    assertThat(draining.generator().running()).isFalse();
    assertThat(draining.battery().currentA()).isNegative();
    assertThat(draining.battery().socPct()).isLessThan(100);
    assertThat(cut.battery().socPct()).isLessThan(10);
    assertThat(cut.tenants()).allSatisfy(t -> {
      assertThat(t.dcVoltageV()).isZero();
      assertThat(t.loadKw()).isZero();
    });
    assertThat(run.raised(site.id(), ProbableCause.POWER_SUPPLY_FAILURE))
        .extracting(SiteAlarm::tenantId)
        .containsExactlyInAnyOrderElementsOf(site.tenancies().stream()
            .map(t -> t.tenantId()).toList());
    assertThat(run.firstRaised(site.id(), ProbableCause.GENERATOR_FAILURE))
        .isBefore(run.firstRaised(site.id(), ProbableCause.LOW_BATTERY_THRESHOLD));
    assertThat(run.firstRaised(site.id(), ProbableCause.LOW_BATTERY_THRESHOLD)).isBefore(lvd);
  }

  @Test
  void batteryExhaustionEndsAQuarterOfAnHourAfterTheTenantsWentDownAndTheyRecover() {
    SiteSpec site = Recorded.memberSite(FLEET, s -> s.plant().generator());
    Recorded run = Recorded.run(FLEET.withDuration(Duration.ofHours(16))
        .withFaults("battery-exhaustion:" + site.id() + "@1m"));

    SimulationReport.Injection fault = run.report.faults().get(0);
    Instant lvd = run.alarms(site.id()).stream()
        .filter(e -> e.payloadAs(SiteAlarm.class).specificProblem()
            .equals("Low voltage load disconnect")).findFirst().orElseThrow().timestamp();
    assertThat(fault.end()).isEqualTo(lvd.plus(Duration.ofMinutes(15)));
    SiteTelemetry restored = run.telemetryAt(site.id(), fault.end().plusSeconds(60));
    assertThat(restored.mains().available()).isTrue();
    assertThat(restored.tenants()).allSatisfy(t -> assertThat(t.dcVoltageV()).isGreaterThan(48));
    assertThat(fault.affectedTenants()).containsExactlyInAnyOrderElementsOf(
        site.tenancies().stream().map(t -> t.tenantId()).toList());
    assertThat(fault.tenantOutages()).allSatisfy(o -> {
      assertThat(o.start()).isBefore(lvd.plusSeconds(1));
      assertThat(o.end()).isAfter(lvd);
    });
  }

  @Test
  void rectifierFailurePutsTheLoadOnTheBattery() {
    SiteSpec site = Recorded.memberSite(FLEET, s -> true);
    Recorded run = Recorded.run(FLEET.withDuration(Duration.ofHours(1))
        .withFaults("rectifier-failure:" + site.id() + "@5m+30m"));

    SiteTelemetry failed = run.telemetryAt(site.id(), T0.plus(Duration.ofMinutes(20)));
    assertThat(failed.mains().available()).isTrue();
    assertThat(failed.rectifier().modulesOk()).isZero();
    assertThat(failed.rectifier().loadA()).isZero();
    assertThat(failed.battery().currentA()).isLessThan(-10);
    assertThat(run.raised(site.id(), ProbableCause.RECTIFIER_FAILURE)).hasSize(1);
    assertThat(run.raised(site.id(), ProbableCause.BATTERY_DISCHARGING)).hasSize(1);
    SiteTelemetry repaired = run.telemetryAt(site.id(), T0.plus(Duration.ofMinutes(40)));
    assertThat(repaired.battery().currentA()).isPositive();
  }
}
