package com.towerco.analytics;

/** Rollup and retention on the embedded default. */
class DuckDbRollupRetentionTest extends RollupRetentionContract {
  @Override
  TestDatabases databases() {
    return TestDatabases.duckDb();
  }
}
