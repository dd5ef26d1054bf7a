package com.towerco.benchmarks.system;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * CPU time per thread of this process between two snapshots, grouped by the thread's name with
 * numbers and ids blanked out (a service's threads, the broker's request handlers, a client's
 * network thread): with every service in one process, that is each service's CPU. Also what
 * the Java threads do not show: the process's whole CPU time (garbage collector and JIT compiler
 * threads are not Java threads, nor are threads that ended in between), the collectors' time and
 * the JIT's, and the bytes each thread group allocated (what the collector has to clear).
 */
final class ThreadCpu {
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** What threads that have ended used, by thread id, for those that said so ({@link #retire}). */
  private static final Map<Long, Retired> RETIRED = new ConcurrentHashMap<>();

  private record Retired(String group, long cpuNanos, long allocatedBytes) {}

  private final Map<Long, Long> start = new HashMap<>();
  private final Map<Long, Long> allocatedAtStart = new HashMap<>();
  private final long processStart = processCpuNanos();
  private final long wallStart = System.nanoTime();
  private final long gcMillisStart = gcMillis();
  private final long gcCountStart = gcCount();
  private final long jitMillisStart = jitMillis();
  private final VmThreadCpu vmThreads = VmThreadCpu.snapshot();

  private ThreadCpu() {}

  /** CPU time of every live thread now. */
  static ThreadCpu snapshot() {
    ThreadCpu cpu = new ThreadCpu();
    // threads retired before the snapshot count nothing after it
    RETIRED.forEach((id, retired) -> {
      cpu.start.put(id, retired.cpuNanos());
      cpu.allocatedAtStart.put(id, retired.allocatedBytes());
    });
    for (long id : THREADS.getAllThreadIds()) {
      long nanos = THREADS.getThreadCpuTime(id);
      if (nanos >= 0) {
        cpu.start.put(id, nanos);
      }
      long bytes = allocated(id);
      if (bytes >= 0) {
        cpu.allocatedAtStart.put(id, bytes);
      }
    }
    return cpu;
  }

  /**
   * Keeps the calling thread's CPU time and allocation so far: call it as the thread's last
   * act, and the snapshots taken before count it though it has ended (the raw fan-out's readers
   * are one thread per group and round).
   */
  static void retire() {
    long id = Thread.currentThread().getId();
    RETIRED.put(id, new Retired(group(Thread.currentThread().getName()),
        THREADS.getThreadCpuTime(id), allocated(id)));
  }

  /** CPU nanoseconds since the snapshot, by thread group, largest first. */
  Map<String, Long> since() {
    Map<String, Long> byGroup = new HashMap<>();
    retiredSince(byGroup, start, Retired::cpuNanos);
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long nanos = THREADS.getThreadCpuTime(info.getThreadId());
      if (nanos < 0) {
        continue;
      }
      long used = nanos - start.getOrDefault(info.getThreadId(), 0L);
      byGroup.merge(group(info.getThreadName()), used, Long::sum);
    }
    return sorted(byGroup);
  }

  /**
   * Bytes allocated since the snapshot by the live threads and the retired ones, by thread
   * group, largest first.
   */
  Map<String, Long> allocatedSince() {
    Map<String, Long> byGroup = new HashMap<>();
    retiredSince(byGroup, allocatedAtStart, Retired::allocatedBytes);
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long bytes = allocated(info.getThreadId());
      if (bytes < 0) {
        continue;
      }
      byGroup.merge(group(info.getThreadName()),
          bytes - allocatedAtStart.getOrDefault(info.getThreadId(), 0L), Long::sum);
    }
    return sorted(byGroup);
  }

  private static void retiredSince(Map<String, Long> byGroup, Map<Long, Long> atStart,
      java.util.function.ToLongFunction<Retired> value) {
    RETIRED.forEach((id, retired) -> {
      long now = value.applyAsLong(retired);
      if (now >= 0 && !isAlive(id)) {
        byGroup.merge(retired.group(), now - atStart.getOrDefault(id, 0L), Long::sum);
      }
    });
  }

  /** A retired thread still running its last instructions is counted as live, not twice. */
  private static boolean isAlive(long id) {
    return THREADS.getThreadCpuTime(id) >= 0;
  }

  /** The process's CPU nanoseconds since the snapshot, every thread of the JVM included. */
  long processSince() {
    return processCpuNanos() - processStart;
  }

  /** Wall-clock nanoseconds since the snapshot. */
  long wallSince() {
    return System.nanoTime() - wallStart;
  }

  long gcMillisSince() {
    return gcMillis() - gcMillisStart;
  }

  long gcCountSince() {
    return gcCount() - gcCountStart;
  }

  /** CPU nanoseconds of the JVM's own threads (JIT, collector, VM thread) since the snapshot. */
  Map<String, Long> vmThreadsSince() {
    return vmThreads.since();
  }

  /**
   * Time the JIT compilers spent since the snapshot: wall time per compilation, summed (a
   * compiler thread waiting for a core counts; {@link #vmThreadsSince()} has their CPU).
   */
  long jitMillisSince() {
    return jitMillis() - jitMillisStart;
  }

  static String group(String threadName) {
    return NUMBER.matcher(UUID.matcher(threadName).replaceAll("*")).replaceAll("#");
  }

  /** The collectors by name (G1 and Parallel count their pauses as collection time). */
  static String collectors() {
    StringBuilder names = new StringBuilder();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      names.append(names.isEmpty() ? "" : ", ").append(gc.getName());
    }
    return names.toString();
  }

  private static Map<String, Long> sorted(Map<String, Long> byGroup) {
    Map<String, Long> sorted = new LinkedHashMap<>();
    byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  private static long allocated(long threadId) {
    return THREADS instanceof com.sun.management.ThreadMXBean sun
        && sun.isThreadAllocatedMemorySupported() ? sun.getThreadAllocatedBytes(threadId) : -1;
  }

  /** The process's CPU nanoseconds so far, every thread of the JVM included; -1 if unknown. */
  static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  private static long gcCount() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionCount());
    }
    return total;
  }

  /** The JIT compilers' total compilation time so far (elapsed time summed over compiles). */
  static long jitMillis() {
    var jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime() : 0;
  }
}
