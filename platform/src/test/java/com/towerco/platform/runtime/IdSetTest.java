package com.towerco.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdSetTest {
  @Test
  void remembersEveryIdAddedAcrossGrowthAndAddsEachOnce() {
    IdSet ids = new IdSet();
    for (int i = 0; i < 10_000; i++) {
      assertThat(ids.add("cmd-" + i)).isTrue();
    }
    assertThat(ids.add("cmd-42")).as("a repeat").isFalse();
    assertThat(ids.size()).isEqualTo(10_000);
    assertThat(ids.contains("cmd-9999")).isTrue();
    assertThat(ids.contains("cmd-10000")).isFalse();
    assertThat(IdSet.hash("")).as("never the empty slot").isNotZero();
  }

  @Test
  void removesAnIdAndStillFindsEveryOtherOneOfItsProbeRun() {
    IdSet ids = new IdSet();
    for (int i = 0; i < 5_000; i++) {
      ids.add("evt-" + i);
    }
    for (int i = 0; i < 5_000; i += 3) {
      assertThat(ids.remove("evt-" + i)).isTrue();
    }
    assertThat(ids.remove("evt-0")).as("already gone").isFalse();
    for (int i = 0; i < 5_000; i++) {
      assertThat(ids.contains("evt-" + i)).as("evt-%d", i).isEqualTo(i % 3 != 0);
    }
    assertThat(ids.size()).isEqualTo(5_000 - 1_667);
    assertThat(ids.add("evt-3")).as("a removed id is new again").isTrue();
  }
}
