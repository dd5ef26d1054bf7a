package com.towerco.analytics;

/** The writer's transaction spanning batches on the embedded default. */
class DuckDbWriterTransactionTest extends WriterTransactionContract {
  @Override
  TestDatabases databases() {
    return TestDatabases.duckDb();
  }
}
