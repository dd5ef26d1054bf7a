package com.towerco.benchmarks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VmThreadCpuTest {
  @Test
  void utimePlusStimeAreReadAfterANameWithSpacesAndParentheses() {
    String stat = "4242 (C2 CompilerThre) S 1 4200 4200 0 -1 1077936192 9 0 0 0 731 40 0 0 20 0 "
        + "60 0 123 456 789";
    assertThat(VmThreadCpu.name(stat)).isEqualTo("C2 CompilerThre");
    assertThat(VmThreadCpu.ticks(stat)).isEqualTo(771);
    String odd = "7 (a) b (c)) R 1 7 7 0 -1 0 0 0 0 0 5 6 0 0 20 0 1 0 1 1 1";
    assertThat(VmThreadCpu.name(odd)).isEqualTo("a) b (c)");
    assertThat(VmThreadCpu.ticks(odd)).isEqualTo(11);
  }

  @Test
  void theJvmsOwnThreadsAreGroupedAndJavaThreadsAreNot() {
    assertThat(VmThreadCpu.group("C1 CompilerThre")).isEqualTo("JIT compiler threads");
    assertThat(VmThreadCpu.group("C2 CompilerThre")).isEqualTo("JIT compiler threads");
    assertThat(VmThreadCpu.group("GC Thread#1")).isEqualTo("garbage collector threads");
    assertThat(VmThreadCpu.group("G1 Conc#0")).isEqualTo("garbage collector threads");
    assertThat(VmThreadCpu.group("G1 Refine#0")).isEqualTo("garbage collector threads");
    assertThat(VmThreadCpu.group("VM Thread")).isEqualTo("VM thread (safepoints)");
    assertThat(VmThreadCpu.group("kafka-producer-")).isNull();
    assertThat(VmThreadCpu.group("main")).isNull();
  }

  @Test
  void onLinuxTheCompilerThreadsOfThisJvmAreSeen() {
    if (!Files.isDirectory(Path.of("/proc/self/task"))) {
      return;
    }
    VmThreadCpu cpu = VmThreadCpu.snapshot();
    assertThat(cpu.since()).containsKeys("JIT compiler threads", "garbage collector threads",
        "VM thread (safepoints)").allSatisfy((group, nanos) -> assertThat(nanos).isNotNegative());
  }
}
