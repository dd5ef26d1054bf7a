package com.towerco.incidents.domain.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.optimization.OptimizationKind;
import com.towerco.events.payload.optimization.ProposeOptimization;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnergyAdvisorTest {
  private static final Instant DAY = Instant.parse("2026-11-01T00:00:00Z");
  private static final EnergyAdvisor.SiteSpec SPEC = new EnergyAdvisor.SiteSpec(2.5, 400);
  private final EnergyAdvisor advisor = new EnergyAdvisor();

  private static EnergyLedger.Day day(double runHours, double fuel, double onGridHours,
      double minSoc) {
    return new EnergyLedger.Day(DAY, 24, runHours * 3600, fuel, onGridHours * 3600, minSoc);
  }

  private List<OptimizationKind> kinds(EnergyLedger.Day day) {
    return advisor.onDay("S1", day, SPEC).stream().map(ProposeOptimization::kind).toList();
  }

  @Test
  void aGeneratorRunningWhileTheGridIsUpSuggestsGridPriority() {
    List<ProposeOptimization> proposals = advisor.onDay("S1", day(1, 2.5, 1, 50), SPEC);
    assertThat(proposals).extracting(ProposeOptimization::kind)
        .containsExactly(OptimizationKind.GRID_PRIORITY);
    assertThat(proposals.get(0).optimizationId()).isEqualTo("opt-grid-priority-S1");
    assertThat(proposals.get(0).expectedSavings()).containsEntry("fuel_l", 2.5);
    assertThat(kinds(day(1, 2.5, 0.25, 50))).isEmpty();
  }

  @Test
  void longGeneratorHoursWithAFullBatterySuggestBatteryCycling() {
    assertThat(kinds(day(5, 12.5, 0, 90))).containsExactly(OptimizationKind.BATTERY_CYCLING);
    assertThat(kinds(day(5, 12.5, 0, 40))).as("the battery did cycle").isEmpty();
  }

  @Test
  void fuelPerRunHourOutOfLineWithTheRatingSuggestsAFuelCheck() {
    List<ProposeOptimization> proposals = advisor.onDay("S1", day(3, 12, 0, 50), SPEC);
    assertThat(proposals).extracting(ProposeOptimization::kind)
        .containsExactly(OptimizationKind.FUEL_EFFICIENCY);
    assertThat(proposals.get(0).evidence()).containsEntry("fuel_per_run_h_l", 4.0);
    assertThat(proposals.get(0).expectedSavings()).containsEntry("fuel_l", 4.5);
    assertThat(kinds(day(3, 9, 0, 50))).as("within 30 % of the rating").isEmpty();
  }

  @Test
  void aBatteryBelowEightyPercentHealthShouldBeReplaced() {
    BatteryHealth health = new BatteryHealth();
    Instant t = DAY;
    // 40 A for 2 h takes 80 Ah out while the charge drops 50 points: 160 Ah of a rated 400
    for (int minute = 0; minute <= 120; minute += 5) {
      assertThat(health.reading("S1", t.plus(Duration.ofMinutes(minute)), -40,
          100 - minute * 50.0 / 120, 400)).isEmpty();
    }
    var estimate = health.reading("S1", t.plus(Duration.ofMinutes(125)), 5, 50, 400)
        .orElseThrow();
    assertThat(estimate.estimatedAh()).isEqualTo(160.0, org.assertj.core.data.Offset.offset(0.1));
    assertThat(estimate.sohPct()).isEqualTo(40.0, org.assertj.core.data.Offset.offset(0.1));
    assertThat(advisor.onBatteryHealth("S1", estimate)).extracting(ProposeOptimization::kind)
        .containsExactly(OptimizationKind.BATTERY_REPLACEMENT);
  }

  @Test
  void aShallowDischargeSaysNothingAboutTheBattery() {
    BatteryHealth health = new BatteryHealth();
    health.reading("S1", DAY, -40, 100, 400);
    health.reading("S1", DAY.plus(Duration.ofMinutes(30)), -40, 90, 400);
    assertThat(health.reading("S1", DAY.plus(Duration.ofMinutes(35)), 2, 90, 400)).isEmpty();
  }

  @Test
  void theLedgerClosesADayWhenTheNextOneStartsAndIgnoresRepeatedWindows() {
    EnergyLedger ledger = new EnergyLedger();
    for (int h = 0; h < 24; h++) {
      assertThat(ledger.add("S1", window(DAY.plus(Duration.ofHours(h)), h < 3))).isEmpty();
    }
    assertThat(ledger.add("S1", window(DAY.plus(Duration.ofHours(23)), true)))
        .as("a repeat").isEmpty();
    List<EnergyLedger.Day> closed = ledger.add("S1", window(DAY.plus(Duration.ofDays(1)), false));
    assertThat(closed).hasSize(1);
    assertThat(closed.get(0).generatorHours()).isEqualTo(3.0);
    assertThat(closed.get(0).generatorOnGridS()).isEqualTo(3 * 3600.0);
    assertThat(closed.get(0).fuelL()).isEqualTo(7.5);
  }

  @Test
  void savingsAreTheDailyFuelAfterApplicationAgainstTheDaysBefore() {
    EnergyLedger ledger = new EnergyLedger();
    for (int h = 0; h < 24 * 6; h++) {
      Instant start = DAY.plus(Duration.ofHours(h));
      ledger.add("S1", window(start, h % 24 < (h < 48 ? 4 : 1)));
    }
    Optimization applied = new Optimization("opt-1", 3, 1, OptimizationStatus.APPLIED, "S1",
        OptimizationKind.GRID_PRIORITY, "t", "r", Map.of(), Map.of(), DAY,
        DAY.plus(Duration.ofHours(36)), DAY.plus(Duration.ofHours(36 + 72)), null, "tom", null,
        DAY.plus(Duration.ofHours(36)));
    assertThat(SavingsVerifier.measure(applied, ledger.days("S1"),
        DAY.plus(Duration.ofHours(100)))).as("the window has not passed").isEmpty();
    var verify = SavingsVerifier.measure(applied, ledger.days("S1"),
        ledger.streamTime("S1")).orElseThrow();
    assertThat(verify.baselinePerDay()).isEqualTo(10.0);
    assertThat(verify.measuredPerDay()).isEqualTo(2.5);
    assertThat(verify.daysMeasured()).isEqualTo(2);
  }

  private static KpiComputed window(Instant start, boolean generator) {
    return new KpiComputed(KpiComputed.KpiScope.SITE, "S1", null, "north", start,
        start.plus(Duration.ofHours(1)), 720, Map.of(KpiComputed.GRID_AVAILABILITY_PCT, 100.0,
            KpiComputed.GENERATOR_RUN_S, generator ? 3600.0 : 0.0,
            KpiComputed.FUEL_CONSUMED_L, generator ? 2.5 : 0.0));
  }
}
