package com.towerco.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.Json;
import com.towerco.platform.access.Visibility;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.HttpRoutes;
import com.towerco.simulator.Simulator;
import com.towerco.simulator.domain.Fault;
import com.towerco.simulator.domain.FaultSpec;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulator's HTTP API, for NOC operators only (the report is the ground truth of every
 * tenant): {@code GET /api/v1/simulator/report} (JSON, or text with {@code ?format=text}) and
 * {@code POST /api/v1/simulator/faults} with a spec such as {@code mains-outage:S0003@0+1h}
 * (plain text, or JSON {@code {"spec": "..."}}), its offset counted from the current simulated
 * time; answers 201 with the injection's id and simulated start.
 */
public final class SimulatorRoutes implements HttpRoutes {
  public static final String REPORT = "/api/v1/simulator/report";
  public static final String FAULTS = "/api/v1/simulator/faults";

  private final Simulator simulator;

  public SimulatorRoutes(Simulator simulator) {
    this.simulator = simulator;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(REPORT, ctx -> {
      requireOperator(ctx);
      if ("text".equals(ctx.queryParam("format"))) {
        ctx.contentType("text/plain; charset=utf-8").result(simulator.report().toText());
      } else {
        ctx.json(simulator.report());
      }
    });
    routes.post(FAULTS, ctx -> {
      requireOperator(ctx);
      Fault fault = simulator.inject(FaultSpec.parse(specOf(ctx)));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", fault.id());
      body.put("spec", fault.spec().toString());
      body.put("start", Instant.ofEpochMilli(fault.startMillis()).toString());
      ctx.status(HttpStatus.CREATED).json(body);
    });
  }

  private static void requireOperator(Context ctx) {
    Visibility.requireOperator(Caller.of(ctx).viewer());
  }

  private static String specOf(Context ctx) {
    String body = ctx.body().trim();
    if (!body.startsWith("{")) {
      return body;
    }
    try {
      JsonNode spec = Json.mapper().readTree(body).get("spec");
      if (spec == null || !spec.isTextual()) {
        throw new IllegalArgumentException("expected {\"spec\": \"" + FaultSpec.EXAMPLE + "\"}");
      }
      return spec.asText();
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed JSON body: " + e.getMessage());
    }
  }
}
