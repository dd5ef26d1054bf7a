package com.towerco.benchmarks.system;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Warm-up in rounds until the JIT compilers have settled: a phase is measured only once a
 * warm-up round of the same work spent less than {@link #SETTLED_JIT_SHARE} of its wall time in
 * compilation, or after {@code maxRounds} rounds (then the bench says the JIT had not settled).
 * A fixed number of records is not enough: how long the JIT needs depends on how much code the
 * process runs and on how much CPU its compiler threads get, and with every service, the broker
 * and the feed in one process on two cores a 50,000-record warm-up left the compilers busy for
 * the whole measured phase (ADR-038). A long-running service pays that once at start.
 */
final class WarmUp {
  /**
   * A round whose compilation time is under this share of its wall time is settled. While
   * methods wait in the compile queue the share stays near or above 1 (the C2 thread always
   * busy, the C1 thread often); once the queue has drained it falls to a few percent (occasional
   * recompilations). A quarter is past that drop, not a steady state's noise.
   */
  static final double SETTLED_JIT_SHARE = 0.25;

  /** One warm-up round; returns its rate in records/s. */
  @FunctionalInterface
  interface Round {
    double run(int round) throws Exception;
  }

  /** How the warm-up went: rounds run, the last round's JIT share, whether it settled. */
  record Outcome(int rounds, double lastJitShare, boolean settled, double seconds) {
    String describe() {
      return String.format("%d round%s, %.0f s, JIT %.0f %% of the last round's time (%s)",
          rounds, rounds == 1 ? "" : "s", seconds, 100 * lastJitShare,
          settled ? "settled" : "NOT settled: the measured phase still pays for compilation");
    }
  }

  private WarmUp() {}

  /** Runs rounds until one is settled or {@code maxRounds} have run, printing each. */
  static Outcome run(String what, int maxRounds, Round round, PrintStream out) throws Exception {
    return run(what, maxRounds, round, out, ThreadCpu::jitMillis);
  }

  /** As above, with the compilation time read from {@code jitMillis} (milliseconds so far). */
  static Outcome run(String what, int maxRounds, Round round, PrintStream out,
      LongSupplier jitMillis) throws Exception {
    long start = System.nanoTime();
    double share = Double.NaN;
    int rounds = 0;
    while (rounds < Math.max(1, maxRounds)) {
      rounds++;
      long jitBefore = jitMillis.getAsLong();
      VmThreadCpu vm = VmThreadCpu.snapshot();
      long roundStart = System.nanoTime();
      double rate = round.run(rounds);
      double wallMillis = (System.nanoTime() - roundStart) / 1e6;
      long jit = jitMillis.getAsLong() - jitBefore;
      share = jitShare(jit, wallMillis);
      long jitCpu = vm.since().getOrDefault(VmThreadCpu.JIT, -1_000_000L);
      out.printf("  %s warm-up round %d: %,.0f records/s; JIT compilation %,d ms in %,.0f ms "
          + "(%.0f %%; compiler threads' CPU %,d ms); JVM up %.0f s%n", what, rounds, rate, jit,
          wallMillis, 100 * share, jitCpu / 1_000_000, uptimeSeconds());
      if (settled(share)) {
        break;
      }
    }
    return new Outcome(rounds, share, settled(share), (System.nanoTime() - start) / 1e9);
  }

  /** Compilation time over wall time (above 1 when several compiler threads are busy). */
  static double jitShare(long jitMillis, double wallMillis) {
    return wallMillis <= 0 ? Double.POSITIVE_INFINITY : jitMillis / wallMillis;
  }

  static boolean settled(double jitShare) {
    return jitShare < SETTLED_JIT_SHARE;
  }

  static double uptimeSeconds() {
    return ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
  }
}
