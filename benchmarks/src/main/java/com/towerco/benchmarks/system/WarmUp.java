package com.towerco.benchmarks.system;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * Warm-up in rounds until the JIT compilers have settled: a phase is measured only once a
 * warm-up round of the same work gave less than {@link #SETTLED_JIT_CPU_SHARE} of the process's
 * CPU to the compiler threads, or after {@code maxRounds} rounds (then the bench says the JIT
 * had not settled). A fixed number of records is not enough: how long the JIT needs depends on
 * how much code the process runs and on how much CPU its compiler threads get, and with every
 * service, the broker and the feed in one process on two cores a 50,000-record warm-up left the
 * compilers busy for the whole measured phase (ADR-038). A long-running service pays that once.
 *
 * <p>The rule reads the compiler threads' CPU ({@link VmThreadCpu#JIT}), not
 * {@code CompilationMXBean}'s compilation time: that is wall time per compilation, which on a
 * busy two-core machine counts a compiler thread waiting for a core, and stayed at or above the
 * round's wall time in every raw round of the default bench (ADR-048). What a compilation takes
 * from the measured work is its CPU.
 */
final class WarmUp {
  /**
   * A round whose compiler threads took under this share of the process's CPU is settled: the
   * compilations still running then cost the measured phase less than the noise between two
   * runs of it (ADR-048).
   */
  static final double SETTLED_JIT_CPU_SHARE = 0.05;

  /** One warm-up round; returns its rate in records/s. */
  @FunctionalInterface
  interface Round {
    double run(int round) throws Exception;
  }

  /** The CPU one round used: the whole process's and its compiler threads', in nanoseconds. */
  record Spent(long processNanos, long compilerNanos) {}

  /** Measures the CPU of a round: {@code start()} gives what has been used since the call. */
  @FunctionalInterface
  interface CpuClock {
    Supplier<Spent> start();

    /**
     * This JVM's: the process's CPU time, and its compiler threads' read per thread from
     * {@code /proc} (Linux; elsewhere -1, and no round settles).
     */
    static CpuClock jvm() {
      return () -> {
        long process = ThreadCpu.processCpuNanos();
        VmThreadCpu vm = VmThreadCpu.snapshot();
        return () -> new Spent(ThreadCpu.processCpuNanos() - process,
            vm.since().getOrDefault(VmThreadCpu.JIT, -1L));
      };
    }
  }

  /** How the warm-up went: rounds run, the last round's JIT CPU share, whether it settled. */
  record Outcome(int rounds, double lastJitCpuShare, boolean settled, double seconds) {
    String describe() {
      return String.format("%d round%s, %.0f s, compiler threads %.1f %% of the last round's CPU "
              + "(%s)", rounds, rounds == 1 ? "" : "s", seconds, 100 * lastJitCpuShare,
          settled ? "settled" : "NOT settled: the measured phase still pays for compilation");
    }
  }

  private WarmUp() {}

  /** Runs rounds until one is settled or {@code maxRounds} have run, printing each. */
  static Outcome run(String what, int maxRounds, Round round, PrintStream out) throws Exception {
    return run(what, maxRounds, round, out, CpuClock.jvm());
  }

  /** As above, with the CPU read from {@code clock}. */
  static Outcome run(String what, int maxRounds, Round round, PrintStream out, CpuClock clock)
      throws Exception {
    long start = System.nanoTime();
    double share = Double.NaN;
    int rounds = 0;
    while (rounds < Math.max(1, maxRounds)) {
      rounds++;
      long compileWallBefore = ThreadCpu.jitMillis();
      Supplier<Spent> cpu = clock.start();
      long roundStart = System.nanoTime();
      double rate = round.run(rounds);
      double wallMillis = (System.nanoTime() - roundStart) / 1e6;
      Spent spent = cpu.get();
      long process = spent.processNanos();
      long compiler = spent.compilerNanos();
      share = jitCpuShare(compiler, process);
      out.printf("  %s warm-up round %d: %,.0f records/s in %,.0f ms; compiler threads' CPU "
              + "%,d ms of the process's %,d ms (%.1f %%; compilation wall time %,d ms); "
              + "JVM up %.0f s%n", what, rounds, rate, wallMillis, compiler / 1_000_000,
          process / 1_000_000, 100 * share, ThreadCpu.jitMillis() - compileWallBefore,
          uptimeSeconds());
      if (settled(share)) {
        break;
      }
    }
    return new Outcome(rounds, share, settled(share), (System.nanoTime() - start) / 1e9);
  }

  /**
   * The compiler threads' share of the process's CPU; unknown (NaN: never settled) when either
   * clock is not readable or the process used no CPU.
   */
  static double jitCpuShare(long compilerNanos, long processNanos) {
    return compilerNanos < 0 || processNanos <= 0 ? Double.NaN
        : (double) compilerNanos / processNanos;
  }

  static boolean settled(double jitCpuShare) {
    return jitCpuShare < SETTLED_JIT_CPU_SHARE;
  }

  static double uptimeSeconds() {
    return ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
  }
}
