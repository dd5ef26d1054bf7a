package com.towerco.incidents.stream;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * The views' benchmark measures what it says: every record of its polls takes the projected
 * path (a declined one fails its tear-down), and the handler's watchers run on them.
 */
class ViewRecordBenchmarkTest {
  @Test
  void everyReadingIsAppliedUndecoded() {
    ViewRecordBenchmark benchmark = new ViewRecordBenchmark();
    benchmark.setUp();
    assertThatCode(() -> {
      for (int i = 0; i < 200; i++) { // 400,000 readings, over a day of event time
        benchmark.pollOfReadings();
      }
      benchmark.tearDown();
    }).doesNotThrowAnyException();
  }
}
