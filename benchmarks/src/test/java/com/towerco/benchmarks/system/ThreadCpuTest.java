package com.towerco.benchmarks.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThreadCpuTest {
  @Test
  void aRetiredThreadsCpuAndAllocationCountAfterItEnded() throws Exception {
    ThreadCpu cpu = ThreadCpu.snapshot();
    Thread reader = new Thread(() -> {
      long sum = 0;
      for (int i = 0; i < 200; i++) {
        byte[] chunk = new byte[64 * 1024];
        chunk[i] = (byte) i;
        sum += chunk[i];
      }
      if (sum < 0) {
        throw new IllegalStateException();
      }
      ThreadCpu.retire();
    }, "bench-raw-T1-0");
    reader.start();
    reader.join();

    assertThat(cpu.allocatedSince().get("bench-raw-T#-#")).isGreaterThan(200L * 64 * 1024);
    assertThat(cpu.since()).containsKey("bench-raw-T#-#");
  }

  @Test
  void aThreadRetiredBeforeASnapshotCountsNothingInIt() throws Exception {
    Thread reader = new Thread(() -> {
      byte[] chunk = new byte[1024 * 1024];
      chunk[0] = 1;
      ThreadCpu.retire();
    }, "bench-raw-T2-0");
    reader.start();
    reader.join();
    ThreadCpu cpu = ThreadCpu.snapshot();

    assertThat(cpu.allocatedSince().getOrDefault("bench-raw-T#-#", 0L)).isZero();
    assertThat(cpu.since().getOrDefault("bench-raw-T#-#", 0L)).isZero();
  }

  @Test
  void threadNamesAreGroupedWithoutTheirNumbers() {
    assertThat(ThreadCpu.group("bench-raw-R3-7")).isEqualTo("bench-raw-R#-#");
  }
}
