package com.towerco.analytics.jdbc;

import java.util.concurrent.atomic.LongAdder;

/**
 * Where the sink's writing thread spends its CPU, summed over every transaction: reading
 * positions (and connection setup), checking ids against the store, appending raw events,
 * staging typed rows, merging them and the KPI rollup (the rollup also apart), advancing
 * positions, and the commit; and what the thread allocates on the Java heap. Step times are the
 * thread's CPU time ({@link #clock}), so a database that waits on its disk or a machine shared
 * with other work does not count as the step's cost.
 */
public final class WriteTimes {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

  private final LongAdder positions = new LongAdder();
  private final LongAdder idChecks = new LongAdder();
  private final LongAdder rawAppend = new LongAdder();
  private final LongAdder typedStage = new LongAdder();
  private final LongAdder typedMerge = new LongAdder();
  private final LongAdder rollup = new LongAdder();
  private final LongAdder advance = new LongAdder();
  private final LongAdder commit = new LongAdder();
  private final LongAdder batches = new LongAdder();
  private final LongAdder transactions = new LongAdder();
  private final LongAdder cpu = new LongAdder();
  private final LongAdder storeChecks = new LongAdder();
  private final LongAdder allocated = new LongAdder();

  /** The calling thread's CPU time in nanoseconds: the clock of every step. */
  public static long clock() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** Bytes the calling thread has allocated on the Java heap so far. */
  public static long allocatedBytes() {
    return THREADS.getCurrentThreadAllocatedBytes();
  }

  /** Java heap bytes the writing thread allocated (as it reports them). */
  public void allocated(long bytes) {
    allocated.add(bytes);
  }

  /** Java heap bytes the writing thread allocated, summed. */
  public long allocatedTotal() {
    return allocated.sum();
  }

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

  void add(long positionsNanos, long idCheckNanos, long rawNanos, long stageNanos,
      long mergeNanos, long advanceNanos, long commitNanos, int batchesAppended) {
    advance.add(advanceNanos);
    positions.add(positionsNanos);
    idChecks.add(idCheckNanos);
    rawAppend.add(rawNanos);
    typedStage.add(stageNanos);
    typedMerge.add(mergeNanos);
    commit.add(commitNanos);
    batches.add(batchesAppended);
    transactions.increment();
  }

  /** One line: seconds per step and the number of batches. */
  public String summary() {
    return String.format("CPU: positions %.2f s, id checks %.2f s, raw append %.2f s,"
        + " typed stage %.2f s, typed merge %.2f s (of which KPI rollup %.2f s), positions"
        + " advanced %.2f s, commit %.2f s (%d batches in %d transactions); writer CPU %.2f s,"
        + " allocated %,.1f MB; %,d events checked in the store",
        positions.sum() / 1e9, idChecks.sum() / 1e9, rawAppend.sum() / 1e9,
        typedStage.sum() / 1e9, typedMerge.sum() / 1e9, rollup.sum() / 1e9,
        advance.sum() / 1e9, commit.sum() / 1e9, batches.sum(), transactions.sum(),
        cpu.sum() / 1e9, allocated.sum() / 1e6, storeChecks.sum());
  }

  public void reset() {
    positions.reset();
    idChecks.reset();
    rawAppend.reset();
    typedStage.reset();
    typedMerge.reset();
    rollup.reset();
    advance.reset();
    commit.reset();
    batches.reset();
    transactions.reset();
    cpu.reset();
    storeChecks.reset();
    allocated.reset();
  }

  public long cpuNanos() {
    return cpu.sum();
  }
}
