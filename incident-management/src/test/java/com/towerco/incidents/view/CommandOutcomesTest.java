package com.towerco.incidents.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A request waiting for its command's outcome wakes the paced read model that reports it
 * (ADR-025): the view must not sleep out its round while one waits.
 */
class CommandOutcomesTest {

  @Test
  void aRequestThatStartsToWaitWakesTheViewAndKeepsItReadingUntilItIsDone() {
    AtomicInteger wakes = new AtomicInteger();
    CommandOutcomes outcomes = new CommandOutcomes().whenWaited(wakes::incrementAndGet);
    assertThat(outcomes.anyWaiting()).isFalse();

    outcomes.expect("c1");
    assertThat(wakes).hasValue(1);
    assertThat(outcomes.anyWaiting()).isTrue();

    outcomes.forget("c1");
    assertThat(outcomes.anyWaiting()).isFalse();
  }
}
