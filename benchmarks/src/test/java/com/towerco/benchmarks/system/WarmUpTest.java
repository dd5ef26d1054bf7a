package com.towerco.benchmarks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WarmUpTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  /** A round of 100 ms of wall time whose compilation time is given per round. */
  private static WarmUp.Round compiling(AtomicLong jit, long... jitMillisPerRound) {
    return round -> {
      Thread.sleep(100);
      jit.addAndGet(jitMillisPerRound[Math.min(round, jitMillisPerRound.length) - 1]);
      return 1_000;
    };
  }

  @Test
  void roundsGoOnWhileTheJitIsBusyAndStopAtTheFirstSettledRound() throws Exception {
    AtomicLong jit = new AtomicLong();
    // 180 ms and 60 ms of compilation in ~100 ms rounds, then 2 ms: settled in round 3
    WarmUp.Outcome outcome = WarmUp.run("platform", 8, compiling(jit, 180, 60, 2, 0), out,
        jit::get);

    assertThat(outcome.rounds()).isEqualTo(3);
    assertThat(outcome.settled()).isTrue();
    assertThat(outcome.lastJitShare()).isLessThan(WarmUp.SETTLED_JIT_SHARE);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("platform warm-up round 1", "platform warm-up round 3")
        .doesNotContain("round 4");
    assertThat(outcome.describe()).startsWith("3 rounds").contains("(settled)");
  }

  @Test
  void aJitThatNeverSettlesStopsAtTheMostRoundsAndSaysSo() throws Exception {
    AtomicLong jit = new AtomicLong();
    WarmUp.Outcome outcome = WarmUp.run("raw", 2, compiling(jit, 90), out, jit::get);

    assertThat(outcome.rounds()).isEqualTo(2);
    assertThat(outcome.settled()).isFalse();
    assertThat(outcome.describe()).contains("NOT settled");
  }

  @Test
  void atLeastOneRoundRunsAndASettledFirstRoundIsEnough() throws Exception {
    AtomicLong jit = new AtomicLong();
    WarmUp.Outcome outcome = WarmUp.run("raw", 0, compiling(jit, 0), out, jit::get);

    assertThat(outcome.rounds()).isEqualTo(1);
    assertThat(outcome.settled()).isTrue();
  }

  @Test
  void theShareIsCompilationOverWallTime() {
    assertThat(WarmUp.jitShare(500, 1_000)).isEqualTo(0.5);
    // two compiler threads busy the whole round
    assertThat(WarmUp.jitShare(2_000, 1_000)).isEqualTo(2.0);
    assertThat(WarmUp.settled(0.249)).isTrue();
    assertThat(WarmUp.settled(0.25)).isFalse();
    assertThat(WarmUp.settled(1.0)).isFalse();
  }
}
