package com.towerco.incidents.stream;

import com.towerco.events.EventIds;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.optimization.ProposeOptimization;
import com.towerco.incidents.domain.optimization.BatteryHealth;
import com.towerco.incidents.domain.optimization.EnergyAdvisor;
import com.towerco.incidents.domain.optimization.EnergyLedger;
import com.towerco.incidents.domain.optimization.Optimization;
import com.towerco.incidents.domain.optimization.OptimizationStatus;
import com.towerco.incidents.domain.optimization.SavingsVerifier;
import com.towerco.incidents.view.AggregateProjection;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Derives the energy optimizations' commands from events: each completed day of a site's KPI
 * windows goes through the {@link EnergyAdvisor}; telemetry discharges feed the battery health
 * estimate; and once the KPI stream of a site has passed an applied optimization's measurement
 * window, the {@link SavingsVerifier} reports the savings. Command ids derive from what they
 * are about, so the same finding sent again (by a replay, or another instance) is recorded once.
 */
final class EnergyWatch {
  private final EnergyLedger ledger = new EnergyLedger();
  private final BatteryHealth batteries = new BatteryHealth();
  private final EnergyAdvisor advisor = new EnergyAdvisor();
  private final Function<String, Optional<EnergyAdvisor.SiteSpec>> specs;
  private final AggregateProjection<Optimization, ?, ?> optimizations;
  private final CommandBus bus;

  EnergyWatch(Function<String, Optional<EnergyAdvisor.SiteSpec>> specs,
      AggregateProjection<Optimization, ?, ?> optimizations, CommandBus bus) {
    this.specs = specs;
    this.optimizations = optimizations;
    this.bus = bus;
  }

  void kpi(KpiComputed kpi) {
    if (kpi.scope() != KpiComputed.KpiScope.SITE) {
      return;
    }
    String site = kpi.siteId();
    Optional<EnergyAdvisor.SiteSpec> spec = specs.apply(site);
    for (EnergyLedger.Day day : ledger.add(site, kpi)) {
      spec.ifPresent(s -> advisor.onDay(site, day, s).forEach(p -> propose(p, kpi.windowEnd())));
    }
    Instant streamTime = ledger.streamTime(site);
    for (AggregateProjection.Entry<Optimization> entry : optimizations.all()) {
      Optimization o = entry.state();
      if (o.status() == OptimizationStatus.APPLIED && o.siteId().equals(site)) {
        SavingsVerifier.measure(o, ledger.days(site), streamTime).ifPresent(v -> bus.send(
            EventIds.derived("optimization.verify", o.optimizationId(), o.appliedAt().toString()),
            v, streamTime, site, Map.of(Metadata.CORRELATION_ID, o.optimizationId())));
      }
    }
  }

  /** A reading's battery current (A, negative discharging) and state of charge (%). */
  void telemetry(String siteId, Instant at, double batteryCurrentA, double batterySocPct) {
    Optional<EnergyAdvisor.SiteSpec> spec = specs.apply(siteId);
    if (spec.isEmpty()) {
      return;
    }
    batteries.reading(siteId, at, batteryCurrentA, batterySocPct, spec.get().batteryAh()).ifPresent(estimate ->
            advisor.onBatteryHealth(siteId, estimate).forEach(p -> propose(p, at)));
  }

  private void propose(ProposeOptimization proposal, Instant at) {
    Optional<Optimization> known = optimizations.get(proposal.optimizationId())
        .map(AggregateProjection.Entry::state);
    if (known.isPresent() && (!known.get().status().terminal()
        || known.get().updatedAt().isAfter(proposal.observedOn()))) {
      return; // in progress, or decided after this evidence: the aggregate would ignore it
    }
    bus.send(EventIds.derived("optimization.propose", proposal.optimizationId(),
        proposal.observedOn().toString()), proposal, at, proposal.siteId(),
        Map.of(Metadata.CORRELATION_ID, proposal.optimizationId()));
  }
}
