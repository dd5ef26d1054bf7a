package com.towerco.analytics;

/** Exactly-once ingestion into the embedded default. */
class DuckDbIngestionIT extends IngestionContract {
  @Override
  TestDatabases databases() {
    return TestDatabases.duckDb();
  }
}
