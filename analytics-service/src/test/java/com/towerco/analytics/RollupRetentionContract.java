package com.towerco.analytics;

import static com.towerco.analytics.TestEvents.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.towerco.analytics.domain.KpiHistory;
import com.towerco.analytics.domain.KpiMeasure;
import com.towerco.analytics.domain.RetentionPolicy;
import com.towerco.analytics.domain.TimeRange;
import com.towerco.analytics.jdbc.AnalyticsQueries;
import com.towerco.analytics.jdbc.Database;
import com.towerco.analytics.jdbc.EventSink;
import com.towerco.analytics.jdbc.KpiRollup;
import com.towerco.analytics.jdbc.Retention;
import com.towerco.events.Envelope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hourly rollup answers exactly what the 5-minute windows answer (and follows a window
 * computed again), and retention removes what the policy no longer keeps.
 */
abstract class RollupRetentionContract {
  static final Instant MARCH = Instant.parse("2025-03-01T00:00:00Z");
  static final String TOPIC = "towerco.kpis.towerco.metrics";

  TestDatabases databases;
  Database database;
  EventSink sink;

  abstract TestDatabases databases();

  @BeforeEach
  void openStore() {
    databases = databases();
    database = databases.open();
    sink = new EventSink(database, "test-group");
  }

  @AfterEach
  void closeStore() {
    database.close();
    databases.close();
  }

  @Test
  void theMigrationsCreateExactlyTheRollupKpiRollupDefines() throws Exception {
    List<String> columns = new ArrayList<>();
    try (Connection c = database.connection();
        ResultSet rs = c.createStatement().executeQuery("SELECT column_name FROM "
            + "information_schema.columns WHERE table_name = 'kpi_hourly' "
            + "ORDER BY ordinal_position")) {
      while (rs.next()) {
        columns.add(rs.getString(1));
      }
    }
    assertThat(columns).containsExactlyElementsOf(KpiRollup.columnNames());
  }

  @Test
  void answersWholeHourQueriesFromTheRollupAsFromTheWindows() throws Exception {
    List<Envelope> events = new ArrayList<>();
    for (int i = 0; i < 12 * 30; i++) {
      Instant start = MARCH.plus(Duration.ofMinutes(5L * i));
      events.add(TestEvents.kpi("S1", null, "R1", start, 5, i % 7 == 0 ? 40 : 100, 97.5));
      events.add(TestEvents.kpi("S2", null, "R1", start, 5, i % 11 == 0 ? 0 : 99.9, 50));
      events.add(TestEvents.kpi("S1", "opA", "R1", start, 5, i % 13 == 0 ? 10 : 100, 100));
    }
    sink.write(rows(TOPIC, 0, events.toArray(Envelope[]::new)), Map.of());
    // A window computed again (a late event) replaces its hour in the rollup too.
    sink.write(rows(TOPIC, 5_000, TestEvents.kpi("S2", null, "R1", MARCH, 5, 100, 100)),
        Map.of());
    TimeRange range = new TimeRange(MARCH, MARCH.plus(Duration.ofDays(2)));
    AnalyticsQueries windows = new AnalyticsQueries(database.dataSource(), "towerco", false);
    AnalyticsQueries rollup = new AnalyticsQueries(database.dataSource(), "towerco", true);
    for (KpiMeasure kpi : List.of(KpiMeasure.POWER_AVAILABILITY_PCT,
        KpiMeasure.FUEL_CONSUMED_L, KpiMeasure.GRID_AVAILABILITY_PCT)) {
      for (Duration bucket : List.of(Duration.ofHours(1), Duration.ofHours(6),
          Duration.ofDays(1))) {
        samePoints(windows.kpiHistory(KpiHistory.Level.REGION, "R1", Optional.empty(), kpi,
            range, bucket), rollup.kpiHistory(KpiHistory.Level.REGION, "R1", Optional.empty(),
            kpi, range, bucket));
        samePoints(windows.kpiHistory(KpiHistory.Level.TENANT, "opA", Optional.of("opA"), kpi,
            range, bucket), rollup.kpiHistory(KpiHistory.Level.TENANT, "opA",
            Optional.of("opA"), kpi, range, bucket));
      }
    }
    assertThat(rollup.topDowntime(range, Optional.empty(), Optional.empty(), 10))
        .isEqualTo(windows.topDowntime(range, Optional.empty(), Optional.empty(), 10));
    KpiHistory s2 = rollup.kpiHistory(KpiHistory.Level.SITE, "S2", Optional.empty(),
        KpiMeasure.POWER_AVAILABILITY_PCT, range, Duration.ofHours(1));
    samePoints(windows.kpiHistory(KpiHistory.Level.SITE, "S2", Optional.empty(),
        KpiMeasure.POWER_AVAILABILITY_PCT, range, Duration.ofHours(1)), s2);
    assertThat(s2.points().get(0).windows()).isEqualTo(12);
    assertThat(s2.points().get(0).max()).isEqualTo(100.0);
  }

  @Test
  void removesWhatTheRetentionPolicyNoLongerKeeps() throws Exception {
    Instant now = Instant.parse("2025-06-15T12:00:00Z");
    Instant old = Instant.parse("2025-03-10T00:00:00Z");
    Instant recent = now.minus(Duration.ofDays(1));
    sink.write(rows(TOPIC, 0, TestEvents.kpi("S1", null, "R1", old, 5, 100, 100),
        TestEvents.kpi("S1", null, "R1", recent, 5, 100, 100)), Map.of());
    RetentionPolicy policy = new RetentionPolicy(Optional.of(Duration.ofDays(30)),
        Optional.of(Duration.ofDays(60)), Optional.of(Duration.ofDays(60)), Optional.empty());
    new Retention(database, policy, Clock.fixed(now, ZoneOffset.UTC)).apply();
    assertThat(count("raw_events")).isEqualTo(1);
    assertThat(count("kpi_windows")).isEqualTo(1);
    assertThat(count("kpi_hourly")).isEqualTo(2);
  }

  static void samePoints(KpiHistory expected, KpiHistory actual) {
    assertThat(actual.points()).hasSameSizeAs(expected.points());
    for (int i = 0; i < expected.points().size(); i++) {
      KpiHistory.Point e = expected.points().get(i);
      KpiHistory.Point a = actual.points().get(i);
      assertThat(a.bucket()).isEqualTo(e.bucket());
      assertThat(a.value()).isCloseTo(e.value(), within(1e-9));
      assertThat(a.min()).isEqualTo(e.min());
      assertThat(a.max()).isEqualTo(e.max());
      assertThat(a.windows()).isEqualTo(e.windows());
    }
  }

  long count(String table) throws Exception {
    try (Connection c = database.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
