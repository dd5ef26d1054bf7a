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

  @Test
  void answersAsASetPerBucketOfEventTimeDoesForRepeatsLateAndOutOfOrderEvents() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    Duration horizon = Duration.ofMinutes(10);
    Deduplicator dedup = new Deduplicator(horizon);
    PerBucketSets reference = new PerBucketSets(horizon);
    java.util.List<String> recent = new java.util.ArrayList<>();
    long time = T0.toEpochMilli();
    int repeats = 0;
    for (int i = 0; i < 300_000; i++) {
      time += random.nextInt(40); // about 50 events a second of event time
      long at = time - (random.nextInt(20) == 0 ? random.nextLong(1_200_000) : 0); // some late
      String id = random.nextInt(10) == 0 && !recent.isEmpty()
          ? recent.get(random.nextInt(recent.size())) : "e-" + i;
      recent.add(id);
      if (recent.size() > 50_000) {
        recent.subList(0, 10_000).clear();
      }
      boolean expected = reference.firstSeen(id, Instant.ofEpochMilli(at));
      assertThat(dedup.firstSeen(id, Instant.ofEpochMilli(at))).as("event %d", i)
          .isEqualTo(expected);
      repeats += expected ? 0 : 1;
      if (i % 1_000 == 0) {
        assertThat(dedup.size()).isEqualTo(reference.size());
      }
    }
    assertThat(repeats).isGreaterThan(10_000); // repeats within and beyond the horizon were met
  }

  /** The earlier form, one id set per bucket of event time, looked up in turn: the reference. */
  private static final class PerBucketSets {
    private final long horizonMillis;
    private final long bucketMillis;
    private final java.util.TreeMap<Long, IdSet> buckets = new java.util.TreeMap<>();
    private long newest = Long.MIN_VALUE;

    PerBucketSets(Duration horizon) {
      this.horizonMillis = horizon.toMillis();
      this.bucketMillis = Math.max(1_000, horizonMillis / 16);
    }

    boolean firstSeen(String eventId, Instant eventTime) {
      long time = eventTime.toEpochMilli();
      long hash = IdSet.hash(eventId);
      for (IdSet bucket : buckets.values()) {
        if (bucket.containsHash(hash)) {
          return false;
        }
      }
      long bucketStart = Math.floorDiv(time, bucketMillis) * bucketMillis;
      if (newest != Long.MIN_VALUE && bucketStart < newest - horizonMillis) {
        return true;
      }
      buckets.computeIfAbsent(bucketStart, b -> new IdSet()).addHash(hash);
      if (time > newest) {
        newest = time;
        long oldest = newest - horizonMillis - bucketMillis;
        var it = buckets.entrySet().iterator();
        while (it.hasNext() && it.next().getKey() < oldest) {
          it.remove();
        }
      }
      return true;
    }

    int size() {
      return buckets.values().stream().mapToInt(IdSet::size).sum();
    }
  }
}
