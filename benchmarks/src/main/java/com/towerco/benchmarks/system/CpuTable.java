package com.towerco.benchmarks.system;

import java.io.PrintStream;
import java.util.Map;

/** A phase's CPU, collector and allocation per record, from a {@link ThreadCpu} snapshot. */
final class CpuTable {
  private CpuTable() {}

  /**
   * CPU per record by thread group, for the groups that used at least 1 % of the total, and the
   * Kafka client meters' refresh thread whatever it used (it was once a third of the total);
   * then the process's whole CPU (what the Java threads do not show: the collector's and the
   * JIT's threads, threads that ended), the collector's pauses and the bytes allocated per
   * record by the groups that allocated at least 2 % of them. Returns the compiler threads'
   * share of the process's CPU (NaN where they cannot be read).
   */
  static double print(ThreadCpu cpu, long records, String phase,
      PrintStream out) {
    Map<String, Long> cpuNanos = cpu.since();
    long processNanos = cpu.processSince();
    long total = cpuNanos.values().stream().mapToLong(Long::longValue).sum();
    out.printf("  CPU per record in %s (all threads of this process, incl. the "
        + "broker and the feed): %.1f us%n", phase, total / 1e3 / records);
    cpuNanos.forEach((group, nanos) -> {
      if (nanos * 100 >= total || group.startsWith("kafka-client-meters")) {
        out.printf("    %-70s %6.2f us/record  %4.1f %%%n", group, nanos / 1e3 / records,
            100.0 * nanos / total);
      }
    });
    out.printf("  process CPU per record (every JVM thread: collector, JIT, ended threads): "
        + "%.1f us, of which not in the live Java threads above %.1f us (%.1f %%)%n",
        processNanos / 1e3 / records, (processNanos - total) / 1e3 / records,
        100.0 * (processNanos - total) / processNanos);
    out.printf("  cores busy: %.2f (process CPU over %.1f s of wall time); machine load "
        + "average %s%n", (double) processNanos / cpu.wallSince(), cpu.wallSince() / 1e9,
        loadAverage());
    long vmTotal = 0;
    Map<String, Long> vmThreads = cpu.vmThreadsSince();
    for (Map.Entry<String, Long> vm : vmThreads.entrySet()) {
      vmTotal += vm.getValue();
      out.printf("    %-70s %6.2f us/record  %4.1f %% of the process%n", vm.getKey(),
          vm.getValue() / 1e3 / records, 100.0 * vm.getValue() / processNanos);
    }
    if (vmTotal > 0) {
      out.printf("    %-70s %6.2f us/record  %4.1f %% of the process%n",
          "threads that ended during the phase and other VM threads",
          (processNanos - total - vmTotal) / 1e3 / records,
          100.0 * (processNanos - total - vmTotal) / processNanos);
    }
    out.printf("  garbage collection (%s): %d collections, %,d ms of pauses = %.1f us/record; "
        + "JIT compilation %,d ms (wall time of the compilations)%n", ThreadCpu.collectors(),
        cpu.gcCountSince(), cpu.gcMillisSince(), cpu.gcMillisSince() * 1e3 / records,
        cpu.jitMillisSince());
    Map<String, Long> allocated = cpu.allocatedSince();
    long bytes = allocated.values().stream().mapToLong(Long::longValue).sum();
    out.printf("  allocated per record (live threads): %,.0f bytes%n", (double) bytes / records);
    allocated.forEach((group, b) -> {
      if (b * 50 >= bytes) {
        out.printf("    %-70s %,8.0f bytes/record  %4.1f %%%n", group, (double) b / records,
            100.0 * b / bytes);
      }
    });
    return WarmUp.jitCpuShare(vmThreads.getOrDefault(VmThreadCpu.JIT, -1L), processNanos);
  }

  /** The machine's 1-minute load average (other processes compete for the same cores). */
  private static String loadAverage() {
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage();
    return load < 0 ? "unknown" : String.format("%.2f", load);
  }
}
