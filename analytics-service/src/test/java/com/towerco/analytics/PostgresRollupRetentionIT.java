package com.towerco.analytics;

/** Rollup (a table the sink maintains) and retention (monthly partitions) on PostgreSQL. */
class PostgresRollupRetentionIT extends RollupRetentionContract {
  @Override
  TestDatabases databases() {
    return TestDatabases.postgres();
  }
}
