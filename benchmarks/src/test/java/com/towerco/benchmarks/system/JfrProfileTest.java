package com.towerco.benchmarks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A real JFR recording of this JVM while a named thread burns CPU in a known method: the summary
 * puts that thread's group (numbers blanked, as in the bench's CPU table) first and names the
 * method.
 */
class JfrProfileTest {
  private static volatile double sink;

  @Test
  void summaryNamesTheBusiestThreadGroupAndItsHottestMethod() throws Exception {
    JfrProfile profile = JfrProfile.start();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread busy = new Thread(() -> {
      while (running.get()) {
        spin();
      }
    }, "busy-worker-7");
    busy.start();
    Thread.sleep(1_500);
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
