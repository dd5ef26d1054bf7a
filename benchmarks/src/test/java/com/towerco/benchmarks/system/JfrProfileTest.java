package com.towerco.benchmarks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A real JFR recording of this JVM while a named thread burns CPU in a known method: the summary
 * puts that thread's group (numbers blanked, as in the bench's CPU table) first and names the
 * method. The busy thread works for a fixed amount of its own CPU time, not of wall time, so a
 * loaded machine (CI beside other builds) cannot starve it below the main thread's own JFR
 * start and stop work.
 */
class JfrProfileTest {
  private static final long BUSY_CPU_NANOS = 2_000_000_000L;
  private static volatile double sink;

  @Test
  void summaryNamesTheBusiestThreadGroupAndItsHottestMethod() throws Exception {
    JfrProfile profile = JfrProfile.start();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread busy = new Thread(() -> {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      while (running.get() && threads.getCurrentThreadCpuTime() < BUSY_CPU_NANOS) {
        spin();
      }
    }, "busy-worker-7");
    busy.start();
    busy.join(60_000);
    running.set(false);
    busy.join();
    Path file = profile.stop();
    try {
      List<JfrProfile.Group> groups = JfrProfile.summarize(file);
      assertThat(groups).isNotEmpty();
      JfrProfile.Group first = groups.get(0);
      assertThat(first.name()).isEqualTo("busy-worker-#");
      assertThat(first.methods()).containsKey(JfrProfileTest.class.getName() + ".spin");

      ByteArrayOutputStream text = new ByteArrayOutputStream();
      JfrProfile.print(file, 3, 2, new PrintStream(text, true, StandardCharsets.UTF_8));
      assertThat(text.toString(StandardCharsets.UTF_8)).contains("busy-worker-#")
          .contains("execution samples");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void allocationSummaryCountsWhatAThreadAllocatedDuringTheRecordingOnly() throws Exception {
    // A thread that allocated 512 MB before the recording, then 64 MB or more (paced over a
    // second) during it: JDK 17 weighs its first sample in the recording with everything since
    // the thread started, which would count the 512 MB too.
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    java.util.concurrent.CountDownLatch warmedUp = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch recording = new java.util.concurrent.CountDownLatch(1);
    long[] during = new long[1];
    Thread worker = new Thread(() -> {
      allocateChunks(512L << 20, 0);
      warmedUp.countDown();
      try {
        recording.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
      allocateChunks(64L << 20, 1_000_000_000L);
      during[0] = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    }, "alloc-worker-3");
    worker.start();
    warmedUp.await();
    JfrProfile profile = JfrProfile.start();
    recording.countDown();
    worker.join(120_000);
    Path file = profile.stop();
    try {
      JfrProfile.Allocation group = JfrProfile.allocations(file).stream()
          .filter(a -> a.name().equals("alloc-worker-#")).findFirst().orElseThrow();
      assertThat(during[0]).isGreaterThanOrEqualTo(64L << 20);
      assertThat((double) group.bytes()).as("sampled bytes against %,d allocated", during[0])
          .isBetween(0.5 * during[0], 1.5 * during[0]);
      assertThat(group.sites().keySet()).anyMatch(site -> site.startsWith("[B <- ")
          && site.contains(JfrProfileTest.class.getName() + ".allocateChunks"));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * 8 KB arrays until {@code bytes} are allocated and at least {@code nanos} have passed; with a
   * time given, 128 KB a millisecond at most.
   */
  private static void allocateChunks(long bytes, long nanos) {
    long start = System.nanoTime();
    long allocated = 0;
    while (allocated < bytes || System.nanoTime() - start < nanos) {
      for (int i = 0; i < 16; i++) {
        byte[] chunk = new byte[8 * 1024];
        chunk[i] = (byte) i;
        sink += chunk[i];
        allocated += chunk.length;
      }
      if (nanos > 0) {
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
      }
    }
  }

  private static void spin() {
    double x = 0;
    for (int i = 1; i < 200_000; i++) {
      x += Math.sqrt(i) / i;
    }
    sink = x;
  }
}
