package com.towerco.incidents.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.incidents.domain.optimization.OptimizationAggregate;
import com.towerco.incidents.domain.refuel.RefuelAggregate;
import com.towerco.platform.runtime.Projection;
import java.time.Duration;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ReadModelsTest {
  @Test
  void theNamesListedWithoutABrokerAreTheProjectionsARebuildOffers() {
    ReadModels models = ReadModels.create(new OptimizationAggregate(Duration.ofDays(7)),
        new RefuelAggregate(), (tenant, site) -> OptionalDouble.empty(), period -> { });
    assertThat(models.all()).extracting(Projection::name)
        .containsExactlyElementsOf(ReadModels.NAMES);
  }
}
