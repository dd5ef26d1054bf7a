package com.towerco.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Same config, seed and start give the same bytes; the wall clock has no say. */
class DeterminismTest {
  @Test
  void theSameSeedGivesByteIdenticalEvents() {
    assertThat(SimulationDigest.of(SimulationDigest.reference(7)))
        .isEqualTo(SimulationDigest.of(SimulationDigest.reference(7)));
  }

  @Test
  void anotherSeedGivesOtherEvents() {
    assertThat(SimulationDigest.of(SimulationDigest.reference(8)))
        .isNotEqualTo(SimulationDigest.of(SimulationDigest.reference(7)));
  }

  @Test
  void anotherJvmProducesTheSameBytes() throws IOException, InterruptedException {
    String classpath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-cp", classpath,
        SimulationDigest.class.getName(), "7")).redirectErrorStream(true).start();
    String output;
    try (var in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output).isEqualTo(SimulationDigest.of(SimulationDigest.reference(7)));
  }
}
