package com.towerco.analytics;

/** Exactly-once on the embedded default, where raw events have no key and the sink checks. */
class DuckDbExactlyOnceTest extends ExactlyOnceContract {
  @Override
  TestDatabases databases() {
    return TestDatabases.duckDb();
  }
}
