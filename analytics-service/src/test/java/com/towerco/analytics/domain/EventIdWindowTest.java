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

  @Test
  void answersNewTheFirstTimeAndDuplicateAfterwards() {
    EventIdWindow window = new EventIdWindow(Duration.ofMinutes(10), 1_000, T0);
    String id = UUID.randomUUID().toString();
    assertThat(window.offer(id, T0.plusSeconds(5))).isEqualTo(NEW);
    assertThat(window.offer(id, T0.plusSeconds(5))).isEqualTo(DUPLICATE);
    // A re-send with another timestamp is still the same event id.
    assertThat(window.offer(id, T0.plusSeconds(7))).isEqualTo(DUPLICATE);
    assertThat(window.offer(UUID.randomUUID().toString(), T0.plusSeconds(5))).isEqualTo(NEW);
  }

  @Test
  void cannotVouchForEventsOlderThanItsFloor() {
    EventIdWindow window = new EventIdWindow(Duration.ofMinutes(10), 1_000, T0);
    assertThat(window.offer("e1", T0.minusMillis(1))).isEqualTo(UNKNOWN);
    assertThat(window.offer("e1", T0.minusMillis(1))).isEqualTo(UNKNOWN);
  }

  @Test
  void dropsIdsOlderThanTheHorizonAndRaisesItsFloor() {
    EventIdWindow window = new EventIdWindow(Duration.ofMinutes(8), 1_000, T0);
    window.offer("early", T0.plusSeconds(10));
    window.offer("late", T0.plus(Duration.ofMinutes(30)));
    assertThat(window.size()).isEqualTo(1);
    assertThat(window.floor()).isAfter(T0.plusSeconds(10))
        .isBeforeOrEqualTo(T0.plus(Duration.ofMinutes(22)));
    assertThat(window.offer("early", T0.plusSeconds(10))).isEqualTo(UNKNOWN);
    assertThat(window.offer("late", T0.plus(Duration.ofMinutes(30)))).isEqualTo(DUPLICATE);
  }

  @Test
  void staysWithinItsIdBoundByGivingUpItsOldestEventTimes() {
    EventIdWindow window = new EventIdWindow(Duration.ofHours(1), 100, T0);
    for (int i = 0; i < 1_000; i++) {
      window.offer("id-" + i, T0.plusSeconds(i));
    }
    assertThat(window.size()).isLessThanOrEqualTo(100);
    assertThat(window.offer("id-0", T0)).isEqualTo(UNKNOWN);
    assertThat(window.offer("id-999", T0.plusSeconds(999))).isEqualTo(DUPLICATE);
  }

  @Test
  void forgetsAnIdWhoseEventWasNotStoredAfterAll() {
    EventIdWindow window = new EventIdWindow(Duration.ofMinutes(10), 1_000, T0);
    for (int i = 0; i < 200; i++) {
      window.offer("id-" + i, T0.plusSeconds(1));
    }
    window.forget("id-17", T0.plusSeconds(1));
    assertThat(window.offer("id-17", T0.plusSeconds(1))).isEqualTo(NEW);
    for (int i = 0; i < 200; i++) {
      assertThat(window.offer("id-" + i, T0.plusSeconds(1))).isEqualTo(DUPLICATE);
    }
  }

  @Test
  void tellsIdsApartExactlyByTheirText() {
    String lower = "0f8fad5b-d9cb-469f-a165-70867728950e";
    EventIdWindow window = new EventIdWindow(Duration.ofMinutes(10), 1_000, T0);
    assertThat(window.offer(lower, T0)).isEqualTo(NEW);
    assertThat(window.offer(lower.toUpperCase(), T0)).isEqualTo(NEW);
    assertThat(window.offer("gateway-42/000017", T0)).isEqualTo(NEW);
    assertThat(window.offer("gateway-42/000017", T0)).isEqualTo(DUPLICATE);
  }
}
