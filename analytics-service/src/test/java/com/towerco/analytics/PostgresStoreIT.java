package com.towerco.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.analytics.jdbc.Dialect;
import org.junit.jupiter.api.Test;

/** The store contract on the real PostgreSQL server (native partitioning here). */
class PostgresStoreIT extends StoreContract {
  @Override
  TestDatabases databases() {
    return TestDatabases.postgres();
  }

  @Test
  void partitionsTheTimeSeriesByMonthWhenTimescaleDbIsNotInstalled() throws Exception {
    assertThat(database.dialect()).isEqualTo(Dialect.POSTGRESQL);
    sink.write(TestEvents.rows(TP.topic(), 0,
        TestEvents.kpi("S1", null, "R1", MARCH, 5, 100, 100),
        TestEvents.kpi("S1", null, "R1", MARCH.minusSeconds(3600), 5, 100, 100)),
        java.util.Map.of());
    assertThat(strings("SELECT c.relname FROM pg_inherits i JOIN pg_class c"
        + " ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent"
        + " WHERE p.relname = 'kpi_windows' ORDER BY 1"))
        .containsExactly("kpi_windows_p202502", "kpi_windows_p202503");
  }
}
