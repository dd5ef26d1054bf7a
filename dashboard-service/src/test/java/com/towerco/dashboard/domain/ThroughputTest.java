package com.towerco.dashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThroughputTest {
  @Test
  void measuresTheRateOverTheTrailingWindowFromRunningTotals() {
    Throughput throughput = new Throughput(60_000);
    assertThat(throughput.rate("kpi").inPerSecond()).isZero();
    for (int second = 0; second <= 120; second += 5) {
      // 100 events/s in the first minute, 10 events/s in the second
      long in = second <= 60 ? second * 100L : 6_000 + (second - 60) * 10L;
      throughput.record("kpi", new Throughput.Sample(second * 1000L, in, in / 2));
    }
    Throughput.Rate rate = throughput.rate("kpi");
    assertThat(rate.overSeconds()).isEqualTo(60.0);
    assertThat(rate.inPerSecond()).isEqualTo(10.0);
    assertThat(rate.outPerSecond()).isEqualTo(5.0);
  }

  @Test
  void ignoresASampleThatIsNotNewer() {
    Throughput throughput = new Throughput(60_000);
    throughput.record("aiops", new Throughput.Sample(1_000, 10, 0));
    throughput.record("aiops", new Throughput.Sample(2_000, 20, 0));
    throughput.record("aiops", new Throughput.Sample(2_000, 999, 0));
    assertThat(throughput.rate("aiops").inPerSecond()).isEqualTo(10.0);
  }
}
