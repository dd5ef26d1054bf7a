package com.towerco.aiops.detection.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The event-level scoring of {@code corpora/README.md}, starting with its worked example. */
class EventScoreTest {
  private static boolean[] rows(int n, int... set) {
    boolean[] r = new boolean[n];
    for (int i : set) {
      r[i] = true;
    }
    return r;
  }

  private static boolean[] range(int n, int from, int to) {
    boolean[] r = new boolean[n];
    for (int i = from; i <= to; i++) {
      r[i] = true;
    }
    return r;
  }

  private static boolean[] or(boolean[] a, boolean[] b) {
    boolean[] r = a.clone();
    for (int i = 0; i < b.length; i++) {
      r[i] |= b[i];
    }
    return r;
  }

  private static long[] minutes(int n) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = i * 60_000L;
    }
    return t;
  }

  private static final boolean[] LABELS = or(range(40, 10, 19), range(40, 30, 32));

  @Test
  void theReadmesWorkedExampleGivesOneHitOneMissAndTwoFalseAlarms() {
    EventScore s = EventScore.of(LABELS, rows(40, 5, 6, 9, 12, 13, 14, 25), 0, minutes(40));
    assertThat(List.of(s.detected(), s.missed(), s.falseAlarms())).containsExactly(1, 1, 2);
    assertThat(s.latencies()).containsExactly(-1);
    assertThat(s.latencyMillis()).containsExactly(-60_000L);
    Tally t = Tally.of(s);
    assertThat(t.precision()).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(t.recall()).isEqualTo(0.5);
    assertThat(t.f1()).isCloseTo(0.4, within(1e-9));
    assertThat(t.falseAlarmsPerThousand()).isEqualTo(50.0);
    assertThat(t.coverage()).isEqualTo(0.175);
    assertThat(t.carriedIn()).isZero();
  }

  @Test
  void aRangeCaughtOnlyByAnAlarmAlreadyOnBeforeItsWindowIsAHitThatIsCountedAsCarriedIn() {
    // One event 5..12 starts before window [9,19] and runs into it: a hit by rule 5, carried in.
    EventScore carried = EventScore.of(LABELS, range(40, 5, 12), 0, minutes(40));
    assertThat(List.of(carried.detected(), carried.missed(), carried.falseAlarms()))
        .containsExactly(1, 1, 0);
    assertThat(carried.latencies()).containsExactly(-1);
    assertThat(carried.carriedIn()).isEqualTo(1);
    // A second event starting inside the window: the range is no longer caught only by the
    // carried event; the scores themselves are the same.
    EventScore fresh = EventScore.of(LABELS, or(range(40, 5, 12), rows(40, 15)), 0,
        minutes(40));
    assertThat(List.of(fresh.detected(), fresh.missed(), fresh.falseAlarms()))
        .containsExactly(1, 1, 0);
    assertThat(fresh.carriedIn()).isZero();
  }

  @Test
  void anAlarmRunningFromOneRangeIntoTheNextCarriesOnlyTheSecond() {
    // 17..31 starts inside window 1 ([9,19]) and is still on when window 2 ([29,32]) begins.
    Tally t = Tally.of(EventScore.of(LABELS, range(40, 17, 31), 0, minutes(40)));
    assertThat(List.of(t.detected(), t.missed(), t.falseAlarms())).containsExactly(2, 0, 0);
    assertThat(t.carriedIn()).isEqualTo(1);
    assertThat(t.plus(t).carriedIn()).isEqualTo(2);
  }

  @Test
  void anAlarmOnAtTheFirstScoredRowIsNotCarriedInFromTheIgnoredRows() {
    boolean[] labels = range(100, 22, 40); // margin 2: window [20,40], clipped at s = 20
    EventScore s = EventScore.of(labels, range(100, 10, 25), 20, minutes(100));
    assertThat(List.of(s.detected(), s.falseAlarms())).containsExactly(1, 0);
    assertThat(s.carriedIn()).isZero();
    EventScore earlier = EventScore.of(labels, range(100, 10, 25), 15, minutes(100));
    assertThat(earlier.carriedIn()).isEqualTo(1);
  }

  @Test
  void anEventRunningPastItsWindowIsNoFalseAlarmButRaisesCoverage() {
    boolean[] flags = or(rows(40, 5, 6, 9, 25), range(40, 17, 22));
    Tally t = Tally.of(EventScore.of(LABELS, flags, 0, minutes(40)));
    assertThat(List.of(t.detected(), t.missed(), t.falseAlarms())).containsExactly(1, 1, 2);
    assertThat(t.coverage()).isEqualTo(0.25);
  }

  @Test
  void aFlagAfterARangeEndsIsLateAndAFlagBeforeItsMarginIsFalse() {
    boolean[] labels = range(100, 50, 59); // margin 1: window 49..59
    EventScore late = EventScore.of(labels, rows(100, 60), 0, minutes(100));
    EventScore early = EventScore.of(labels, rows(100, 48), 0, minutes(100));
    assertThat(List.of(late.detected(), late.falseAlarms())).containsExactly(0, 1);
    assertThat(List.of(early.detected(), early.falseAlarms())).containsExactly(0, 1);
  }

  @Test
  void rowsBeforeTheFirstScoredRowCountForNothingAndWindowsDoNotReachBackToThePreviousRange() {
    boolean[] labels = or(range(100, 5, 8), or(range(100, 30, 49), range(100, 51, 90)));
    // Scored from 20: the range at 5..8 and the flag at 6 are ignored. The range 51..90 has a
    // margin of 4, clipped to start after the previous range's end (50 only).
    EventScore s = EventScore.of(labels, rows(100, 6, 50), 20, minutes(100));
    assertThat(List.of(s.detected(), s.missed(), s.falseAlarms())).containsExactly(1, 1, 0);
    assertThat(s.scoredRows()).isEqualTo(80);
    assertThat(s.latencies()).containsExactly(-1);
  }

  @Test
  void aDetectorThatRaisesNothingHasNoPrecisionAndAnF1OfZero() {
    Tally t = Tally.of(EventScore.of(LABELS, new boolean[40], 0, minutes(40)));
    assertThat(t.precision()).isNaN();
    assertThat(t.f1()).isZero();
    assertThat(t.falseAlarmsPerThousand()).isZero();
  }
}
