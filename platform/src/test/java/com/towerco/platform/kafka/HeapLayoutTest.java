package com.towerco.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapLayoutTest {
  @Test
  void aFetchResponseStaysUnderHalfTheLaunchersRegion() {
    assertThat(HeapLayout.largestFetchResponse()).isLessThan(HeapLayout.REGION_BYTES / 2);
    assertThat(HeapLayout.check(true, HeapLayout.REGION_BYTES)).isEmpty();
    assertThat(HeapLayout.check(true, 32L << 20)).isEmpty();
  }

  @Test
  void warnsWhenG1RegionsMakeFetchResponsesHumongous() {
    assertThat(HeapLayout.check(true, 1L << 20)).hasValueSatisfying(warning -> assertThat(warning)
        .contains("G1 regions of 1024 KB", "over 512 KB", "-XX:G1HeapRegionSize=4m"));
    assertThat(HeapLayout.check(true, 2L << 20)).isPresent();
  }

  @Test
  void saysNothingForOtherCollectors() {
    assertThat(HeapLayout.check(false, 1L << 20)).isEmpty();
    assertThat(HeapLayout.check()).as("this JVM: whatever it runs, the check itself works")
        .isNotNull();
  }
}
