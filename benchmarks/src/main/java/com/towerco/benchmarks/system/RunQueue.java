package com.towerco.benchmarks.system;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Whether a slow alert waited for a core: every {@link #EVERY_MS} ms the scheduler's account of
 * each of this process's OS threads ({@code /proc/self/task/<tid>/schedstat}: nanoseconds run,
 * nanoseconds runnable but waiting on a run queue) and the machine's busy time ({@code
 * /proc/stat}, every process). Over the slowest alerts' windows (alarm written to alert read)
 * it prints, per thread group (the OS thread name, digits blanked), the time run and the time
 * waited for a core, next to the same per second of the whole phase: a thread that waited for a
 * core while a slow alert was behind it shows here, which JFR's samples (of running threads) do
 * not. Linux only; elsewhere nothing is printed.
 */
final class RunQueue implements AutoCloseable {
  static final long EVERY_MS = 100;
  private static final Path TASKS = Path.of("/proc/self/task");

  private record Sample(long nanos, long machineBusy, long machineAll, Map<Long, long[]> tasks) {}

  private final List<Sample> samples = new ArrayList<>();
  private final Map<Long, String> names = new HashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  private RunQueue() {
    thread = new Thread(() -> {
      while (running) {
        Sample s = sample();
        if (s != null) {
          synchronized (samples) {
            samples.add(s);
          }
        }
        try {
          Thread.sleep(EVERY_MS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-runqueue");
    thread.setDaemon(true);
  }

  static RunQueue start() {
    RunQueue q = new RunQueue();
    if (Files.isDirectory(TASKS)) {
      q.thread.start();
    }
    return q;
  }

  private Sample sample() {
    Map<Long, long[]> tasks = new HashMap<>();
    try (Stream<Path> list = Files.list(TASKS)) {
      for (Path task : (Iterable<Path>) list::iterator) {
        try {
          long tid = Long.parseLong(task.getFileName().toString());
          String[] f = Files.readString(task.resolve("schedstat")).trim().split(" ");
          tasks.put(tid, new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])});
          if (!names.containsKey(tid)) {
            names.put(tid, Files.readString(task.resolve("comm")).trim()
                .replaceAll("\\d+", "#"));
          }
        } catch (IOException | RuntimeException e) {
          // the thread ended
        }
      }
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long all = 0;
      for (int i = 1; i < cpu.length; i++) {
        all += Long.parseLong(cpu[i]);
      }
      long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
      return new Sample(System.nanoTime(), all - idle, all, tasks);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(2_000);
  }

  /** Prints run and run-queue wait per thread group in the slow alerts' windows and overall. */
  void print(List<AlertTrips.Trip> slow, PrintStream out) {
    List<Sample> all;
    synchronized (samples) {
      all = List.copyOf(samples);
    }
    if (all.size() < 2 || slow.isEmpty()) {
      return;
    }
    Map<String, long[]> inWindows = new HashMap<>();
    long[] machine = new long[2];
    long windowNanos = 0;
    for (long[] w : merged(slow)) {
      Sample a = at(all, w[0], false);
      Sample b = at(all, w[1], true);
      if (a == null || b == null || b.nanos() <= a.nanos()) {
        continue;
      }
      windowNanos += b.nanos() - a.nanos();
      add(inWindows, a, b);
      machine[0] += b.machineBusy() - a.machineBusy();
      machine[1] += b.machineAll() - a.machineAll();
    }
    Sample first = all.get(0);
    Sample last = all.get(all.size() - 1);
    Map<String, long[]> overall = new HashMap<>();
    add(overall, first, last);
    double phaseSeconds = (last.nanos() - first.nanos()) / 1e9;
    double windowSeconds = windowNanos / 1e9;
    if (windowSeconds <= 0) {
      return;
    }
    double cores = Runtime.getRuntime().availableProcessors();
    out.printf("    run queue in the slowest alerts' windows (%.2f s, sampled every %d ms): "
        + "machine busy %.2f of %.0f cores (whole phase %.2f)%n", windowSeconds, EVERY_MS,
        cores * machine[0] / Math.max(1, machine[1]),
        cores, cores * (last.machineBusy() - first.machineBusy())
            / Math.max(1, last.machineAll() - first.machineAll()));
    out.printf("    per thread group, ms per second (in the windows: ran / waited for a core;"
        + " whole phase: ran / waited), most waiting first:%n");
    inWindows.entrySet().stream()
        .sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1])).limit(10)
        .forEach(e -> {
          long[] o = overall.getOrDefault(e.getKey(), new long[2]);
          out.printf("      %-18s %6.0f / %6.0f    %6.0f / %6.0f%n", e.getKey(),
              e.getValue()[0] / 1e6 / windowSeconds, e.getValue()[1] / 1e6 / windowSeconds,
              o[0] / 1e6 / phaseSeconds, o[1] / 1e6 / phaseSeconds);
        });
  }

  private void add(Map<String, long[]> byGroup, Sample a, Sample b) {
    b.tasks().forEach((tid, t) -> {
      long[] before = a.tasks().getOrDefault(tid, new long[2]);
      long[] sum = byGroup.computeIfAbsent(names.getOrDefault(tid, "?"), k -> new long[2]);
      sum[0] += t[0] - before[0];
      sum[1] += t[1] - before[1];
    });
  }

  /** The last sample at or before {@code nanos}, or the first at or after it. */
  private static Sample at(List<Sample> all, long nanos, boolean after) {
    Sample found = null;
    for (Sample s : all) {
      if (!after && s.nanos() <= nanos) {
        found = s;
      } else if (after && s.nanos() >= nanos) {
        return s;
      }
    }
    return found;
  }

  private static List<long[]> merged(List<AlertTrips.Trip> trips) {
    List<long[]> raw = new ArrayList<>();
    for (AlertTrips.Trip t : trips) {
      raw.add(new long[] {t.written() > 0 ? t.written() : t.created(), t.read()});
    }
    return LatencyTimeline.Windows.merge(raw);
  }
}
