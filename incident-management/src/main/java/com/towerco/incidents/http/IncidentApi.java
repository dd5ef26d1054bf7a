package com.towerco.incidents.http;

import com.towerco.events.EventCodec;
import com.towerco.events.payload.optimization.OptimizationCommand;
import com.towerco.events.payload.optimization.OptimizationEvent;
import com.towerco.events.payload.refuel.RefuelCommand;
import com.towerco.events.payload.refuel.RefuelEvent;
import com.towerco.incidents.domain.optimization.Optimization;
import com.towerco.incidents.domain.refuel.Refuel;
import com.towerco.incidents.domain.incident.IncidentAggregate;
import com.towerco.incidents.stream.CommandBus;
import com.towerco.incidents.view.CommandOutcomes;
import com.towerco.incidents.view.ReadModels;
import com.towerco.platform.http.HttpRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Every route of the incident service, mounted on the process's shared server: incidents
 * (list, detail, history, commands), energy optimizations, refuel orders and SLA reports.
 */
public final class IncidentApi implements HttpRoutes {
  private final IncidentRoutes incidents;
  private final AggregateRoutes<Optimization, OptimizationCommand, OptimizationEvent>
      optimizations;
  private final AggregateRoutes<Refuel, RefuelCommand, RefuelEvent> refuels;
  private final SlaRoutes sla;

  public IncidentApi(ReadModels models, IncidentAggregate incidentAggregate, CommandBus bus,
      CommandOutcomes outcomes, Duration commandTimeout, Clock clock, String operatorTenant,
      EventCodec codec) {
    CommandGateway gateway = new CommandGateway(bus, outcomes, commandTimeout, clock);
    this.incidents = new IncidentRoutes(models.incidents(), incidentAggregate, gateway,
        operatorTenant, codec);
    this.optimizations = new AggregateRoutes<>("/api/v1/optimizations", "optimizations",
        models.optimizations(), gateway, OperationsJson::optimization, o -> o.siteId(), codec);
    this.refuels = new AggregateRoutes<>("/api/v1/refuels", "refuels", models.refuels(),
        gateway, OperationsJson::refuel, r -> r.siteId(), codec);
    this.sla = new SlaRoutes(models.sla(), models.incidents());
  }

  @Override
  public void register(RoutesConfig routes) {
    incidents.register(routes);
    OperationsRoutes.register(routes, optimizations, refuels);
    sla.register(routes);
    routes.exception(CommandGateway.Pending.class, (e, ctx) -> ctx.status(HttpStatus.ACCEPTED)
        .json(Map.of("command_id", e.commandId, "status", "pending",
            "detail", "the command was sent; its outcome is not recorded yet")));
  }
}
