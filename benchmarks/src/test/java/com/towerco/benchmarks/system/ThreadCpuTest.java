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
  void threadNamesAreGroupedWithoutTheirNumbers() {
    assertThat(ThreadCpu.group("bench-raw-R3-7")).isEqualTo("bench-raw-R#-#");
  }
}
