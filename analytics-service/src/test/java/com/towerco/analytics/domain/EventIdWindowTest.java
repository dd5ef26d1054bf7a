package com.towerco.analytics.domain;

import static com.towerco.analytics.domain.EventIdWindow.Verdict.DUPLICATE;
import static com.towerco.analytics.domain.EventIdWindow.Verdict.NEW;
import static com.towerco.analytics.domain.EventIdWindow.Verdict.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdWindowTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static EventIdWindow<String> window(Duration horizon, int maxIds, String... partitions) {
    EventIdWindow<String> window = new EventIdWindow<>(horizon, maxIds);
    for (String p : partitions) {
      window.open(p, T0);
    }
    return window;
  }

  @Test
  void answersNewTheFirstTimeAndDuplicateAfterwards() {
    EventIdWindow<String> window = window(Duration.ofMinutes(10), 1_000, "p");
    String id = UUID.randomUUID().toString();
    assertThat(window.offer("p", id, T0.plusSeconds(5))).isEqualTo(NEW);
    assertThat(window.offer("p", id, T0.plusSeconds(5))).isEqualTo(DUPLICATE);
    // A re-send with another timestamp is still the same event id.
    assertThat(window.offer("p", id, T0.plusSeconds(7))).isEqualTo(DUPLICATE);
    assertThat(window.offer("p", UUID.randomUUID().toString(), T0.plusSeconds(5)))
        .isEqualTo(NEW);
  }

  @Test
  void cannotVouchForEventsOlderThanItsFloor() {
    EventIdWindow<String> window = window(Duration.ofMinutes(10), 1_000, "p");
    assertThat(window.offer("p", "e1", T0.minusMillis(1))).isEqualTo(UNKNOWN);
    assertThat(window.offer("p", "e1", T0.minusMillis(1))).isEqualTo(UNKNOWN);
  }

  @Test
  void cannotVouchForAPartitionItWasNotOpenedFor() {
    EventIdWindow<String> window = window(Duration.ofMinutes(10), 1_000, "p");
    assertThat(window.offer("q", "e1", T0.plusSeconds(1))).isEqualTo(UNKNOWN);
    assertThat(window.offer("q", "e1", T0.plusSeconds(1))).isEqualTo(UNKNOWN);
    window.open("q", T0);
    assertThat(window.offer("q", "e2", T0.plusSeconds(2))).isEqualTo(NEW);
    assertThat(window.offer("q", "e2", T0.plusSeconds(2))).isEqualTo(DUPLICATE);
  }

  @Test
  void opensAfterWhatWasOfferedBeforeItWasOpen() {
    // Ids offered while the store could not say where the partition starts go to the store
    // unchecked by the window: once open, the window vouches only for later times.
    EventIdWindow<String> window = new EventIdWindow<>(Duration.ofMinutes(10), 1_000);
    assertThat(window.offer("q", "e1", T0.plusSeconds(30))).isEqualTo(UNKNOWN);
    window.open("q", T0);
    assertThat(window.floor("q")).isAfter(T0.plusSeconds(30));
    assertThat(window.offer("q", "e1", T0.plusSeconds(30))).isEqualTo(UNKNOWN);
    assertThat(window.offer("q", "e2", T0.plusSeconds(31))).isEqualTo(NEW);
  }

  @Test
  void dropsIdsOlderThanTheHorizonAndRaisesItsFloor() {
    EventIdWindow<String> window = window(Duration.ofMinutes(8), 1_000, "p");
    window.offer("p", "early", T0.plusSeconds(10));
    window.offer("p", "late", T0.plus(Duration.ofMinutes(30)));
    assertThat(window.size()).isEqualTo(1);
    assertThat(window.floor("p")).isAfter(T0.plusSeconds(10))
        .isBeforeOrEqualTo(T0.plus(Duration.ofMinutes(22)));
    assertThat(window.offer("p", "early", T0.plusSeconds(10))).isEqualTo(UNKNOWN);
    assertThat(window.offer("p", "late", T0.plus(Duration.ofMinutes(30)))).isEqualTo(DUPLICATE);
  }

  @Test
  void keepsEachPartitionsHorizonInItsOwnEventTime() {
    // Two partitions read in turn, hours apart in event time: the one behind keeps its ids
    // (and its floor) however far the other has gone.
    EventIdWindow<String> window = window(Duration.ofMinutes(10), 10_000, "behind", "ahead");
    for (int i = 0; i < 600; i++) {
      assertThat(window.offer("behind", "b-" + i, T0.plusSeconds(i))).isEqualTo(NEW);
      assertThat(window.offer("ahead", "a-" + i, T0.plus(Duration.ofHours(5)).plusSeconds(i)))
          .isEqualTo(NEW);
    }
    assertThat(window.floor("behind")).isEqualTo(T0);
    for (int i = 0; i < 600; i++) {
      assertThat(window.offer("behind", "b-" + i, T0.plusSeconds(i))).isEqualTo(DUPLICATE);
      assertThat(window.offer("ahead", "a-" + i, T0.plus(Duration.ofHours(5)).plusSeconds(i)))
          .isEqualTo(DUPLICATE);
    }
    // Each partition still drops what falls out of its own horizon.
    window.offer("behind", "b-late", T0.plus(Duration.ofMinutes(30)));
    assertThat(window.offer("behind", "b-0", T0)).isEqualTo(UNKNOWN);
    assertThat(window.offer("ahead", "a-0", T0.plus(Duration.ofHours(5)))).isEqualTo(DUPLICATE);
  }

  @Test
  void catchesACopyInAnotherPartitionWhileTheFirstHoldsIt() {
    EventIdWindow<String> window = window(Duration.ofMinutes(10), 1_000, "p", "q");
    assertThat(window.offer("p", "e1", T0.plusSeconds(1))).isEqualTo(NEW);
    assertThat(window.offer("q", "e1", T0.plusSeconds(1))).isEqualTo(DUPLICATE);
  }

  @Test
  void staysWithinItsIdBoundByGivingUpItsOldestEventTimes() {
    EventIdWindow<String> window = window(Duration.ofHours(1), 100, "p", "q");
    for (int i = 0; i < 1_000; i++) {
      window.offer(i % 2 == 0 ? "p" : "q", "id-" + i, T0.plusSeconds(i));
      assertThat(window.size()).isLessThanOrEqualTo(100);
    }
    assertThat(window.offer("p", "id-0", T0)).isEqualTo(UNKNOWN);
    assertThat(window.offer("q", "id-1", T0.plusSeconds(1))).isEqualTo(UNKNOWN);
    assertThat(window.offer("p", "id-998", T0.plusSeconds(998))).isEqualTo(DUPLICATE);
    assertThat(window.offer("q", "id-999", T0.plusSeconds(999))).isEqualTo(DUPLICATE);
  }

  @Test
  void forgetsAClosedPartitionsIdsAndNoOthers() {
    EventIdWindow<String> window = window(Duration.ofMinutes(10), 1_000, "p", "q");
    for (int i = 0; i < 200; i++) {
      window.offer("p", "p-" + i, T0.plusSeconds(1));
      window.offer("q", "q-" + i, T0.plusSeconds(1));
    }
    window.close("p");
    assertThat(window.isOpen("p")).isFalse();
    assertThat(window.size()).isEqualTo(200);
    assertThat(window.offer("p", "p-17", T0.plusSeconds(1))).isEqualTo(UNKNOWN);
    window.open("p", T0);
    assertThat(window.offer("p", "p-18", T0.plusSeconds(2))).isEqualTo(NEW);
    for (int i = 0; i < 200; i++) {
      assertThat(window.offer("q", "q-" + i, T0.plusSeconds(1))).isEqualTo(DUPLICATE);
    }
  }

  @Test
  void tellsIdsApartExactlyByTheirText() {
    String lower = "0f8fad5b-d9cb-469f-a165-70867728950e";
    EventIdWindow<String> window = window(Duration.ofMinutes(10), 1_000, "p");
    assertThat(window.offer("p", lower, T0)).isEqualTo(NEW);
    assertThat(window.offer("p", lower.toUpperCase(), T0)).isEqualTo(NEW);
    assertThat(window.offer("p", "gateway-42/000017", T0)).isEqualTo(NEW);
    assertThat(window.offer("p", "gateway-42/000017", T0)).isEqualTo(DUPLICATE);
  }
}
