package com.towerco.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.events.Envelope;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.simulator.domain.FaultSpec;
import com.towerco.simulator.domain.SimulationReport;
import com.towerco.simulator.domain.SimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator's API as the launcher uses it: run, stop, pace, inject, settings. */
class SimulatorTest {
  private static final SimulatorConfig FLEET = Recorded.smallFleet();

  @Test
  void sendsTheInventoryFirstThenSiteEventsInEventTimeOrder() {
    Recorded run = Recorded.run(FLEET.withDuration(Duration.ofMinutes(30))
        .withFaults("hub-failure:S0007@5m+5m"));

    assertThat(run.events.subList(0, 12)).extracting(Envelope::eventType)
        .containsOnly("site.registered");
    assertThat(run.events.subList(0, 12)).isEqualTo(run.simulator.inventory());
    assertThat(run.events).extracting(Envelope::timestamp).isSorted();
    assertThat(run.events).allSatisfy(e -> assertThat(e.tenantId()).isEqualTo("towerco"));
    assertThat(run.report.simulatedUntil()).isEqualTo(FLEET.start().plus(Duration.ofMinutes(30)));
  }

  @Test
  void stopsWhenAskedAndReportsWhatItSentSoFar() {
    Simulator simulator = new Simulator(FLEET);
    List<Envelope> events = new ArrayList<>();
    SimulationReport report = simulator.run(events::add, () -> events.size() >= 1_000);

    assertThat(events).hasSize(1_000);
    assertThat(report.totalEvents()).isEqualTo(1_000);
    assertThatThrownBy(() -> simulator.run(events::add, () -> true))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void pacedModeHoldsEventTimeToTheWallClockTimesSpeed() {
    Simulator simulator = new Simulator(SimulatorConfig.defaults().withSites(2).withRate(10)
        .paced(600).withDuration(Duration.ofMinutes(10)));
    long begin = System.nanoTime();
    SimulationReport report = simulator.run(e -> { });
    double seconds = (System.nanoTime() - begin) / 1e9;

    assertThat(seconds).isGreaterThan(0.9);
    assertThat(report.eventsByType().get("site.telemetry")).isEqualTo(2 * 10 * 600);
  }

  @Test
  void aFaultInjectedIntoARunningSimulationStartsAtItsCurrentEventTime() {
    Simulator simulator = new Simulator(FLEET.withDuration(Duration.ofHours(1)));
    List<Envelope> events = new ArrayList<>();
    boolean[] injected = {false};
    simulator.run(e -> {
      events.add(e);
      if (!injected[0] && e.timestamp().isAfter(FLEET.start().plus(Duration.ofMinutes(20)))) {
        simulator.inject(FaultSpec.parse("door-open:S0004@0+5m"));
        injected[0] = true;
      }
    });

    SimulationReport.Injection door = simulator.report().faults().get(0);
    assertThat(door.start()).isBetween(FLEET.start().plus(Duration.ofMinutes(20)),
        FLEET.start().plus(Duration.ofMinutes(21)));
    assertThat(door.spec()).startsWith("door-open:S0004@20m");
    assertThat(door.symptoms()).containsExactly("enclosureDoorOpen", "intrusion");
  }

  @Test
  void aFaultOnAnUnknownSiteOrTheWrongKindOfSiteIsRefusedWithTheReason() {
    assertThatThrownBy(() -> new Simulator(FLEET.withFaults("mains-outage:S0099@1m")))
        .hasMessage("fault spec 'mains-outage:S0099@1m': unknown site S0099; the fleet has "
            + "sites S0001..S0012");
    assertThatThrownBy(() -> new Simulator(FLEET.withFaults("hub-failure:S0003@1m")))
        .hasMessageContaining("S0003 is not a hub with sites behind it; hubs: S0001, S0007");
  }

  @Test
  void settingsBuildTheConfigWithDefaultsForWhatIsNotSet() {
    Instant now = Instant.parse("2026-03-01T10:15:30.250Z");
    SimulatorConfig paced = SimulatorSettings.toConfig(ServiceSettings.empty(), "towerco", now);
    assertThat(paced).isEqualTo(SimulatorConfig.defaults()
        .withStart(Instant.parse("2026-03-01T10:15:30Z")));

    SimulatorConfig fast = SimulatorSettings.toConfig(new ServiceSettings(Map.of(
        "simulator.sites", "20", "simulator.mode", "fast", "simulator.rate", "5",
        "simulator.duration", "2h", "simulator.faults", "mains-outage:S0003@2m+1h",
        "simulator.tenants", "altel, kora", "simulator.random-faults-per-hour", "2",
        "simulator.seed", "9")), "operator", now);
    assertThat(fast.sites()).isEqualTo(20);
    assertThat(fast.pace()).isEqualTo(SimulatorConfig.Pace.AS_FAST_AS_POSSIBLE);
    assertThat(fast.start()).isEqualTo(SimulatorConfig.DEFAULT_START);
    assertThat(fast.tickMillis()).isEqualTo(200);
    assertThat(fast.duration()).isEqualTo(Duration.ofHours(2));
    assertThat(fast.faults()).hasSize(1);
    assertThat(fast.tenants()).containsExactly("altel", "kora");
    assertThat(fast.randomFaultsPerHour()).isEqualTo(2);
    assertThat(fast.seed()).isEqualTo(9);
    assertThat(fast.operatorTenant()).isEqualTo("operator");
    assertThatThrownBy(() -> SimulatorSettings.toConfig(
        new ServiceSettings(Map.of("simulator.mode", "slow")), "towerco", now))
        .hasMessage("simulator.mode: 'slow' is not one of paced, fast, as-fast-as-possible");
  }
}
