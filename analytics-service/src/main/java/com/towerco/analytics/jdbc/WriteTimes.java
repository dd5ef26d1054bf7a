package com.towerco.analytics.jdbc;

import java.util.concurrent.atomic.LongAdder;

/**
 * Where the sink's write time goes, summed over every transaction: reading positions (and
 * connection setup), checking ids against the store, appending raw events, staging and merging
 * typed rows and the KPI rollup (the rollup also apart), advancing positions, and the commit.
 */
public final class WriteTimes {
  private final LongAdder positions = new LongAdder();
  private final LongAdder idChecks = new LongAdder();
  private final LongAdder rawAppend = new LongAdder();
  private final LongAdder typedMerge = new LongAdder();
  private final LongAdder rollup = new LongAdder();
  private final LongAdder advance = new LongAdder();
  private final LongAdder commit = new LongAdder();
  private final LongAdder batches = new LongAdder();
  private final LongAdder transactions = new LongAdder();
  private final LongAdder cpu = new LongAdder();
  private final LongAdder storeChecks = new LongAdder();

  /** CPU time of the writing thread (native database work included), as it reports it. */
  public void cpu(long nanos) {
    cpu.add(nanos);
  }

  /** Events whose ids were checked against the store (the id window could not vouch). */
  void checkedInStore(int events) {
    storeChecks.add(events);
  }

  /** Part of the typed step spent refreshing the hourly KPI rollup. */
  void rollup(long nanos) {
    rollup.add(nanos);
  }

  public long storeChecks() {
    return storeChecks.sum();
  }

  void add(long positionsNanos, long idCheckNanos, long rawNanos, long typedNanos,
      long advanceNanos, long commitNanos, int batchesAppended) {
    advance.add(advanceNanos);
    positions.add(positionsNanos);
    idChecks.add(idCheckNanos);
    rawAppend.add(rawNanos);
    typedMerge.add(typedNanos);
    commit.add(commitNanos);
    batches.add(batchesAppended);
    transactions.increment();
  }

  /** One line: seconds per step and the number of batches. */
  public String summary() {
    return String.format("positions %.2f s, id checks %.2f s, raw append %.2f s,"
        + " typed merge %.2f s (of which KPI rollup %.2f s), positions advanced %.2f s,"
        + " commit %.2f s (%d batches in %d transactions); writer CPU %.2f s; %,d events checked in the store",
        positions.sum() / 1e9, idChecks.sum() / 1e9, rawAppend.sum() / 1e9,
        typedMerge.sum() / 1e9, rollup.sum() / 1e9, advance.sum() / 1e9,
        commit.sum() / 1e9, batches.sum(), transactions.sum(), cpu.sum() / 1e9, storeChecks.sum());
  }

  public void reset() {
    positions.reset();
    idChecks.reset();
    rawAppend.reset();
    typedMerge.reset();
    rollup.reset();
    advance.reset();
    commit.reset();
    batches.reset();
    transactions.reset();
    cpu.reset();
    storeChecks.reset();
  }

  public long cpuNanos() {
    return cpu.sum();
  }
}
