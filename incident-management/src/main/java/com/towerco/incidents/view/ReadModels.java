package com.towerco.incidents.view;

import com.towerco.events.payload.optimization.OptimizationCommand;
import com.towerco.events.payload.optimization.OptimizationEvent;
import com.towerco.events.payload.refuel.RefuelCommand;
import com.towerco.events.payload.refuel.RefuelEvent;
import com.towerco.incidents.domain.optimization.Optimization;
import com.towerco.incidents.domain.optimization.OptimizationAggregate;
import com.towerco.incidents.domain.refuel.Refuel;
import com.towerco.incidents.domain.refuel.RefuelAggregate;
import com.towerco.incidents.domain.sla.SlaPeriod;
import com.towerco.platform.runtime.Projection;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The service's read models: incidents (with tenant views and SLA breaches), energy
 * optimizations, refuel orders and the tenant SLA clocks. The live set is fed by the view feed;
 * a fresh set (no breach listener) is what a rebuild fills.
 */
public record ReadModels(
    IncidentProjection incidents,
    AggregateProjection<Optimization, OptimizationCommand, OptimizationEvent> optimizations,
    AggregateProjection<Refuel, RefuelCommand, RefuelEvent> refuels,
    SlaProjection sla) {

  public static final String OPTIMIZATIONS = "optimizations";
  public static final String REFUELS = "refuels";

  public static ReadModels create(OptimizationAggregate optimizations, RefuelAggregate refuels,
      BiFunction<String, String, OptionalDouble> slaTargets, Consumer<SlaPeriod> onBreach) {
    return new ReadModels(new IncidentProjection(),
        new AggregateProjection<>(OPTIMIZATIONS, optimizations),
        new AggregateProjection<>(REFUELS, refuels), new SlaProjection(slaTargets, onBreach));
  }

  /** The names of {@link #all()}, in the same order, for listing without building them. */
  public static final List<String> NAMES = List.of(IncidentProjection.NAME, OPTIMIZATIONS,
      REFUELS, SlaProjection.NAME);

  public List<Projection> all() {
    return List.of(incidents, optimizations, refuels, sla);
  }
}
