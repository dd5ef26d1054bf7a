package com.towerco.analytics;

/** Exactly-once on real PostgreSQL, where the raw events' key is the backstop. */
class PostgresExactlyOnceIT extends ExactlyOnceContract {
  @Override
  TestDatabases databases() {
    return TestDatabases.postgres();
  }
}
