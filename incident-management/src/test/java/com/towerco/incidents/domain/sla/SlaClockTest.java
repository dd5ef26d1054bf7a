package com.towerco.incidents.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.incident.RecordSlaBreach;
import com.towerco.events.payload.incident.SlaBreached;
import com.towerco.incidents.domain.GivenWhenThen;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SlaClockTest {
  private static final Instant T0 = Instant.parse("2026-11-03T10:00:00Z");
  private static final OptionalDouble TARGET = OptionalDouble.of(99.95);
  private final SlaClock clock = new SlaClock();

  private static KpiComputed window(String tenant, int minute, Double availability,
      double reporting) {
    Instant start = T0.plus(Duration.ofMinutes(minute));
    Map<String, Double> values = new HashMap<>();
    values.put(KpiComputed.REPORTING_PCT, reporting);
    if (availability != null) {
      values.put(KpiComputed.POWER_AVAILABILITY_PCT, availability);
    }
    return new KpiComputed(KpiComputed.KpiScope.TENANCY, "S1", tenant, "north", start,
        start.plusSeconds(60), 6, values);
  }

  @Test
  void minutesOutsideTheWindowAccumulateIntoOutagesPerTenantSiteAndMonth() {
    clock.window(window("altel", 0, 100.0, 100), TARGET);
    clock.window(window("altel", 1, 50.0, 100), TARGET);
    clock.window(window("altel", 2, 0.0, 100), TARGET);
    clock.window(window("altel", 3, 100.0, 100), TARGET);
    clock.window(window("altel", 9, 0.0, 50), TARGET);
    clock.window(window("beta", 0, 100.0, 100), TARGET);

    SlaPeriod altel = clock.periods("altel", YearMonth.of(2026, 11)).get(0);
    assertThat(altel.minutesOutOfWindow()).isEqualTo(2.0);
    assertThat(altel.minutesMeasured()).isEqualTo(4.5);
    assertThat(altel.minutesUnreported()).isEqualTo(0.5);
    assertThat(altel.outages()).containsExactly(
        new SlaPeriod.Outage(T0.plusSeconds(60), T0.plusSeconds(180), 1.5),
        new SlaPeriod.Outage(T0.plusSeconds(540), T0.plusSeconds(600), 0.5));
    assertThat(altel.availabilityPct()).isEqualTo(55.556);
    assertThat(altel.allowedMinutes()).isEqualTo(21.6);
    assertThat(clock.periods("beta", YearMonth.of(2026, 11)).get(0).minutesOutOfWindow())
        .isZero();
  }

  @Test
  void unreportedTimeIsNotCountedAsAnOutage() {
    clock.window(window("altel", 0, null, 0), TARGET);
    SlaPeriod period = clock.all().get(0);
    assertThat(period.minutesOutOfWindow()).isZero();
    assertThat(period.minutesUnreported()).isEqualTo(1.0);
  }

  @Test
  void theMonthIsBreachedOnceWhenTheOutageBudgetRunsOut() {
    List<Optional<SlaPeriod>> results = new java.util.ArrayList<>();
    for (int minute = 0; minute < 30; minute++) {
      results.add(clock.window(window("altel", minute, 0.0, 100), TARGET));
    }
    assertThat(results.subList(0, 21)).allMatch(Optional::isEmpty);
    SlaPeriod breached = results.get(21).orElseThrow();
    assertThat(breached.breachedAt()).isEqualTo(T0.plus(Duration.ofMinutes(22)));
    assertThat(breached.minutesOutOfWindow()).isEqualTo(22.0);
    assertThat(results.subList(22, 30)).allMatch(Optional::isEmpty);
  }

  @Test
  void aRepeatedWindowIsCountedOnce() {
    clock.window(window("altel", 0, 0.0, 100), TARGET);
    clock.window(window("altel", 0, 0.0, 100), TARGET);
    assertThat(clock.all().get(0).minutesOutOfWindow()).isEqualTo(1.0);
  }

  @Test
  void theLedgerRecordsABreachOnceWhateverIncidentItNames() {
    RecordSlaBreach first = new RecordSlaBreach("altel", "S1", "2026-11", 99.95, 40, 22, 21.6,
        "inc-1", T0);
    SlaBreached breached = new SlaBreached("altel", "S1", "2026-11", 99.95, 40, 22, 21.6,
        "inc-1", T0);
    GivenWhenThen.given(new SlaLedger()).when(first, T0).then(breached)
        .when(new RecordSlaBreach("altel", "S1", "2026-11", 99.95, 40, 22, 21.6, "inc-2", T0), T0)
        .thenNothingHappens();
    assertThat(new SlaLedger().idOf(first)).isEqualTo("sla-altel-S1-2026-11");
  }
}
