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

  private static void spin() {
    double x = 0;
    for (int i = 1; i < 200_000; i++) {
      x += Math.sqrt(i) / i;
    }
    sink = x;
  }
}
