package com.towerco.benchmarks.system;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code bench --profile}: a JFR recording (the JDK's {@code profile} settings) over one phase of
 * this process, summarised as the hottest thread groups (threads named as in {@link ThreadCpu},
 * so one group is one service's threads, the broker's handlers, a client's network threads) by
 * execution samples, and each one's hottest methods (the sampled top frame); then the same groups
 * by sampled allocation ({@code jdk.ObjectAllocationSample}) and each one's largest allocating
 * sites (ADR-070). The recording is kept for {@code jfr print} or JDK Mission Control.
 */
final class JfrProfile {
  /** Samples of one thread group: the total and by top-frame method. */
  record Group(String name, long samples, Map<String, Long> methods) {}

  /** Sampled allocation of one thread group: bytes in all and by allocating site. */
  record Allocation(String name, long bytes, Map<String, Long> sites) {}

  /** Frames of an allocating site: the allocated class and its allocating stack's top frames. */
  static final int SITE_FRAMES = 3;

  private final Recording recording;

  private JfrProfile(Recording recording) {
    this.recording = recording;
  }

  static JfrProfile start() throws IOException, ParseException {
    Recording recording = new Recording(Configuration.getConfiguration("profile"));
    recording.setName("towerco-bench");
    recording.start();
    return new JfrProfile(recording);
  }

  /** Stops the recording, writes it to a file and returns the file. */
  Path stop() throws IOException {
    recording.stop();
    Path file = Files.createTempFile("towerco-bench-", ".jfr");
    recording.dump(file);
    recording.close();
    return file;
  }

  /** Execution samples by thread group, largest first. */
  static List<Group> summarize(Path file) throws IOException {
    Map<String, Map<String, Long>> byGroup = new HashMap<>();
    try (RecordingFile events = new RecordingFile(file)) {
      while (events.hasMoreEvents()) {
        RecordedEvent event = events.readEvent();
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
          continue;
        }
        RecordedStackTrace stack = event.getStackTrace();
        RecordedThread thread = event.getThread("sampledThread");
        if (stack == null || stack.getFrames().isEmpty() || thread == null) {
          continue;
        }
        String name = thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
        byGroup.computeIfAbsent(ThreadCpu.group(name), g -> new HashMap<>())
            .merge(method(stack.getFrames().get(0)), 1L, Long::sum);
      }
    }
    return byGroup.entrySet().stream()
        .map(e -> new Group(e.getKey(),
            e.getValue().values().stream().mapToLong(Long::longValue).sum(), e.getValue()))
        .sorted((a, b) -> Long.compare(b.samples(), a.samples())).toList();
  }

  /**
   * Sampled allocation by thread group, largest first, each by site (the class and the top
   * {@link #SITE_FRAMES} frames). A thread's first sample in the recording is left out: in JDK
   * 17 its weight is everything the thread allocated since it started, before the recording too
   * (summed as is, a bench's measured phase came to 8.6x what the threads allocated in it).
   */
  static List<Allocation> allocations(Path file) throws IOException {
    Map<String, Map<String, Long>> byGroup = new HashMap<>();
    Set<Long> sampledThreads = new HashSet<>();
    try (RecordingFile events = new RecordingFile(file)) {
      while (events.hasMoreEvents()) {
        RecordedEvent event = events.readEvent();
        if (!event.getEventType().getName().equals("jdk.ObjectAllocationSample")) {
          continue;
        }
        RecordedThread thread = event.getThread("eventThread");
        if (thread == null || sampledThreads.add(thread.getId())) {
          continue;
        }
        String name = thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
        byGroup.computeIfAbsent(ThreadCpu.group(name), g -> new HashMap<>())
            .merge(site(event), event.getLong("weight"), Long::sum);
      }
    }
    return byGroup.entrySet().stream()
        .map(e -> new Allocation(e.getKey(),
            e.getValue().values().stream().mapToLong(Long::longValue).sum(), e.getValue()))
        .sorted((a, b) -> Long.compare(b.bytes(), a.bytes())).toList();
  }

  /** Prints the {@code groups} hottest thread groups and each one's {@code methods} hottest. */
  static void print(Path file, int groups, int methods, PrintStream out) throws IOException {
    List<Group> summary = summarize(file);
    long total = summary.stream().mapToLong(Group::samples).sum();
    out.printf("  JFR profile (%s, %,d execution samples): hottest thread groups and their "
        + "hottest methods (top frame)%n", file, total);
    for (Group group : summary.subList(0, Math.min(groups, summary.size()))) {
      out.printf("    %-60s %5.1f %%%n", group.name(), 100.0 * group.samples() / total);
      group.methods().entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(methods)
          .forEach(m -> out.printf("        %-80s %5.1f %%%n", m.getKey(),
              100.0 * m.getValue() / total));
    }
    printAllocations(file, groups, methods, out);
  }

  /** Prints the {@code groups} largest allocating thread groups and each one's largest sites. */
  static void printAllocations(Path file, int groups, int sites, PrintStream out)
      throws IOException {
    List<Allocation> summary = allocations(file);
    long total = summary.stream().mapToLong(Allocation::bytes).sum();
    out.printf("  JFR allocation samples (%,d MB sampled, each thread's first sample left out): "
        + "largest thread groups and their largest sites (class <- top frames)%n",
        total >> 20);
    for (Allocation group : summary.subList(0, Math.min(groups, summary.size()))) {
      out.printf("    %-60s %5.1f %%%n", group.name(), 100.0 * group.bytes() / total);
      group.sites().entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(sites)
          .forEach(m -> out.printf("        %-80s %5.1f %%%n", m.getKey(),
              100.0 * m.getValue() / total));
    }
  }

  private static String site(RecordedEvent event) {
    StringBuilder site = new StringBuilder(event.getClass("objectClass").getName());
    RecordedStackTrace stack = event.getStackTrace();
    if (stack != null) {
      List<RecordedFrame> frames = stack.getFrames();
      for (int i = 0; i < Math.min(SITE_FRAMES, frames.size()); i++) {
        site.append(" <- ").append(method(frames.get(i)));
      }
    }
    return site.toString();
  }

  private static String method(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }
}
