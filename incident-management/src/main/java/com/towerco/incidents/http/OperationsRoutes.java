package com.towerco.incidents.http;

import com.towerco.events.payload.optimization.ApplyOptimization;
import com.towerco.events.payload.optimization.ApproveOptimization;
import com.towerco.events.payload.optimization.OptimizationCommand;
import com.towerco.events.payload.optimization.OptimizationEvent;
import com.towerco.events.payload.refuel.RecordDelivery;
import com.towerco.events.payload.refuel.RefuelCommand;
import com.towerco.events.payload.refuel.RefuelEvent;
import com.towerco.events.payload.optimization.RejectOptimization;
import com.towerco.events.payload.optimization.RollBackOptimization;
import com.towerco.incidents.domain.optimization.Optimization;
import com.towerco.incidents.domain.refuel.Refuel;
import io.javalin.config.RoutesConfig;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Energy optimizations ({@code /api/v1/optimizations}: list, detail, approve, reject, apply,
 * roll-back) and refuel orders ({@code /api/v1/refuels}: list, detail, record a delivery).
 */
final class OperationsRoutes {
  private OperationsRoutes() {}

  static void register(RoutesConfig routes,
      AggregateRoutes<Optimization, OptimizationCommand, OptimizationEvent> optimizations,
      AggregateRoutes<Refuel, RefuelCommand, RefuelEvent> refuels) {
    optimizations.list(routes, Map.<String, BiPredicate<Optimization, String>>of(
        "status", (o, v) -> o.status().wireName().equals(v),
        "site", (o, v) -> o.siteId().equals(v),
        "kind", (o, v) -> o.kind().name().equalsIgnoreCase(v.replace('-', '_'))));
    optimizations.command(routes, "/approve", (id, r) -> new ApproveOptimization(id,
        r.body().expectedVersion(), r.user(), r.body().optionalText("comment")),
        "expected_version", "comment");
    optimizations.command(routes, "/reject", (id, r) -> new RejectOptimization(id,
        r.body().expectedVersion(), r.user(), r.body().text("reason")),
        "expected_version", "reason");
    optimizations.command(routes, "/apply", (id, r) -> new ApplyOptimization(id,
        r.body().expectedVersion(), r.user(), r.body().optionalText("comment")),
        "expected_version", "comment");
    optimizations.command(routes, "/roll-back", (id, r) -> new RollBackOptimization(id,
        r.body().expectedVersion(), r.user(), r.body().text("reason")),
        "expected_version", "reason");

    refuels.list(routes, Map.<String, BiPredicate<Refuel, String>>of(
        "status", (r, v) -> r.status().wireName().equals(v),
        "site", (r, v) -> r.siteId().equals(v)));
    refuels.command(routes, "/deliveries", (id, r) -> new RecordDelivery(id,
        r.body().expectedVersion(), r.user(), r.body().number("litres")),
        "expected_version", "litres");
  }
}
