package com.towerco.benchmarks.system;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code bench --profile}, per latency phase: what the process did while the slowest alerts
 * were on their way, from a JFR recording of the phase. For the slowest {@link #SHARE} of the
 * alerts, each one's window from its alarm written (the feed's acknowledgement) to its alert
 * read: the collector's pauses inside the windows, the engine's stream thread (sampled running,
 * by the engine's own step it was in, and parked or waiting, by where), and the other thread
 * groups sampled running (the cores the engine competes for). A slow alert behind a stalled
 * engine thread shows the stall here; one behind a busy process shows the others running.
 */
final class LatencyTimeline {
  /** The share of alerts looked at: the ones above the p99. */
  static final double SHARE = 0.01;
  private static final String ENGINE_THREAD = "towerco-aiops-engine";

  private LatencyTimeline() {}

  /** Intervals in wall-clock epoch nanoseconds, merged where they overlap. */
  record Windows(List<long[]> spans) {
    static Windows of(List<AlertTrips.Trip> trips) {
      List<long[]> raw = new ArrayList<>();
      for (AlertTrips.Trip t : trips) {
        long from = t.written() > 0 ? t.written() : t.created();
        raw.add(new long[] {from + AlertTrips.WALL_MINUS_NANO,
            t.read() + AlertTrips.WALL_MINUS_NANO});
      }
      return new Windows(merge(raw));
    }

    /** {@code spans} ({from, to}) sorted and overlapping ones joined. */
    static List<long[]> merge(List<long[]> spans) {
      List<long[]> raw = new ArrayList<>(spans);
      raw.sort(Comparator.comparingLong(s -> s[0]));
      List<long[]> merged = new ArrayList<>();
      for (long[] s : raw) {
        long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
        if (last != null && s[0] <= last[1]) {
          last[1] = Math.max(last[1], s[1]);
        } else {
          merged.add(s.clone());
        }
      }
      return merged;
    }

    boolean contains(Instant at) {
      long t = nanos(at);
      for (long[] s : spans) {
        if (t >= s[0] && t < s[1]) {
          return true;
        }
      }
      return false;
    }

    /** Nanoseconds of [from, to) inside the windows. */
    long overlap(Instant from, Instant to) {
      long a = nanos(from);
      long b = nanos(to);
      long sum = 0;
      for (long[] s : spans) {
        sum += Math.max(0, Math.min(b, s[1]) - Math.max(a, s[0]));
      }
      return sum;
    }

    long totalNanos() {
      return spans.stream().mapToLong(s -> s[1] - s[0]).sum();
    }

    private static long nanos(Instant at) {
      return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
  }

  static void print(Path recording, AlertTrips trips, PrintStream out) throws IOException {
    List<AlertTrips.Trip> slow = trips.slowest(SHARE);
    if (slow.isEmpty()) {
      return;
    }
    Windows windows = Windows.of(slow);
    long gcPauseNanos = 0;
    Map<String, Long> engineRunning = new HashMap<>();
    Map<String, Long> engineBlockedNanos = new HashMap<>();
    Map<String, Long> othersRunning = new HashMap<>();
    long engineNative = 0;
    try (RecordingFile events = new RecordingFile(recording)) {
      while (events.hasMoreEvents()) {
        RecordedEvent e = events.readEvent();
        String type = e.getEventType().getName();
        switch (type) {
          case "jdk.GCPhasePause" ->
              gcPauseNanos += windows.overlap(e.getStartTime(), e.getEndTime());
          case "jdk.ExecutionSample", "jdk.NativeMethodSample" -> {
            if (!windows.contains(e.getStartTime())) {
              break;
            }
            String thread = name(e.getThread("sampledThread"));
            if (thread.startsWith(ENGINE_THREAD) && thread.contains("StreamThread")) {
              if (type.equals("jdk.NativeMethodSample")) {
                engineNative++;
              } else {
                engineRunning.merge(step(e.getStackTrace()), 1L, Long::sum);
              }
            } else if (type.equals("jdk.ExecutionSample")) {
              othersRunning.merge(ThreadCpu.group(thread), 1L, Long::sum);
            }
          }
          case "jdk.ThreadPark", "jdk.JavaMonitorWait", "jdk.JavaMonitorEnter",
              "jdk.ThreadSleep" -> {
            String thread = name(e.getThread());
            if (thread.startsWith(ENGINE_THREAD) && thread.contains("StreamThread")) {
              long in = windows.overlap(e.getStartTime(), e.getEndTime());
              if (in > 0) {
                engineBlockedNanos.merge(type.substring(4) + " in " + step(e.getStackTrace()),
                    in, Long::sum);
              }
            }
          }
          default -> { }
        }
      }
    }
    long windowMs = windows.totalNanos() / 1_000_000;
    out.printf("  slowest %d alerts (%.0f ms and more): %d ms of windows (alarm written to "
        + "alert read); GC pauses in them %d ms%n", slow.size(),
        slow.get(slow.size() - 1).totalMicros() / 1000.0, windowMs, gcPauseNanos / 1_000_000);
    out.printf("    engine stream thread sampled running: %s; in native (polling) %d samples%n",
        top(engineRunning, 6, ""), engineNative);
    out.printf("    engine stream thread blocked: %s%n",
        top(millis(engineBlockedNanos), 5, " ms"));
    out.printf("    others sampled running: %s%n", top(othersRunning, 8, ""));
  }

  /**
   * The engine's step a stack is in: the first frame (from the top) of a method that names a
   * step of the stream thread's loop or of the engine's processors.
   */
  static String step(RecordedStackTrace stack) {
    if (stack == null) {
      return "?";
    }
    String top = null;
    for (RecordedFrame frame : stack.getFrames()) {
      String type = frame.getMethod().getType().getName();
      String method = frame.getMethod().getName();
      String simple = type.substring(type.lastIndexOf('.') + 1);
      if (top == null) {
        top = simple + "." + method;
      }
      if (method.equals("saveDetection") || method.equals("save")
          && simple.contains("Processor")) {
        return "learned-state save (" + simple + ")";
      }
      if (simple.equals("TaskExecutor") && method.equals("commitOffsetsOrTransaction")
          || simple.equals("TaskManager") && method.equals("commit")
          || simple.equals("StreamThread") && method.equals("maybeCommit")) {
        return "commit";
      }
      if (simple.equals("StreamThread") && method.equals("pollRequests")) {
        return "poll";
      }
      if (simple.equals("StreamTask") && method.equals("punctuate")
          || simple.equals("TaskManager") && method.equals("punctuate")) {
        return "punctuate";
      }
      if (simple.equals("StreamTask") && method.equals("process")
          || simple.equals("TaskManager") && method.equals("process")) {
        return "process";
      }
    }
    return "other: " + top;
  }

  private static Map<String, Long> millis(Map<String, Long> nanos) {
    Map<String, Long> ms = new HashMap<>();
    nanos.forEach((k, v) -> ms.put(k, v / 1_000_000));
    return ms;
  }

  private static String top(Map<String, Long> counts, int n, String unit) {
    if (counts.isEmpty()) {
      return "none";
    }
    StringBuilder s = new StringBuilder();
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(n).forEach(e -> s.append(s.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
            .append(e.getValue()).append(unit));
    return s.toString();
  }

  private static String name(RecordedThread thread) {
    if (thread == null) {
      return "?";
    }
    return thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
  }
}
