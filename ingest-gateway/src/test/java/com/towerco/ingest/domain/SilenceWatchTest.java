package com.towerco.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SilenceWatchTest {
  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void theSilenceLimitIsTheCadenceTimesTheCountExactly() {
    for (Duration d : List.of(Duration.ofMillis(10_001), Duration.ofSeconds(30),
        Duration.ofNanos(999_999_999), Duration.ofSeconds(7, 123_456_789), Duration.ZERO,
        Duration.ofDays(3).plusNanos(1))) {
      for (int n : new int[] {0, 1, 3, 7, 1_000}) {
        assertThat(SilenceWatch.times(d, n)).isEqualTo(d.multipliedBy(n));
      }
    }
  }

  @Test
  void aSiteSilentForNLearnedCadencesIsLostAtTheMomentItBecameOverdueAndFoundWhenItReports() {
    SilenceWatch watch = new SilenceWatch(Duration.ofMinutes(1), 3, Duration.ofSeconds(5));
    for (int s = 0; s <= 100; s += 10) {
      watch.report("A", T0.plusSeconds(s));
      watch.report("B", T0.plusSeconds(s));
    }
    assertThat(watch.check()).isEmpty();
    for (int s = 110; s <= 130; s += 10) {
      watch.report("A", T0.plusSeconds(s));
      assertThat(watch.check()).as("B is 3 cadences of 10 s late only after 130 s").isEmpty();
    }
    watch.report("A", T0.plusSeconds(140));
    var lost = watch.check();
    assertThat(lost).singleElement().satisfies(t -> {
      assertThat(t.siteId()).isEqualTo("B");
      assertThat(t.lost()).isTrue();
      assertThat(t.at()).isEqualTo(T0.plusSeconds(130));
    });
    assertThat(watch.check()).as("lost once").isEmpty();
    var found = watch.report("B", T0.plusSeconds(160));
    assertThat(found).singleElement().satisfies(t -> {
      assertThat(t.lost()).isFalse();
      assertThat(t.at()).isEqualTo(T0.plusSeconds(160));
    });
  }

  @Test
  void aSiteExpectedFromTheInventoryButNeverHeardIsLostAfterTheDefaultCadence() {
    SilenceWatch watch = new SilenceWatch(Duration.ofSeconds(30), 2, Duration.ofSeconds(5));
    watch.expect("DEAD");
    watch.report("A", T0);
    assertThat(watch.check()).isEmpty();
    watch.report("A", T0.plusSeconds(61));
    assertThat(watch.check()).extracting(SilenceWatch.Transition::siteId)
        .containsExactly("DEAD");
  }

  @Test
  void aReportAfterTheGapProvesTheSilenceEvenWhenStreamTimeNeverSawIt() {
    SilenceWatch watch = new SilenceWatch(Duration.ofSeconds(10), 3, Duration.ofSeconds(1));
    watch.report("B", T0);
    var transitions = watch.report("B", T0.plusSeconds(100));
    assertThat(transitions).extracting(SilenceWatch.Transition::lost).containsExactly(true,
        false);
    assertThat(transitions.get(0).at()).isEqualTo(T0.plusSeconds(30));
    assertThat(transitions.get(1).at()).isEqualTo(T0.plusSeconds(100));
  }

  @Test
  void aSiteWhoseReportsAreNotReadYetIsNotJudgedOnTheirAbsence() {
    // The watchdog starts on a backlog and reads the hub's topic first: W1's reports are still
    // on Kafka, so W1 is not silent, whatever the hub's stream time says.
    SilenceWatch watch = new SilenceWatch(Duration.ofSeconds(10), 3, Duration.ofSeconds(10));
    watch.expect("W0");
    watch.expect("W1");
    for (int s = 0; s <= 200; s += 10) {
      watch.report("W0", T0.plusSeconds(s));
      assertThat(watch.check(site -> !site.equals("W1"))).as("at %d s", s).isEmpty();
    }
    List<SilenceWatch.Transition> w1 = new ArrayList<>();
    for (int s = 0; s <= 200; s += 10) {
      if (s <= 60 || s >= 180) {
        w1.addAll(watch.report("W1", T0.plusSeconds(s)));
      }
    }
    w1.addAll(watch.check());

    assertThat(w1).extracting(SilenceWatch.Transition::lost).containsExactly(true, false);
    assertThat(w1).extracting(SilenceWatch.Transition::at)
        .containsExactly(T0.plusSeconds(90), T0.plusSeconds(180));
  }

  @Test
  void aSiteNeverHeardCountsAsHeardWhenItsTopicIsFirstKnownReadToItsEnd() {
    SilenceWatch watch = new SilenceWatch(Duration.ofSeconds(10), 3, Duration.ofSeconds(10));
    watch.expect("DEAD");
    watch.report("A", T0);
    assertThat(watch.check(site -> !site.equals("DEAD"))).isEmpty();
    watch.report("A", T0.plusSeconds(100));
    assertThat(watch.check(site -> !site.equals("DEAD"))).isEmpty();
    assertThat(watch.check()).as("read to its end only now, at 100 s").isEmpty();
    watch.report("A", T0.plusSeconds(131));
    assertThat(watch.check()).singleElement().satisfies(t -> {
      assertThat(t.siteId()).isEqualTo("DEAD");
      assertThat(t.at()).isEqualTo(T0.plusSeconds(130));
    });
  }

  @Test
  void aLateEventDoesNotMoveStreamTimeBack() {
    SilenceWatch watch = new SilenceWatch(Duration.ofSeconds(10), 2, Duration.ofSeconds(1));
    watch.report("A", T0.plusSeconds(100));
    watch.report("B", T0.plusSeconds(100));
    watch.report("B", T0.plusSeconds(50));
    watch.report("A", T0.plusSeconds(121));
    assertThat(watch.check()).extracting(SilenceWatch.Transition::siteId).containsExactly("B");
  }

  @Test
  void theGapArithmeticWithoutInstantsAnswersAsInstantsAndDurationsDo() {
    java.util.Random random = new java.util.Random(5);
    for (int i = 0; i < 100_000; i++) {
      Instant from = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1_000),
          random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
      Instant at = from.plusSeconds(random.nextInt(7) - 3).plusNanos(
          random.nextInt(4) == 0 ? 0 : random.nextInt(2_000_000_000) - 1_000_000_000);
      Duration limit = Duration.ofSeconds(random.nextInt(4),
          random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000));
      assertThat(SilenceWatch.after(at, from, limit)).as("%s %s %s", at, from, limit)
          .isEqualTo(at.isAfter(from.plus(limit)));
      if (at.isAfter(from)) {
        assertThat(SilenceWatch.millisBetween(from, at)).as("%s %s", from, at)
            .isEqualTo(Duration.between(from, at).toMillis());
      }
    }
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(SilenceWatch.after(t.plusSeconds(30), t, Duration.ofSeconds(30))).isFalse();
    assertThat(SilenceWatch.after(t.plusSeconds(30).plusNanos(1), t, Duration.ofSeconds(30)))
        .isTrue();
  }
}
