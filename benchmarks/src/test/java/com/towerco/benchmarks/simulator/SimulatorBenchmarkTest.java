package com.towerco.benchmarks.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.simulator.domain.SimulatorConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorBenchmarkTest {
  @Test
  void theBenchmarkMeasuresARate() {
    SimulatorConfig fleet = SimulatorConfig.defaults().withSites(12).withLayout(2, 6)
        .withRate(0.1).asFastAsPossible();
    SimulatorBenchmark.Result result = SimulatorBenchmark.measure(fleet,
        Duration.ofMillis(50), Duration.ofMillis(200), true);

    assertThat(result.events()).isPositive();
    assertThat(result.eventsPerSecond()).isPositive();
  }
}
