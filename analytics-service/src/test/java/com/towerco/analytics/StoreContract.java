package com.towerco.analytics;

import static com.towerco.analytics.TestEvents.OPERATOR;
import static com.towerco.analytics.TestEvents.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.towerco.analytics.domain.AnalyticsViews.ProbableCauseStats;
import com.towerco.analytics.domain.KpiHistory;
import com.towerco.analytics.domain.KpiMeasure;
import com.towerco.analytics.domain.Reliability;
import com.towerco.analytics.domain.SlaReport;
import com.towerco.analytics.domain.StoredRow;
import com.towerco.analytics.domain.TimeRange;
import com.towerco.analytics.jdbc.AnalyticsQueries;
import com.towerco.analytics.jdbc.Database;
import com.towerco.analytics.jdbc.EventSink;
import com.towerco.analytics.jdbc.SlaQueries;
import com.towerco.events.Envelope;
import com.towerco.events.payload.site.SiteAlarm.AlarmState;
import com.towerco.events.payload.site.SiteAlarm.ProbableCause;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every analytics store (DuckDB, PostgreSQL) must do: store each event once, keep offsets
 * with the rows atomically, converge projections whatever the order, and answer the queries
 * with the same numbers.
 */
abstract class StoreContract {
  static final Instant MARCH = Instant.parse("2025-03-01T00:00:00Z");
  static final TopicPartition TP = new TopicPartition("towerco.kpis.towerco.metrics", 0);

  TestDatabases databases;
  Database database;
  EventSink sink;
  AnalyticsQueries queries;

  abstract TestDatabases databases();

  @BeforeEach
  void openStore() {
    databases = databases();
    database = databases.open();
    sink = new EventSink(database, "test-group");
    queries = new AnalyticsQueries(database.dataSource(), OPERATOR);
  }

  @AfterEach
  void closeStore() {
    database.close();
    databases.close();
  }

  @Test
  void storesAnEventDeliveredTwiceOnce() throws SQLException {
    Envelope kpi = TestEvents.kpi("S1", null, "R1", MARCH, 5, 100, 100);
    assertThat(sink.write(rows(TP.topic(), 0, kpi, kpi), Map.of(TP, 2L))).isEqualTo(1);
    assertThat(sink.write(rows(TP.topic(), 2, kpi), Map.of(TP, 3L))).isZero();
    assertThat(count("raw_events")).isEqualTo(1);
    assertThat(count("kpi_windows")).isEqualTo(1);
  }

  @Test
  void keepsOffsetsWithTheRowsAndNeverMovesThemBack() throws SQLException {
    sink.write(rows(TP.topic(), 0, TestEvents.kpi("S1", null, "R1", MARCH, 5, 100, 100)),
        Map.of(TP, 5L));
    sink.write(List.of(), Map.of(TP, 3L));
    assertThat(sink.storedOffsets(List.of(TP, new TopicPartition("other", 0))))
        .isEqualTo(Map.of(TP, 5L));
  }

  @Test
  void storesNeitherRowsNorOffsetsWhenTheBatchFails() throws SQLException {
    List<StoredRow> batch = new ArrayList<>(rows(TP.topic(), 0,
        TestEvents.kpi("S1", null, "R1", MARCH, 5, 100, 100)));
    batch.add(new StoredRow.Site("S9", "name", null, null, false, MARCH, "e9", 1));
    assertThatThrownBy(() -> sink.write(batch, Map.of(TP, 2L))).isInstanceOf(SQLException.class);
    assertThat(count("raw_events")).isZero();
    assertThat(sink.storedOffsets(List.of(TP))).isEmpty();
  }

  @Test
  void convergesOnTheSameAlertWhetherTheResolutionComesFirstOrLast() throws SQLException {
    Instant end = MARCH.plusSeconds(600);
    sink.write(rows(TP.topic(), 0, TestEvents.alertResolved("opA", "A1", "S1", MARCH, end)),
        Map.of());
    sink.write(rows(TP.topic(), 1, TestEvents.alertFiring("opA", "A1", "S1", "R1", MARCH),
        TestEvents.alertFiring("opB", "A1", "S1", "R1", MARCH)), Map.of());
    assertThat(strings("SELECT tenant_id || ' ' || region || ' ' || coalesce("
        + "CAST(ends_at IS NOT NULL AS VARCHAR), 'open') FROM alerts ORDER BY tenant_id"))
        .containsExactly("opA R1 true", "opB R1 false");
  }

  @Test
  void replacesASitesTenanciesWhenItIsRegisteredAgain() throws SQLException {
    sink.write(rows("towerco.inventory", 0,
        TestEvents.registered("S1", "R1", Map.of("opA", 99.9, "opB", 99.5), MARCH)), Map.of());
    sink.write(rows("towerco.inventory", 1,
        TestEvents.registered("S1", "R2", Map.of("opA", 99.95), MARCH.plusSeconds(60)),
        TestEvents.registered("S1", "R3", Map.of("opC", 99.0), MARCH.plusSeconds(120))),
        Map.of());
    assertThat(strings("SELECT site_id || ' ' || region FROM sites")).containsExactly("S1 R3");
    assertThat(strings("SELECT tenant_id FROM tenancies")).containsExactly("opC");
  }

  @Test
  void keepsTheLatestValuesOfAWindowComputedAgain() throws SQLException {
    sink.write(rows(TP.topic(), 0, TestEvents.kpi("S1", null, "R1", MARCH, 5, 80, 100)),
        Map.of());
    sink.write(rows(TP.topic(), 1, TestEvents.kpi("S1", null, "R1", MARCH, 5, 90, 100),
        TestEvents.kpi("S1", null, "R1", MARCH, 5, 95, 100)), Map.of());
    assertThat(strings("SELECT CAST(power_availability_pct AS VARCHAR) FROM kpi_windows"))
        .hasSize(1).allMatch(v -> v.startsWith("95"));
  }

  @Test
  void bucketsKpiHistoryWeightedByWindowLengthAndScopedToTheTenancy() throws SQLException {
    List<Envelope> events = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      Instant start = MARCH.plus(Duration.ofMinutes(5L * i));
      events.add(TestEvents.kpi("S1", null, "R1", start, 5, i == 3 ? 40 : 100, 50));
      events.add(TestEvents.kpi("S1", "opA", "R1", start, 5, i == 5 ? 0 : 100, 50));
    }
    sink.write(rows(TP.topic(), 0, events.toArray(Envelope[]::new)), Map.of());
    TimeRange day = new TimeRange(MARCH, MARCH.plus(Duration.ofDays(1)));

    KpiHistory site = queries.kpiHistory(KpiHistory.Level.SITE, "S1", Optional.empty(),
        KpiMeasure.POWER_AVAILABILITY_PCT, day, Duration.ofHours(1));
    assertThat(site.points()).extracting(KpiHistory.Point::bucket)
        .containsExactly(MARCH, MARCH.plus(Duration.ofHours(1)));
    assertThat(site.points().get(0).value()).isCloseTo(95.0, within(1e-9));
    assertThat(site.points().get(0).min()).isEqualTo(40.0);
    assertThat(site.points().get(0).windows()).isEqualTo(12);
    assertThat(site.points().get(1).value()).isCloseTo(100.0, within(1e-9));

    KpiHistory tenant = queries.kpiHistory(KpiHistory.Level.TENANT, "opA", Optional.of("opA"),
        KpiMeasure.POWER_AVAILABILITY_PCT, day, Duration.ofDays(1));
    assertThat(tenant.points()).singleElement().satisfies(p -> {
      assertThat(p.value()).isCloseTo(100.0 * 23 / 24, within(1e-9));
      assertThat(p.windows()).isEqualTo(24);
    });
    KpiHistory fuel = queries.kpiHistory(KpiHistory.Level.REGION, "R1", Optional.empty(),
        KpiMeasure.FUEL_CONSUMED_L, day, Duration.ofDays(1));
    assertThat(fuel.points().get(0).value()).isCloseTo(24 * 1.5, within(1e-9));
    assertThat(queries.kpiHistory(KpiHistory.Level.REGION, "R1", Optional.of("opB"),
        KpiMeasure.POWER_AVAILABILITY_PCT, day, Duration.ofDays(1)).points()).isEmpty();
  }

  @Test
  void ranksSitesByMinutesWithoutPower() throws SQLException {
    sink.write(rows(TP.topic(), 0,
        TestEvents.kpi("S1", null, "R1", MARCH, 60, 90, 0),
        TestEvents.kpi("S2", null, "R2", MARCH, 60, 50, 100),
        TestEvents.kpi("S3", null, "R1", MARCH, 60, 100, 100)), Map.of());
    var top = queries.topDowntime(TimeRange.of(YearMonth.of(2025, 3)), Optional.empty(),
        Optional.empty(), 10);
    assertThat(top).extracting(s -> s.siteId() + "=" + s.downtimeMinutes())
        .containsExactly("S2=30.0", "S1=6.0");
    assertThat(top.get(1).gridOutageMinutes()).isEqualTo(60.0);
    assertThat(queries.topDowntime(TimeRange.of(YearMonth.of(2025, 3)), Optional.empty(),
        Optional.of("R1"), 10)).extracting(s -> s.siteId()).containsExactly("S1");
  }

  @Test
  void computesMttrAndMtbfPerTenantCountingEachAffectedSiteOnce() throws SQLException {
    sink.write(rows("towerco.inventory", 0,
        TestEvents.registered("S1", "R1", Map.of("opA", 99.95), MARCH),
        TestEvents.registered("S2", "R2", Map.of("opA", 99.95), MARCH)), Map.of());
    Instant day2 = MARCH.plus(Duration.ofDays(1));
    sink.write(rows(TP.topic(), 2,
        TestEvents.incidentOpened("opA", "I1", List.of("S1"), MARCH),
        TestEvents.incidentResolved("opA", "I1", "S1", MARCH.plus(Duration.ofHours(1))),
        TestEvents.incidentOpened("opA", "I2", List.of("S1", "S2"), day2),
        TestEvents.incidentResolved("opA", "I2", "S1", day2.plus(Duration.ofMinutes(30))),
        TestEvents.incidentOpened(OPERATOR, "I2", List.of("S1", "S2"), day2)), Map.of());
    TimeRange march = TimeRange.of(YearMonth.of(2025, 3));

    Reliability opA = queries.reliability(march, false, Optional.of("opA")).get(0);
    assertThat(opA.group()).isEqualTo("opA");
    assertThat(opA.failures()).isEqualTo(3);
    assertThat(opA.mttrMinutes()).isCloseTo(40.0, within(1e-9));
    assertThat(opA.mtbfHours()).isCloseTo((2 * 744 - 2.0) / 3, within(1e-9));

    List<Reliability> byRegion = queries.reliability(march, true, Optional.empty());
    assertThat(byRegion).extracting(r -> r.group() + ":" + r.failures())
        .containsExactly("R1:2", "R2:1");
  }

  @Test
  void countsAlarmsByProbableCauseWithTheirTimeToClear() throws SQLException {
    sink.write(rows("towerco.sites.S1.events", 0,
        TestEvents.alarm("S1", "A1", AlarmState.RAISED, ProbableCause.COMMERCIAL_POWER_FAILURE,
            null, MARCH),
        TestEvents.alarm("S1", "A1", AlarmState.CLEARED, ProbableCause.COMMERCIAL_POWER_FAILURE,
            null, MARCH.plus(Duration.ofMinutes(30))),
        TestEvents.alarm("S2", "A2", AlarmState.RAISED, ProbableCause.COMMERCIAL_POWER_FAILURE,
            "opA", MARCH.plus(Duration.ofHours(1))),
        TestEvents.alarm("S1", "A3", AlarmState.RAISED, ProbableCause.LOW_FUEL, null,
            MARCH.plus(Duration.ofHours(2)))), Map.of());
    TimeRange march = TimeRange.of(YearMonth.of(2025, 3));

    List<ProbableCauseStats> all = queries.alarmsByProbableCause(march, Optional.empty(),
        Optional.empty(), Optional.empty());
    assertThat(all).extracting(ProbableCauseStats::probableCause)
        .containsExactly("commercialPowerFailure", "lowFuel");
    ProbableCauseStats power = all.get(0);
    assertThat(List.of(power.raised(), power.cleared(), power.active(), power.sites()))
        .containsExactly(2L, 1L, 1L, 2L);
    assertThat(power.meanMinutesToClear()).isEqualTo(30.0);
    assertThat(queries.alarmsByProbableCause(march, Optional.of("opA"), Optional.empty(),
        Optional.empty())).singleElement().satisfies(s -> assertThat(s.raised()).isEqualTo(1));
  }

  @Test
  void reportsTheMonthlySlaOfEachTenancyWithTheIncidentsBehindItsDowntime()
      throws SQLException {
    sink.write(rows("towerco.inventory", 0,
        TestEvents.registered("S1", "R1", Map.of("opA", 99.95), MARCH),
        TestEvents.registered("S2", "R1", Map.of("opA", 99.0, "opB", 99.0), MARCH)), Map.of());
    List<Envelope> events = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      Instant start = MARCH.plus(Duration.ofMinutes(5L * i));
      events.add(TestEvents.kpi("S1", "opA", "R1", start, 5, i == 5 ? 0 : 100, 100));
      events.add(TestEvents.kpi("S2", "opA", "R1", start, 5, 100, 100));
      events.add(TestEvents.kpi("S2", "opB", "R1", start, 5, 0, 100));
    }
    events.add(TestEvents.incidentOpened("opA", "I1", List.of("S1"),
        MARCH.plus(Duration.ofMinutes(25))));
    events.add(TestEvents.incidentOpened("opB", "I9", List.of("S2"), MARCH));
    sink.write(rows(TP.topic(), 2, events.toArray(Envelope[]::new)), Map.of());

    SlaReport report = new SlaQueries(database.dataSource())
        .monthlyReport("opA", YearMonth.of(2025, 3));
    assertThat(report.month()).isEqualTo("2025-03");
    assertThat(report.tenancies()).isEqualTo(2);
    assertThat(report.breached()).isEqualTo(1);
    SlaReport.TenancySla s1 = report.lines().get(0);
    assertThat(s1.siteId()).isEqualTo("S1");
    assertThat(s1.measuredMinutes()).isEqualTo(120.0);
    assertThat(s1.minutesOutsideDcWindow()).isEqualTo(5.0);
    assertThat(s1.availabilityPct()).isCloseTo(100.0 * 115 / 120, within(1e-3));
    assertThat(s1.allowedMinutesOutside()).isEqualTo(0.06);
    assertThat(s1.breached()).isTrue();
    assertThat(s1.incidents()).extracting(SlaReport.SlaIncident::incidentId)
        .containsExactly("I1");
    SlaReport.TenancySla s2 = report.lines().get(1);
    assertThat(s2.breached()).isFalse();
    assertThat(s2.availabilityPct()).isEqualTo(100.0);
    assertThat(s2.incidents()).isEmpty();
  }

  long count(String table) throws SQLException {
    return Long.parseLong(strings("SELECT CAST(count(*) AS VARCHAR) FROM " + table).get(0));
  }

  List<String> strings(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = database.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
