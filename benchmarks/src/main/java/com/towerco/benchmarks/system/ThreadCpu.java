package com.towerco.benchmarks.system;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CPU time per thread of this process between two snapshots, grouped by the thread's name with
 * numbers and ids blanked out (a service's threads, the broker's request handlers, a client's
 * network thread): with every service in one process, that is each service's CPU.
 */
final class ThreadCpu {
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Map<Long, Long> start = new HashMap<>();
  private final Map<Long, String> names = new HashMap<>();

  private ThreadCpu() {}

  /** CPU time of every live thread now. */
  static ThreadCpu snapshot() {
    ThreadCpu cpu = new ThreadCpu();
    for (long id : THREADS.getAllThreadIds()) {
      long nanos = THREADS.getThreadCpuTime(id);
      if (nanos >= 0) {
        cpu.start.put(id, nanos);
      }
    }
    return cpu;
  }

  /** CPU nanoseconds since the snapshot, by thread group, largest first. */
  Map<String, Long> since() {
    Map<String, Long> byGroup = new HashMap<>();
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
    Map<String, Long> sorted = new LinkedHashMap<>();
    byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  static String group(String threadName) {
    return NUMBER.matcher(UUID.matcher(threadName).replaceAll("*")).replaceAll("#");
  }
}
