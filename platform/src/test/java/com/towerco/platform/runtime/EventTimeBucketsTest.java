package com.towerco.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventTimeBucketsTest {
  private static final long T0 = 1_800_000_000_000L; // a multiple of every bucket used here
  private static final long MINUTE = 60_000;

  private static long h(String id) {
    return IdSet.hash(id);
  }

  @Test
  void forgetsAWholeBucketOnceAllOfItsTimesAreBeforeTheHorizon() {
    IdSet ids = new IdSet();
    EventTimeBuckets buckets = new EventTimeBuckets(ids, MINUTE);
    assertThat(buckets.add(h("first"), T0)).isTrue();
    assertThat(buckets.add(h("last-of-bucket"), T0 + MINUTE - 1)).isTrue();
    assertThat(buckets.add(h("next"), T0 + MINUTE)).isTrue();
    long horizon = 10 * MINUTE;

    // Newest at T0 + 11 min - 1 ms: the horizon starts 1 ms before the first bucket's end.
    assertThat(buckets.forgetBefore(T0 + 11 * MINUTE - 1 - horizon)).isEqualTo(Long.MIN_VALUE);
    assertThat(ids.size()).isEqualTo(3);
    // One millisecond later the first bucket is wholly before it: both its ids go at once.
    assertThat(buckets.forgetBefore(T0 + 11 * MINUTE - horizon)).isEqualTo(T0 + MINUTE);
    assertThat(ids.size()).isEqualTo(1);
    assertThat(ids.containsHash(h("first"))).isFalse();
    assertThat(ids.containsHash(h("last-of-bucket"))).isFalse();
    assertThat(ids.containsHash(h("next"))).isTrue();
    // Far ahead: everything goes, the end returned being the newest bucket's.
    assertThat(buckets.forgetBefore(T0 + 60 * MINUTE)).isEqualTo(T0 + 2 * MINUTE);
    assertThat(buckets.isEmpty()).isTrue();
    assertThat(ids.size()).isZero();
  }

  @Test
  void listsOutOfOrderTimesUnderTheirOwnBuckets() {
    IdSet ids = new IdSet();
    EventTimeBuckets buckets = new EventTimeBuckets(ids, MINUTE);
    // Back and forth between buckets, and before the epoch (floor division).
    long[] times = {T0 + 5 * MINUTE, T0 + MINUTE, T0 + 5 * MINUTE + 1, T0 + MINUTE - 1, T0,
        T0 + 3 * MINUTE, -1, -MINUTE, T0 + MINUTE + 59_999};
    for (int i = 0; i < times.length; i++) {
      assertThat(buckets.add(h("e" + i), times[i])).isTrue();
    }
    assertThat(buckets.startOf(-1)).isEqualTo(-MINUTE);
    assertThat(buckets.startOf(T0 + MINUTE - 1)).isEqualTo(T0);
    assertThat(buckets.oldestStart()).isEqualTo(-MINUTE);

    assertThat(buckets.forgetBefore(T0 + MINUTE)).isEqualTo(T0 + MINUTE);
    // Gone: -1 and -MINUTE (one bucket), T0 + MINUTE - 1 and T0 (another).
    for (int i : new int[] {3, 4, 6, 7}) {
      assertThat(ids.containsHash(h("e" + i))).as("e%d", i).isFalse();
    }
    for (int i : new int[] {0, 1, 2, 5, 8}) {
      assertThat(ids.containsHash(h("e" + i))).as("e%d", i).isTrue();
    }
    assertThat(buckets.oldestStart()).isEqualTo(T0 + MINUTE);
    assertThat(buckets.forgetBefore(T0 + 4 * MINUTE)).isEqualTo(T0 + 4 * MINUTE);
    assertThat(ids.size()).isEqualTo(2); // e0 and e2, both in the bucket at T0 + 5 min
    // A time before what was forgotten opens its bucket again.
    assertThat(buckets.add(h("again"), T0)).isTrue();
    assertThat(buckets.oldestStart()).isEqualTo(T0);
  }

  @Test
  void keepsAnIdBoundByForgettingTheOldestBucketsOfSeveralListsOverOneSet() {
    // As the analytics window does: one list per partition, one set, the oldest buckets of
    // all going first until the set is back within its bound.
    IdSet ids = new IdSet();
    EventTimeBuckets p = new EventTimeBuckets(ids, MINUTE);
    EventTimeBuckets q = new EventTimeBuckets(ids, MINUTE);
    for (int i = 0; i < 10; i++) {
      p.add(h("p-" + i), T0 + i * MINUTE);
      q.add(h("q-" + i), T0 + 5 * MINUTE + i * MINUTE);
    }
    int bound = 12;
    while (ids.size() > bound) {
      EventTimeBuckets oldest = p.oldestStart() <= q.oldestStart() ? p : q;
      oldest.forgetOldest();
    }
    assertThat(ids.size()).isEqualTo(bound);
    // Eight oldest gone: p's minutes 0-4, then minutes 5 and 6 of both (p first, as told).
    assertThat(p.oldestStart()).isEqualTo(T0 + 7 * MINUTE);
    assertThat(q.oldestStart()).isEqualTo(T0 + 6 * MINUTE);
    assertThat(ids.containsHash(h("p-6"))).isFalse();
    assertThat(ids.containsHash(h("p-7"))).isTrue();
    assertThat(ids.containsHash(h("q-0"))).isFalse();
    assertThat(ids.containsHash(h("q-1"))).isTrue();
    assertThat(p.forgetOldest()).isEqualTo(T0 + 8 * MINUTE);

    // Forgetting all of one list leaves the other's ids in the set.
    p.forgetAll();
    assertThat(p.isEmpty()).isTrue();
    assertThat(ids.size()).isEqualTo(9);
    assertThat(ids.containsHash(h("q-9"))).isTrue();
    q.forgetAll();
    assertThat(ids.size()).isZero();
  }

  @Test
  void forgetsOnlyItsOwnIdsFromASharedSet() {
    IdSet ids = new IdSet();
    EventTimeBuckets p = new EventTimeBuckets(ids, MINUTE);
    EventTimeBuckets q = new EventTimeBuckets(ids, MINUTE);
    p.add(h("a"), T0);
    q.add(h("b"), T0);
    assertThat(q.add(h("a"), T0 + 1)).as("held already, listed by p").isFalse();
    q.forgetAll();
    assertThat(ids.containsHash(h("a"))).isTrue();
    assertThat(ids.containsHash(h("b"))).isFalse();
    assertThat(p.forgetBefore(T0 + MINUTE)).isEqualTo(T0 + MINUTE);
    assertThat(ids.size()).isZero();
  }

  @Test
  void keepsEveryIdOfABucketThatGrowsPastItsFirstArray() {
    IdSet ids = new IdSet();
    EventTimeBuckets buckets = new EventTimeBuckets(ids, MINUTE);
    for (int i = 0; i < 1_000; i++) {
      buckets.add(h("id-" + i), T0 + i);
    }
    buckets.add(h("later"), T0 + MINUTE);
    assertThat(ids.size()).isEqualTo(1_001);
    buckets.forgetBefore(T0 + MINUTE);
    assertThat(ids.size()).isEqualTo(1);
  }

  @Test
  void refusesABucketOfNoLength() {
    assertThatThrownBy(() -> new EventTimeBuckets(new IdSet(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
