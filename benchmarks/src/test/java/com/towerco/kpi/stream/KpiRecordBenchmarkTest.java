package com.towerco.kpi.stream;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The KPI calculator's benchmark measures what it says: every record of its polls takes the
 * projected path, none is late, and event time closes windows (its tear-down fails otherwise).
 */
class KpiRecordBenchmarkTest {
  @Test
  void everyReadingIsHandledUndecodedAndWindowsClose() {
    KpiRecordBenchmark benchmark = new KpiRecordBenchmark();
    benchmark.setUp();
    Blackhole bh = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    assertThatCode(() -> {
      for (int i = 0; i < 200; i++) { // 400,000 readings, over an hour of event time
        benchmark.pollOfReadings(bh);
      }
      benchmark.tearDown();
    }).doesNotThrowAnyException();
  }
}
