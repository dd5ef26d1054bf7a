package com.towerco.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every event type and version has a sample, and every sample belongs to one. */
class SampleCoverageTest {
  @Test
  void everyTypeAndVersionHasAValidSampleAndNoSampleIsStray() {
    Set<String> types = new TreeSet<>();
    EventTypes.all().forEach(t -> types.add(t.name() + " " + t.version()));
    Set<String> sampled = new TreeSet<>();
    Samples.all().forEach(s -> sampled.add(s.type() + " " + s.version()));

    assertThat(sampled).as("add src/test/resources/samples/<type>/<version>.json for")
        .containsAll(types);
    assertThat(types).as("samples of no known type and version").containsAll(sampled);
  }
}
