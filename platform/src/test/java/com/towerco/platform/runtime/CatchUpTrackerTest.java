package com.towerco.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CatchUpTrackerTest {
  private static final String TOPIC = "towerco.sites.S1.events";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

  private long now = 1_000_000;
  private final CatchUpTracker tracker = new CatchUpTracker(Duration.ofSeconds(2),
      Duration.ofSeconds(5), () -> now);

  CatchUpTrackerTest() {
    tracker.assigned(List.of(P0, P1), Map.of(TOPIC, 2));
  }

  @Test
  void aPartitionIsCaughtUpOnlyAfterTheBrokerConfirmedItForTheHoldTime() {
    assertThat(tracker.caughtUp(P0)).as("nothing known yet").isFalse();
    answerAt(P0, 10, 10);
    assertThat(tracker.caughtUp(P0)).as("one answer: a producer may still be resending")
        .isFalse();
    now += 1_000;
    answerAt(P0, 10, 10);
    assertThat(tracker.caughtUp(P0)).isFalse();
    now += 1_000;
    answerAt(P0, 12, 12);
    assertThat(tracker.caughtUp(P0)).as("read to the end for 2 s, records came and were read")
        .isTrue();
  }

  @Test
  void recordsLeftToReadEndTheRunAndItStartsAgain() {
    holdCaughtUp(P0);
    answerAt(P0, 10, 15);
    assertThat(tracker.caughtUp(P0)).isFalse();
    assertThat(tracker.lag()).isEqualTo(5);
    now += 1_000;
    answerAt(P0, 15, 15);
    assertThat(tracker.caughtUp(P0)).as("the hold starts again").isFalse();
    now += 2_000;
    answerAt(P0, 15, 15);
    assertThat(tracker.caughtUp(P0)).isTrue();
    assertThat(tracker.lag()).isZero();
  }

  @Test
  void noAnswerForThePartitionMeansNotCaughtUp() {
    holdCaughtUp(P0);
    tracker.unknown(P0);
    assertThat(tracker.caughtUp(P0)).as("its leader is away").isFalse();
  }

  @Test
  void anAnswerTooOldNoLongerCounts() {
    holdCaughtUp(P0);
    now += 5_000;
    assertThat(tracker.caughtUp(P0)).as("5 s old: still counts").isTrue();
    now += 1;
    assertThat(tracker.caughtUp(P0)).as("the requests stopped coming back").isFalse();
  }

  @Test
  void aRewindToTheCommittedOffsetsEndsEveryRun() {
    holdCaughtUp(P0);
    tracker.rewound();
    assertThat(tracker.caughtUp(P0)).isFalse();
  }

  @Test
  void aTopicIsCaughtUpWhenEveryOneOfItsPartitionsIsAssignedHereAndCaughtUp() {
    holdCaughtUp(P0);
    assertThat(tracker.caughtUp(TOPIC)).as("partition 1 not known yet").isFalse();
    holdCaughtUp(P1);
    assertThat(tracker.caughtUp(TOPIC)).isTrue();
    tracker.revoked(List.of(P1));
    assertThat(tracker.caughtUp(TOPIC)).as("partition 1 is read by another instance")
        .isFalse();
    assertThat(tracker.caughtUp("towerco.sites.S2.events")).as("a topic not read here")
        .isFalse();
    assertThat(tracker.partitions(TOPIC)).as("known from the assignment").isEqualTo(2);
    assertThat(tracker.partitions("towerco.sites.S2.events")).isZero();
  }

  @Test
  void answersForPartitionsNoLongerAssignedAreIgnored() {
    tracker.revoked(List.of(P1));
    answerAt(P1, 0, 7);
    now += 2_000;
    answerAt(P1, 7, 7);
    assertThat(tracker.caughtUp(P1)).isFalse();
    assertThat(tracker.lag()).isZero();
  }

  private void holdCaughtUp(TopicPartition tp) {
    answerAt(tp, 10, 10);
    now += 2_000;
    answerAt(tp, 10, 10);
    assertThat(tracker.caughtUp(tp)).isTrue();
  }

  private void answerAt(TopicPartition tp, long position, long end) {
    tracker.answered(tp, position, end, now);
  }
}
