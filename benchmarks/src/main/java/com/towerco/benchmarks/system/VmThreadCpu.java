package com.towerco.benchmarks.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of the JVM's own threads, which {@code ThreadMXBean} does not list: the JIT compiler
 * threads, the garbage collector's, the VM thread (safepoint operations). Read per OS thread from
 * {@code /proc/self/task/<tid>/stat} (Linux; elsewhere nothing is reported), in clock ticks of
 * {@link #TICKS_PER_SECOND}. {@code CompilationMXBean}'s compilation time is wall time per
 * compilation, and a compiler thread on a busy two-core machine waits for a core, so it says how
 * long the JIT was at work, not how much CPU it took from the services: this says the latter.
 */
final class VmThreadCpu {
  /** Linux's USER_HZ on every mainstream architecture. */
  static final long TICKS_PER_SECOND = 100;
  static final String JIT = "JIT compiler threads";
  private static final Path TASKS = Path.of("/proc/self/task");

  private final Map<Long, Long> start;

  private VmThreadCpu(Map<Long, Long> start) {
    this.start = start;
  }

  static VmThreadCpu snapshot() {
    return new VmThreadCpu(ticksByThread(new HashMap<>()));
  }

  /** CPU nanoseconds by VM thread group since the snapshot (empty off Linux). */
  Map<String, Long> since() {
    Map<Long, String> names = new HashMap<>();
    Map<Long, Long> now = ticksByThread(names);
    Map<String, Long> byGroup = new LinkedHashMap<>();
    byGroup.put(JIT, 0L);
    byGroup.put("garbage collector threads", 0L);
    byGroup.put("VM thread (safepoints)", 0L);
    now.forEach((tid, ticks) -> {
      String group = group(names.get(tid));
      if (group != null) {
        long used = ticks - start.getOrDefault(tid, 0L);
        byGroup.merge(group, used * 1_000_000_000L / TICKS_PER_SECOND, Long::sum);
      }
    });
    return now.isEmpty() ? Map.of() : byGroup;
  }

  /** The group of a VM thread by its OS name (15 characters at most), null for others. */
  static String group(String name) {
    if (name == null) {
      return null;
    }
    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
      return JIT;
    }
    if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
      return "garbage collector threads";
    }
    return name.equals("VM Thread") ? "VM thread (safepoints)" : null;
  }

  /**
   * utime + stime of one {@code stat} line: the fields after the name, which is in parentheses
   * and may itself hold spaces or parentheses (hence the last closing one).
   */
  static long ticks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // fields[0] is the state (field 3 of stat); utime and stime are fields 14 and 15
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  static String name(String stat) {
    return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  }

  private static Map<Long, Long> ticksByThread(Map<Long, String> names) {
    Map<Long, Long> ticks = new HashMap<>();
    if (!Files.isDirectory(TASKS)) {
      return ticks;
    }
    try (Stream<Path> tasks = Files.list(TASKS)) {
      tasks.forEach(task -> {
        try {
          String stat = Files.readString(task.resolve("stat"));
          long tid = Long.parseLong(task.getFileName().toString());
          ticks.put(tid, ticks(stat));
          names.put(tid, name(stat));
        } catch (IOException | RuntimeException e) {
          // the thread ended between the listing and the read
        }
      });
    } catch (IOException e) {
      return Map.of();
    }
    return ticks;
  }
}
