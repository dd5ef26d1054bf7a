package com.towerco.aiops.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Learned state is saved at a rate bounded by the fleet and the interval, oldest change first. */
class LearnedStateSavesTest {
  private final LearnedStateSaves<String> saves =
      new LearnedStateSaves<>(Duration.ofSeconds(5), Duration.ofMinutes(5));

  @Test
  void aFleetOfFiveThousandIsSavedAFewDozenARoundAndWhollyWithinTheInterval() {
    IntStream.range(0, 5_000).forEach(i -> saves.changed("S" + i));

    List<String> first = saves.next(5_000);
    assertThat(first).hasSize(84).startsWith("S0", "S1"); // ceil(5,000 x 5 s / 300 s)
    Set<String> saved = new HashSet<>(first);
    int rounds = 1;
    while (saves.waiting() > 0) {
      saved.addAll(saves.next(5_000));
      rounds++;
    }
    assertThat(saved).hasSize(5_000);
    assertThat(rounds).isEqualTo(60); // 5 min of 5 s rounds
  }

  @Test
  void aSmallFleetIsSavedWholeEveryRoundAndAChangeKeepsItsPlace() {
    saves.changed("S1");
    saves.changed("S2");
    saves.changed("S1");

    assertThat(saves.next(2)).containsExactly("S1", "S2");
    assertThat(saves.next(2)).isEmpty();
    saves.changed("S2");
    assertThat(saves.all()).containsExactly("S2");
  }
}
