package com.towerco.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.towerco.platform.kafka.FetchPace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CpuPriorityTest {
  @Test
  void aBackgroundLoopsThreadRunsAtTheBackgroundNiceAndItsChildrenInheritIt() throws Exception {
    assumeThat(Files.exists(Path.of("/proc/thread-self"))).as("Linux").isTrue();
    AtomicInteger before = new AtomicInteger(-1);
    AtomicInteger after = new AtomicInteger(-1);
    AtomicInteger child = new AtomicInteger(-1);
    Thread loop = new Thread(() -> {
      before.set(CpuPriority.currentNice());
      FetchPace.BACKGROUND.enter();
      after.set(CpuPriority.currentNice());
      Thread started = new Thread(() -> child.set(CpuPriority.currentNice()));
      started.start();
      try {
        started.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    loop.start();
    loop.join();

    // ten steps below where it was (the build may itself run niced), at most 19
    assumeThat(before.get()).as("the test JVM already runs at the lowest priority").isLessThan(19);
    assertThat(after.get()).isEqualTo(Math.min(19, before.get() + CpuPriority.BACKGROUND_STEPS));
    assertThat(child.get()).isEqualTo(after.get());
    // the thread that started the loop keeps its own priority
    assertThat(CpuPriority.currentNice()).isEqualTo(before.get());
  }

  @Test
  void theEventToAlertPathKeepsTheDefaultPriority() throws Exception {
    AtomicInteger nice = new AtomicInteger(-1);
    Thread loop = new Thread(() -> {
      int start = CpuPriority.currentNice();
      FetchPace.EAGER.enter();
      nice.set(CpuPriority.currentNice() - start);
    });
    loop.start();
    loop.join();
    assertThat(nice.get()).isZero();
    assertThat(FetchPace.EAGER.niceSteps()).isZero();
  }
}
