package com.towerco.aiops.detection.site;

import static com.towerco.aiops.detection.site.Readings.T0;
import static com.towerco.aiops.detection.site.Readings.aReading;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.towerco.events.Json;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.site.SiteTelemetry.HvacState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SiteDetectorsTest {
  private final SiteDetectors detectors = new SiteDetectors(VisitCalendar.of(List.of(
      new ScheduledVisit("V1", Readings.SITE, T0.plus(Duration.ofHours(5)),
          T0.plus(Duration.ofHours(6)), "maintenance"))));

  /** Plays {@code seconds} of readings every {@code step} s, changed by {@code change}. */
  private final class Run {
    SiteDetectors.State state = detectors.initial();
    final Readings reading = aReading();
    final List<Finding> findings = new ArrayList<>();

    Run play(long seconds, long step, Consumer<Readings> change) {
      for (long s = 0; s < seconds; s += step) {
        reading.plusSeconds(step);
        change.accept(reading);
        Step<SiteDetectors.State> next = detectors.observe(state, reading.reading());
        state = next.state();
        findings.addAll(next.findings());
      }
      return this;
    }

    List<Finding> of(FindingKind kind) {
      return findings.stream().filter(f -> f.kind() == kind).toList();
    }
  }

  @Test
  void aHealthySiteDayWithAGeneratorTestRunFindsNothing() {
    SplittableRandom noise = new SplittableRandom(1);
    Run run = new Run().play(6 * 3600, 10, r -> {
      r.fuelL = 800 + noise.nextGaussian() * 0.8;
      r.cabinetC = 24 + 2 * Math.sin(r.time.getEpochSecond() / 3600.0);
    });
    run.play(3600, 10, r -> { // an hour's generator test run burning 3 L/h
      r.generatorRunning = true;
      r.runHours += 10 / 3600.0;
      r.fuelL -= 3.3 * 10 / 3600.0;
    });
    assertThat(run.findings).isEmpty();
  }

  @Test
  void fuelFallingWithNoRunHoursIsTheftAndItsEndReportsTheLitresLost() {
    Run run = new Run().play(3600, 10, r -> { });
    run.play(20 * 60, 10, r -> r.fuelL -= 90.0 * 10 / 3600); // 90 L/h for 20 min = 30 L
    List<Finding> raised = run.of(FindingKind.FUEL_THEFT);
    assertThat(raised).hasSize(1);
    assertThat(raised.get(0).status()).isEqualTo(Finding.Status.RAISED);
    assertThat(Duration.between(T0.plusSeconds(3600), raised.get(0).time()))
        .isLessThan(Duration.ofMinutes(12));
    assertThat(raised.get(0).evidence().get("run_hours")).isZero();

    run.play(30 * 60, 10, r -> { });
    Finding cleared = run.of(FindingKind.FUEL_THEFT).get(1);
    assertThat(cleared.status()).isEqualTo(Finding.Status.CLEARED);
    assertThat(cleared.evidence().get("unexplained_l")).isBetween(20.0, 32.0);
  }

  @Test
  void aRefuelIsRecognisedAndNeverMistakenForTheft() {
    Run run = new Run().play(1800, 10, r -> { });
    run.play(20 * 60, 10, r -> r.fuelL = Math.min(950, r.fuelL + 600.0 * 10 / 3600));
    run.play(3600, 10, r -> { });
    assertThat(run.of(FindingKind.FUEL_THEFT)).isEmpty();
    assertThat(run.of(FindingKind.REFUEL)).singleElement()
        .satisfies(f -> assertThat(f.evidence().get("litres")).isBetween(140.0, 151.0));
  }

  @Test
  void aGeneratorThatDoesNotStartAfterMainsLossIsReportedAndClearsWhenMainsReturns() {
    Run run = new Run().play(600, 10, r -> { });
    run.play(600, 10, r -> r.mains = false);
    run.play(60, 10, r -> r.mains = true);
    List<Finding> found = run.of(FindingKind.GENERATOR_START_FAILURE);
    assertThat(found).extracting(Finding::status)
        .containsExactly(Finding.Status.RAISED, Finding.Status.CLEARED);
    assertThat(found.get(0).severity()).isEqualTo(AlertSeverity.CRITICAL);
    assertThat(found.get(0).evidence().get("seconds_since_mains_loss")).isBetween(90.0, 100.0);
  }

  @Test
  void aGeneratorThatStartsWithinItsCrankTimeIsFine() {
    Run run = new Run().play(600, 10, r -> { });
    long[] elapsed = {0};
    run.play(1800, 10, r -> {
      r.mains = false;
      elapsed[0] += 10;
      r.generatorRunning = elapsed[0] > 20;
    });
    assertThat(run.of(FindingKind.GENERATOR_START_FAILURE)).isEmpty();
  }

  @Test
  void onBatteryTheSiteDownTimeIsPredictedAndUpdatedAsTheBatteryDrains() {
    Run run = new Run().play(600, 10, r -> { });
    // From 90 % at 1.5 %/min: the disconnect (8 %) is 54.7 min away.
    run.play(20 * 60, 10, r -> {
      r.mains = false;
      r.batteryA = -60;
      r.socPct -= 1.5 * 10 / 60;
      r.batteryV = 44 + 6 * r.socPct / 100;
    });
    Instant trueDown = T0.plusSeconds(600).plusSeconds((long) ((100 - 8) / 1.5 * 60));
    List<Finding> found = run.of(FindingKind.SITE_DOWN_PREDICTED);
    assertThat(found.get(0).status()).isEqualTo(Finding.Status.RAISED);
    Finding latest = found.get(found.size() - 1);
    assertThat(Duration.between(trueDown, latest.predictedAt()).abs())
        .isLessThan(Duration.ofMinutes(5));
    assertThat(latest.severity()).isEqualTo(AlertSeverity.MAJOR);
    assertThat(latest.evidence().get("leased_backup_hours")).isEqualTo(2.0);

    run.play(60, 10, r -> {
      r.mains = true;
      r.batteryA = 30;
    });
    assertThat(run.of(FindingKind.SITE_DOWN_PREDICTED)).last()
        .extracting(Finding::status).isEqualTo(Finding.Status.CLEARED);
  }

  @Test
  void aFailedHvacHeatingTheCabinetPredictsThermalShutdownAndClearsWhenItCools() {
    Run run = new Run().play(600, 10, r -> { });
    run.play(40 * 60, 10, r -> { // +20 °C/h
      r.hvac = HvacState.FAULT;
      r.cabinetC += 20.0 * 10 / 3600;
    });
    List<Finding> found = run.of(FindingKind.THERMAL_RUNAWAY);
    assertThat(found.get(0).status()).isEqualTo(Finding.Status.RAISED);
    assertThat(found.get(found.size() - 1).evidence().get("rise_c_per_hour"))
        .isBetween(15.0, 25.0);
    Instant shutdown = T0.plusSeconds(600).plusSeconds((long) ((50 - 24) / 20.0 * 3600));
    assertThat(Duration.between(shutdown, found.get(found.size() - 1).predictedAt()).abs())
        .isLessThan(Duration.ofMinutes(10));

    run.play(20 * 60, 10, r -> {
      r.hvac = HvacState.ON;
      r.cabinetC -= 30.0 * 10 / 3600;
    });
    assertThat(run.of(FindingKind.THERMAL_RUNAWAY)).last().extracting(Finding::status)
        .isEqualTo(Finding.Status.CLEARED);
  }

  @Test
  void aDoorOpenedWithoutAVisitIsReportedButAScheduledVisitIsNot() {
    Run run = new Run().play(600, 10, r -> { });
    run.play(300, 10, r -> r.doorOpen = true);
    run.play(60, 10, r -> r.doorOpen = false);
    assertThat(run.of(FindingKind.UNSCHEDULED_DOOR_OPEN)).extracting(Finding::status)
        .containsExactly(Finding.Status.RAISED, Finding.Status.CLEARED);

    run.reading.at(T0.plus(Duration.ofHours(5)).plusSeconds(300));
    run.play(1800, 10, r -> r.doorOpen = true);
    assertThat(run.of(FindingKind.UNSCHEDULED_DOOR_OPEN)).hasSize(2);
    run.play(2 * 3600, 10, r -> r.doorOpen = true); // still open after the visit's window
    assertThat(run.of(FindingKind.UNSCHEDULED_DOOR_OPEN)).last()
        .satisfies(f -> assertThat(f.summary()).contains("past the end"));
  }

  @Test
  void theStateSurvivesAJsonRoundTripMidOutageAndContinuesIdentically() throws Exception {
    ObjectMapper mapper = Json.mapper().rebuild()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    Consumer<Readings> outage = r -> {
      r.mains = false;
      r.batteryA = -50;
      r.socPct -= 0.05;
      r.batteryV -= 0.01;
      r.hvac = HvacState.OFF;
      r.cabinetC += 0.05;
      r.fuelL -= 0.03;
      r.doorOpen = true;
    };
    Run straight = new Run().play(600, 10, r -> { }).play(1200, 10, outage);
    Run interrupted = new Run().play(600, 10, r -> { }).play(600, 10, outage);
    byte[] json = mapper.writeValueAsBytes(interrupted.state);
    interrupted.state = mapper.readValue(json, SiteDetectors.State.class);
    interrupted.play(600, 10, outage);
    assertThat(interrupted.findings).isEqualTo(straight.findings);
    assertThat(straight.findings).extracting(Finding::kind).contains(
        FindingKind.GENERATOR_START_FAILURE, FindingKind.SITE_DOWN_PREDICTED,
        FindingKind.THERMAL_RUNAWAY, FindingKind.UNSCHEDULED_DOOR_OPEN);
  }
}
