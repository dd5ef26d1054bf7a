package com.towerco.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.Json;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.simulator.domain.FaultKind;
import com.towerco.simulator.domain.SimulationReport;
import com.towerco.simulator.domain.SimulationReport.Problem;
import com.towerco.simulator.domain.SimulatorConfig;
import com.towerco.simulator.domain.SiteSpec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's ground truth: what was injected, what it caused, and the real problems. */
class GroundTruthTest {
  private static final SimulatorConfig FLEET = Recorded.smallFleet();

  @Test
  void mainsLossWithAGeneratorThatWillNotStartIsOneProblemRootedInTheGenerator() {
    SiteSpec site = Recorded.memberSite(FLEET, s -> s.plant().generator());
    Recorded run = Recorded.run(FLEET.withDuration(Duration.ofHours(16)).withFaults(
        "mains-outage:" + site.id() + "@2m+15h", "generator-start-failure:" + site.id() + "@2m"));

    assertThat(run.report.faults()).hasSize(2);
    assertThat(run.report.problems()).hasSize(1);
    Problem problem = run.report.problems().get(0);
    assertThat(problem.faultIds()).containsExactly("F001", "F002");
    assertThat(problem.rootCause().cause()).isEqualTo("generator-start-failure");
    assertThat(problem.rootCause().probableCause()).isEqualTo("generatorFailure");
    assertThat(problem.rootCause().trigger()).isEqualTo("mains-outage");
    assertThat(problem.rootCause().siteId()).isEqualTo(site.id());
    assertThat(problem.tenants()).containsExactlyInAnyOrderElementsOf(
        site.tenancies().stream().map(t -> t.tenantId()).toList());
    assertThat(problem.observed()).isTrue();
    assertThat(run.report.unexplainedAlarms()).isZero();
  }

  @Test
  void twoIndependentFaultsAtTheSameTimeInDifferentPlacesAreTwoProblems() {
    Recorded run = Recorded.run(FLEET.withDuration(Duration.ofHours(1))
        .withFaults("mains-outage:S0003@5m+30m", "hvac-failure:S0009@5m+30m"));

    assertThat(run.report.problems()).hasSize(2);
    assertThat(run.report.problems()).extracting(p -> p.rootCause().siteId())
        .containsExactly("S0003", "S0009");
    assertThat(run.report.problems()).extracting(p -> p.rootCause().cause())
        .containsExactly("mains-outage", "hvac-failure");
  }

  @Test
  void mainsLostOnOneFeederWithinTwoMinutesIsOneFeederTrip() {
    // five consecutive sites share a feeder: S0001..S0005 on F000, S0006..S0010 on F001
    Recorded run = Recorded.run(FLEET.withDuration(Duration.ofHours(1)).withFaults(
        "mains-outage:S0002@300s+20m", "mains-outage:S0004@330s+20m",
        "mains-outage:S0007@300s+20m"));

    assertThat(run.report.problems()).hasSize(2);
    assertThat(run.report.problems()).extracting(p -> p.rootCause().cause())
        .containsExactly("grid-feeder-outage", "mains-outage");
    assertThat(run.report.problems().get(0).rootCause().siteId()).isEqualTo("S0002");
    assertThat(run.report.problems().get(0).sites()).contains("S0002", "S0004");
    assertThat(Recorded.memberSite(FLEET, s -> s.id().equals("S0004")).registration()
        .relations().gridFeederId()).isEqualTo("F000");
  }

  @Test
  void countsInTheReportAreWhatWasSentBySiteAndByType() {
    Recorded run = Recorded.run(FLEET.withDuration(Duration.ofHours(1))
        .withFaults("hub-failure:S0007@5m+10m", "door-open:S0002@1m+5m"));

    SimulationReport report = run.report;
    assertThat(report.totalEvents()).isEqualTo(run.events.size());
    for (String type : report.eventsByType().keySet()) {
      assertThat(report.eventsByType().get(type))
          .isEqualTo(run.events.stream().filter(e -> e.eventType().equals(type)).count());
    }
    for (Map.Entry<String, Map<String, Long>> site : report.eventsBySite().entrySet()) {
      long sent = run.events.stream().filter(e -> e.siteId().equals(site.getKey())).count();
      assertThat(site.getValue().values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(sent);
    }
    assertThat(report.eventsBySite().get("S0008").get("site.connectivity")).isEqualTo(2);
  }

  @Test
  void theReportRendersAsJsonAndAsText() throws Exception {
    Recorded run = Recorded.run(FLEET.withDuration(Duration.ofHours(1))
        .withFaults("mains-outage:S0003@5m+30m", "fuel-theft:S0002@10m"));

    JsonNode json = Json.mapper().readTree(run.report.toJson());
    assertThat(json.get("seed").asLong()).isEqualTo(42);
    assertThat(json.get("faults").get(0).get("spec").asText())
        .isEqualTo("mains-outage:S0003@5m+30m");
    assertThat(json.get("faults").get(0).get("start").asText())
        .isEqualTo("2026-01-05T00:05:00Z");
    assertThat(json.get("faults").get(1).get("root_cause").get("cause").asText())
        .isEqualTo("fuel-theft");
    assertThat(json.get("events_by_type").get("site.telemetry").asLong()).isEqualTo(12 * 360);
    assertThat(run.report.toText()).contains("F001 mains-outage:S0003@5m+30m")
        .contains("events sent: " + run.events.size())
        .contains("unexplained alarms/outages: 0");
  }

  @Test
  void everyAlarmOfADayOfRandomFaultsIsExplainedByAnInjection() {
    Recorded run = Recorded.run(SimulatorConfig.defaults().withRate(1.0 / 30)
        .withRandomFaults(3).withDuration(Duration.ofDays(1)));

    SimulationReport report = run.report;
    assertThat(report.faults().size() + report.activities().size()).isGreaterThan(40);
    assertThat(report.unexplainedAlarms()).as(report.unexplainedExamples().toString()).isZero();
    assertThat(report.problems().size()).isLessThanOrEqualTo(report.faults().size());
    for (SimulationReport.Injection fault : report.faults()) {
      FaultKind kind = FaultKind.fromLabel(fault.kind());
      assertThat(fault.symptoms()).allMatch(s -> kind.explains(
          Json.mapper().convertValue(s, SiteAlarm.ProbableCause.class)));
      assertThat(fault.problemId()).isNotNull();
    }
  }

  @Test
  void theDefaultFleetStaysQuietWithoutFaults() {
    Recorded run = Recorded.run(SimulatorConfig.defaults().withRate(1.0 / 60)
        .withDuration(Duration.ofDays(2)));

    assertThat(run.events).noneMatch(e -> e.payload() instanceof SiteAlarm);
  }
}
