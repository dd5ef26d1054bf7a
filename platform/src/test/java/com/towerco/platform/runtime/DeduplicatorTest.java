package com.towerco.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {
  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

  @Test
  void anEventDeliveredTwiceIsSeenOnce() {
    Deduplicator dedup = new Deduplicator(Duration.ofMinutes(5));
    assertThat(dedup.firstSeen("a", T0)).isTrue();
    assertThat(dedup.firstSeen("b", T0)).isTrue();
    assertThat(dedup.firstSeen("a", T0)).isFalse();
    assertThat(dedup.firstSeen("a", T0.plusSeconds(60))).isFalse();
  }

  @Test
  void forgetsIdsOnceEventTimeHasMovedPastTheHorizon() {
    Deduplicator dedup = new Deduplicator(Duration.ofMinutes(5));
    for (int i = 0; i < 10_000; i++) {
      dedup.firstSeen("id-" + i, T0.plusMillis(i * 100L));
    }
    assertThat(dedup.firstSeen("id-9999", T0.plusSeconds(1000))).isFalse();
    dedup.firstSeen("later", T0.plus(Duration.ofHours(1)));
    assertThat(dedup.size()).isLessThan(10);
  }

  @Test
  void keepsManyDistinctIdsApart() {
    Deduplicator dedup = new Deduplicator(Duration.ofHours(1));
    for (int i = 0; i < 200_000; i++) {
      assertThat(dedup.firstSeen(java.util.UUID.randomUUID().toString(), T0)).isTrue();
    }
    assertThat(dedup.size()).isEqualTo(200_000);
  }
}
