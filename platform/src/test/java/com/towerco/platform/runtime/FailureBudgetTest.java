package com.towerco.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureBudgetTest {
  @Test
  void allowsAFewFailuresInTheWindowThenRefusesUntilTheyAgeOut() {
    FailureBudget budget = new FailureBudget(3, Duration.ofMinutes(5));
    assertThat(budget.recordAndAllow(0)).isTrue();
    assertThat(budget.recordAndAllow(1_000)).isTrue();
    assertThat(budget.recordAndAllow(2_000)).isTrue();
    assertThat(budget.recordAndAllow(3_000)).as("a fourth failure within 5 minutes").isFalse();
    assertThat(budget.recordAndAllow(301_500))
        .as("the first three have aged out; this and the fourth remain").isTrue();
  }
}
