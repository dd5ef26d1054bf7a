package com.towerco.aiops.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Learned state is saved at a rate bounded by the fleet and the interval, oldest change first,
 * however many tasks the fleet is spread over.
 */
class LearnedStateSavesTest {
  private static final Duration ROUND = Duration.ofSeconds(5);
  private static final Duration INTERVAL = Duration.ofMinutes(5);
  private final LearnedStateSaves<String> saves = new LearnedStateSaves<>(ROUND, INTERVAL);

  @Test
  void aFleetOfFiveThousandIsSavedAFewDozenARoundAndWhollyWithinTheInterval() {
    IntStream.range(0, 5_000).forEach(i -> saves.changed("S" + i));

    List<String> first = saves.next(5_000);
    assertThat(first).hasSize(83).startsWith("S0", "S1"); // 5,000 x 5 s / 300 s = 83.3
    Set<String> saved = new HashSet<>(first);
    int rounds = 1;
    while (saves.waiting() > 0) {
      List<String> round = saves.next(5_000);
      assertThat(round).hasSizeBetween(83, 84);
      saved.addAll(round);
      rounds++;
    }
    assertThat(saved).hasSize(5_000);
    assertThat(rounds).isEqualTo(60); // 5 min of 5 s rounds
  }

  @Test
  void aFleetSpreadOverManyTasksIsSavedAtTheFleetsRateNotEveryRound() {
    // 100 sites spread thin over 64 tasks, every site learning all the time
    List<LearnedStateSaves<String>> tasks = new ArrayList<>();
    List<List<String>> owners = new ArrayList<>();
    for (int t = 0; t < 64; t++) {
      tasks.add(new LearnedStateSaves<>(ROUND, INTERVAL));
      owners.add(new ArrayList<>());
    }
    IntStream.range(0, 100).forEach(i -> owners.get(i % 64).add("S" + i));
    int saved = 0;
    Set<String> everSaved = new HashSet<>();
    for (int round = 0; round < 60; round++) { // one interval
      for (int t = 0; t < 64; t++) {
        owners.get(t).forEach(tasks.get(t)::changed);
        List<String> due = tasks.get(t).next(owners.get(t).size());
        saved += due.size();
        everSaved.addAll(due);
      }
    }
    // each site about once per interval (was every round: 6,000 saves)
    assertThat(saved).isBetween(90, 100);
    assertThat(everSaved).hasSize(saved);
  }

  @Test
  void aSmallTaskSavesItsOwnersInTurnAndAChangeKeepsItsPlace() {
    saves.changed("S1");
    saves.changed("S2");
    saves.changed("S1");

    List<String> saved = new ArrayList<>();
    for (int round = 0; round < 60; round++) {
      saved.addAll(saves.next(2));
    }
    assertThat(saved).containsExactly("S1", "S2"); // 2 x 5 s / 300 s a round: one per 150 s
    saves.changed("S2");
    assertThat(saves.all()).containsExactly("S2");
  }

  @Test
  void anIntervalNoLongerThanARoundSavesEveryWaitingOwnerEveryRound() {
    LearnedStateSaves<String> often = new LearnedStateSaves<>(ROUND, Duration.ofSeconds(1));
    often.changed("S1");
    often.changed("S2");

    assertThat(often.next(2)).containsExactly("S1", "S2");
    assertThat(often.next(2)).isEmpty();
  }

  @Test
  void savesNotSpentInAQuietSpellAreNotSavedUpForABurst() {
    for (int round = 0; round < 120; round++) {
      assertThat(saves.next(5_000)).isEmpty();
    }
    IntStream.range(0, 5_000).forEach(i -> saves.changed("S" + i));

    assertThat(saves.next(5_000)).hasSizeLessThanOrEqualTo(167); // two rounds' worth at most
  }
}
