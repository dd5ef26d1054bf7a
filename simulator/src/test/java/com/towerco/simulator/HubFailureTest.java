package com.towerco.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.Envelope;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.site.SiteAlarm.ProbableCause;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.events.payload.site.SiteConnectivity.ConnectivityState;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.simulator.domain.SimulationReport;
import com.towerco.simulator.domain.SimulatorConfig;
import com.towerco.simulator.domain.SiteSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hub's transmission failure as the mediation layer and the NOC see it. */
class HubFailureTest {
  private static final SimulatorConfig FLEET = Recorded.smallFleet();
  private static final Instant DOWN = FLEET.start().plus(Duration.ofMinutes(3));
  private static final Instant UP = DOWN.plus(Duration.ofMinutes(20));

  @Test
  void everySiteBehindTheHubBecomesUnreachableAtOnceAndFallsSilentUntilItRecovers() {
    Recorded run = Recorded.run(FLEET.withDuration(Duration.ofHours(1))
        .withFaults("hub-failure:S0001@3m+20m"));
    List<SiteSpec> behind = run.simulator.fleet().behindHub("S0001");
    assertThat(behind).extracting(SiteSpec::id)
        .containsExactly("S0002", "S0003", "S0004", "S0005", "S0006");

    for (SiteSpec site : behind) {
      List<Envelope> connectivity = run.connectivity(site.id());
      assertThat(connectivity).extracting(Envelope::timestamp).containsExactly(DOWN, UP);
      SiteConnectivity lost = connectivity.get(0).payloadAs(SiteConnectivity.class);
      assertThat(lost.state()).isEqualTo(ConnectivityState.UNREACHABLE);
      assertThat(lost.viaHubSiteId()).isEqualTo("S0001");
      assertThat(connectivity.get(1).payloadAs(SiteConnectivity.class).state())
          .isEqualTo(ConnectivityState.REACHABLE);
      assertThat(run.of(site.id(), SiteTelemetry.class)).extracting(Envelope::timestamp)
          .noneMatch(t -> t.isAfter(DOWN) && t.isBefore(UP))
          .anyMatch(t -> t.isAfter(UP));
    }
    assertThat(run.connectivity("S0001")).isEmpty();
    assertThat(run.connectivity("S0008")).isEmpty();
    assertThat(run.of("S0001", SiteTelemetry.class)).extracting(Envelope::timestamp)
        .anyMatch(t -> t.isAfter(DOWN) && t.isBefore(UP));
  }

  @Test
  void theHubRaisesOneTransmissionFailureAndTheGroundTruthNamesItAsRootCause() {
    Recorded run = Recorded.run(FLEET.withDuration(Duration.ofHours(1))
        .withFaults("hub-failure:S0001@3m+20m"));

    List<SiteAlarm> transmission = run.alarms("S0001").stream()
        .map(e -> e.payloadAs(SiteAlarm.class))
        .filter(a -> a.probableCause() == ProbableCause.TRANSMISSION_FAILURE).toList();
    assertThat(transmission).hasSize(2);
    assertThat(transmission.get(0).eventType())
        .isEqualTo(SiteAlarm.X733EventType.COMMUNICATIONS);
    assertThat(transmission.get(1).alarmId()).isEqualTo(transmission.get(0).alarmId());

    assertThat(run.report.problems()).hasSize(1);
    SimulationReport.Problem problem = run.report.problems().get(0);
    assertThat(problem.rootCause().siteId()).isEqualTo("S0001");
    assertThat(problem.rootCause().probableCause()).isEqualTo("transmissionFailure");
    assertThat(problem.sites()).containsExactly("S0001", "S0002", "S0003", "S0004", "S0005",
        "S0006");
    assertThat(problem.start()).isEqualTo(DOWN);
    assertThat(problem.end()).isEqualTo(UP);
  }

  @Test
  void alarmsRaisedWhileASiteWasUnreachableArriveWhenItIsReachableAgain() {
    Recorded run = Recorded.run(FLEET.withDuration(Duration.ofHours(1))
        .withFaults("hub-failure:S0001@3m+20m", "door-open:S0004@10m+30m"));

    Instant doorAlarm = run.firstRaised("S0004", ProbableCause.ENCLOSURE_DOOR_OPEN);
    assertThat(doorAlarm).isAfterOrEqualTo(UP).isBefore(UP.plusSeconds(11));
    assertThat(run.report.unexplainedAlarms()).isZero();
  }
}
