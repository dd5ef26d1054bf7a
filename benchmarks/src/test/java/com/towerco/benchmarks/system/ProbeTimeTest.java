package com.towerco.benchmarks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProbeTimeTest {
  private static final Instant START = Instant.parse("2026-12-07T06:00:00Z");

  @Test
  void eachSitesReadingsAreOneSecondApartHoweverFastTheyAreSent() {
    ProbeTime time = ProbeTime.asTheDrain(START, 100);
    // readings 0..99 are one per site; 100..199 the next second's
    assertThat(time.at(0)).isEqualTo(START);
    assertThat(time.at(99)).isEqualTo(START);
    assertThat(time.at(100)).isEqualTo(START.plusSeconds(1));
    assertThat(time.at(3_000)).isEqualTo(START.plusSeconds(30));
  }

  @Test
  void theNextPhaseGoesOnAfterTheLastReadingOfTheLastOne() {
    ProbeTime time = ProbeTime.asTheDrain(START, 100);
    time.phaseEnded(250); // readings up to 249: the last at START + 2 s
    assertThat(time.at(0)).isEqualTo(START.plusSeconds(3));
    time.phaseEnded(100);
    assertThat(time.at(0)).isEqualTo(START.plusSeconds(5));
  }
}
