package com.towerco.analytics;

/** The store contract on the embedded default, DuckDB. */
class DuckDbStoreTest extends StoreContract {
  @Override
  TestDatabases databases() {
    return TestDatabases.duckDb();
  }
}
