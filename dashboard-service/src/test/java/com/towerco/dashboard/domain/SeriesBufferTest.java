package com.towerco.dashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeriesBufferTest {
  @Test
  void keepsOnePointPerBucketTheLatestReadingWinning() {
    SeriesBuffer buffer = new SeriesBuffer(10, 10_000);
    buffer.add(1_000, 1);
    buffer.add(5_000, 2);
    buffer.add(3_000, 9); // older than the kept reading of its bucket
    buffer.add(12_000, 3);

    SeriesBuffer.Series series = buffer.snapshot(Long.MIN_VALUE);
    assertThat(series.t()).containsExactly(5_000, 12_000);
    assertThat(series.v()).containsExactly(2, 3);
  }

  @Test
  void holdsAtMostItsCapacityDroppingTheOldest() {
    SeriesBuffer buffer = new SeriesBuffer(3, 1_000);
    for (int i = 0; i < 10; i++) {
      buffer.add(i * 1_000L, i);
    }
    assertThat(buffer.size()).isEqualTo(3);
    assertThat(buffer.snapshot(Long.MIN_VALUE).v()).containsExactly(7, 8, 9);
  }

  @Test
  void putsLateReadingsInTimeOrder() {
    SeriesBuffer buffer = new SeriesBuffer(4, 1_000);
    buffer.add(1_000, 1);
    buffer.add(4_000, 4);
    buffer.add(2_000, 2);
    buffer.add(3_000, 3);
    buffer.add(500, 0); // full, and older than everything kept
    buffer.add(5_000, 5);

    assertThat(buffer.snapshot(Long.MIN_VALUE).t()).containsExactly(2_000, 3_000, 4_000, 5_000);
    assertThat(buffer.snapshot(3_000).v()).containsExactly(3, 4, 5);
  }
}
