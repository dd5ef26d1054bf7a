package com.towerco.benchmarks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WarmUpTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  /** Rounds that take 1 s of process CPU each, of which the compiler threads took the given ms. */
  private static WarmUp.CpuClock compilerMillisPerSecondOfCpu(long... compilerMillisPerRound) {
    AtomicInteger round = new AtomicInteger();
    return () -> {
      long compiler = compilerMillisPerRound[
          Math.min(round.incrementAndGet(), compilerMillisPerRound.length) - 1];
      return () -> new WarmUp.Spent(1_000_000_000L, compiler * 1_000_000L);
    };
  }

  private static final WarmUp.Round ROUND = round -> 1_000;

  @Test
  void roundsGoOnWhileTheCompilersTakeTheirShareAndStopAtTheFirstSettledRound() throws Exception {
    // 300 ms and 80 ms of each second of CPU compiling, then 20 ms: settled in round 3
    WarmUp.Outcome outcome = WarmUp.run("platform", 8, ROUND, out,
        compilerMillisPerSecondOfCpu(300, 80, 20, 0));

    assertThat(outcome.rounds()).isEqualTo(3);
    assertThat(outcome.settled()).isTrue();
    assertThat(outcome.lastJitCpuShare()).isEqualTo(0.02);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("platform warm-up round 1", "(30.0 %", "platform warm-up round 3", "(2.0 %")
        .doesNotContain("round 4");
    assertThat(outcome.describe()).startsWith("3 rounds").contains("2.0 %", "(settled)");
  }

  @Test
  void compilersThatNeverSettleStopAtTheMostRoundsAndSaySo() throws Exception {
    WarmUp.Outcome outcome = WarmUp.run("raw", 2, ROUND, out, compilerMillisPerSecondOfCpu(90));

    assertThat(outcome.rounds()).isEqualTo(2);
    assertThat(outcome.settled()).isFalse();
    assertThat(outcome.describe()).contains("9.0 %", "NOT settled");
  }

  @Test
  void atLeastOneRoundRunsAndASettledFirstRoundIsEnough() throws Exception {
    WarmUp.Outcome outcome = WarmUp.run("raw", 0, ROUND, out, compilerMillisPerSecondOfCpu(0));

    assertThat(outcome.rounds()).isEqualTo(1);
    assertThat(outcome.settled()).isTrue();
  }

  @Test
  void theShareIsTheCompilerThreadsCpuOverTheProcesssCpu() {
    assertThat(WarmUp.jitCpuShare(50, 1_000)).isEqualTo(0.05);
    assertThat(WarmUp.settled(0.049)).isTrue();
    assertThat(WarmUp.settled(WarmUp.SETTLED_JIT_CPU_SHARE)).isFalse();
    assertThat(WarmUp.settled(1.0)).isFalse();
  }

  @Test
  void compilersWhoseCpuCannotBeReadNeverCountAsSettled() throws Exception {
    // off Linux the compiler threads' CPU is not readable (-1); a process that used no CPU says
    // nothing either: the warm-up runs every round and says it did not settle
    assertThat(WarmUp.settled(WarmUp.jitCpuShare(-1, 1_000))).isFalse();
    assertThat(WarmUp.settled(WarmUp.jitCpuShare(0, 0))).isFalse();
    WarmUp.Outcome outcome = WarmUp.run("raw", 3, ROUND, out,
        () -> () -> new WarmUp.Spent(1_000_000_000L, -1));
    assertThat(outcome.rounds()).isEqualTo(3);
    assertThat(outcome.settled()).isFalse();
  }

  @Test
  void theJvmsClockReadsTheCompilerThreadsOnLinux() throws Exception {
    WarmUp.Spent spent = WarmUp.CpuClock.jvm().start().get();
    assertThat(spent.processNanos()).isGreaterThanOrEqualTo(0);
    if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task"))) {
      assertThat(spent.compilerNanos()).isGreaterThanOrEqualTo(0);
    }
  }
}
