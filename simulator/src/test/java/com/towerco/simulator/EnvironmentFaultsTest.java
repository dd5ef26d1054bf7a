package com.towerco.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.payload.site.SiteAlarm.ProbableCause;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.events.payload.site.SiteTelemetry.HvacState;
import com.towerco.simulator.domain.SimulatorConfig;
import com.towerco.simulator.domain.SiteSpec;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Cabinet, door and fuel-tank faults, and the ordinary activity that must not look like one. */
class EnvironmentFaultsTest {
  private static final SimulatorConfig FLEET = Recorded.smallFleet();
  private static final Instant T0 = FLEET.start();

  @Test
  void hvacFailureOnAHotAfternoonHeatsTheCabinetPastTheHighTemperatureThreshold() {
    SimulatorConfig noon = FLEET.withStart(Instant.parse("2026-01-05T09:00:00Z"));
    SiteSpec site = Recorded.memberSite(noon, s -> s.region().id().equals("north"));
    Recorded run = Recorded.run(noon.withDuration(Duration.ofHours(4))
        .withFaults("hvac-failure:" + site.id() + "@5m+3h"));

    SiteTelemetry before = run.telemetryAt(site.id(), noon.start().plusSeconds(240));
    SiteTelemetry hot = run.telemetryAt(site.id(), noon.start().plus(Duration.ofMinutes(150)));
    assertThat(before.hvac().state()).isNotEqualTo(HvacState.FAULT);
    assertThat(hot.hvac().state()).isEqualTo(HvacState.FAULT);
    assertThat(hot.environment().cabinetTempC())
        .isGreaterThan(before.environment().cabinetTempC() + 10);
    assertThat(run.firstRaised(site.id(), ProbableCause.AIR_CONDITIONING_FAILURE))
        .isBefore(run.firstRaised(site.id(), ProbableCause.HIGH_TEMPERATURE));
    assertThat(run.report.unexplainedAlarms()).isZero();
  }

  @Test
  void fuelTheftDrainsTheTankWithoutGeneratorRunHours() {
    SiteSpec site = Recorded.memberSite(FLEET, s -> s.plant().generator());
    Recorded run = Recorded.run(FLEET.withDuration(Duration.ofHours(2))
        .withFaults("fuel-theft:" + site.id() + "@30m+20m"));

    double before = run.meanFuel(site.id(), T0, T0.plus(Duration.ofMinutes(25)));
    double after = run.meanFuel(site.id(), T0.plus(Duration.ofMinutes(60)),
        T0.plus(Duration.ofMinutes(90)));
    double stolen = Math.max(60, 0.25 * site.plant().fuelCapacityL()) / 3;
    assertThat(before - after).isBetween(0.9 * stolen, 1.1 * stolen);
    assertThat(run.telemetry(site.id())).allSatisfy(t -> {
      assertThat(t.generator().running()).isFalse();
      assertThat(t.generator().runHours())
          .isEqualTo(run.telemetry(site.id()).get(0).generator().runHours());
    });
    assertThat(run.alarms(site.id())).isEmpty();
    assertThat(run.report.faults().get(0).observed()).isTrue();
    assertThat(run.report.faults().get(0).rootCause().cause()).isEqualTo("fuel-theft");
  }

  @Test
  void aDoorOpenedWithoutAScheduledVisitRaisesIntrusionButAVisitOnlyADoorAlarm() {
    Recorded run = Recorded.run(FLEET.withDuration(Duration.ofHours(2))
        .withFaults("door-open:S0004@1m+5m", "site-visit:S0005@1m+45m"));

    assertThat(run.telemetryAt("S0004", T0.plus(Duration.ofMinutes(3))).door().open()).isTrue();
    assertThat(run.telemetryAt("S0004", T0.plus(Duration.ofMinutes(7))).door().open()).isFalse();
    assertThat(run.raised("S0004", ProbableCause.ENCLOSURE_DOOR_OPEN)).hasSize(1);
    assertThat(run.raised("S0004", ProbableCause.INTRUSION)).hasSize(1);
    assertThat(run.raised("S0005", ProbableCause.ENCLOSURE_DOOR_OPEN)).hasSize(1);
    assertThat(run.raised("S0005", ProbableCause.INTRUSION)).isEmpty();
    assertThat(run.report.faults()).hasSize(1);
    assertThat(run.report.activities()).extracting(a -> a.kind()).containsExactly("site-visit");
    assertThat(run.report.problems()).hasSize(1);
  }

  @Test
  void aRefuelFillsTheTankDuringAnAuthorisedVisit() {
    SiteSpec site = Recorded.memberSite(FLEET, s -> s.plant().generator()
        && s.plant().initialFuelL() < 0.8 * s.plant().fuelCapacityL());
    Recorded run = Recorded.run(FLEET.withDuration(Duration.ofHours(2))
        .withFaults("refuel:" + site.id() + "@10m+30m"));

    double after = run.meanFuel(site.id(), T0.plus(Duration.ofMinutes(60)),
        T0.plus(Duration.ofMinutes(90)));
    assertThat(after).isGreaterThan(run.meanFuel(site.id(), T0, T0.plus(Duration.ofMinutes(9))));
    assertThat(after).isLessThanOrEqualTo(0.96 * site.plant().fuelCapacityL());
    assertThat(run.raised(site.id(), ProbableCause.INTRUSION)).isEmpty();
    assertThat(run.report.problems()).isEmpty();
  }
}
