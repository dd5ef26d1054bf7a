package com.towerco.incidents.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.EventCodec;
import com.towerco.events.Json;
import com.towerco.events.payload.Payload;
import com.towerco.incidents.view.AggregateProjection;
import com.towerco.platform.http.ApiException;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.RequestParams;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The API of an operator-only aggregate (energy optimizations, refuel orders): list with
 * filters, one with its full history, and commands that answer with the resulting state. These
 * are the towerco's own operations; tenant users get 403.
 */
final class AggregateRoutes<S, C extends Payload, E extends Payload> {
  private final String base;
  private final String plural;
  private final AggregateProjection<S, C, E> projection;
  private final CommandGateway gateway;
  private final Function<AggregateProjection.Entry<S>, Object> json;
  private final Function<S, String> siteOf;
  private final EventCodec codec;

  AggregateRoutes(String base, String plural, AggregateProjection<S, C, E> projection,
      CommandGateway gateway, Function<AggregateProjection.Entry<S>, Object> json,
      Function<S, String> siteOf, EventCodec codec) {
    this.base = base;
    this.plural = plural;
    this.projection = projection;
    this.gateway = gateway;
    this.json = json;
    this.siteOf = siteOf;
    this.codec = codec;
  }

  /** {@code GET base?filter=...}: each named filter matches the query value against a state. */
  void list(RoutesConfig routes, Map<String, BiPredicate<S, String>> filters) {
    routes.get(base, ctx -> {
      CommandGateway.requireOperator(Caller.of(ctx));
      int limit = RequestParams.of(ctx).limit(200, 1_000);
      List<Object> found = projection.all().stream()
          .filter(e -> filters.entrySet().stream().allMatch(f -> {
            String value = ctx.queryParam(f.getKey());
            return value == null || f.getValue().test(e.state(), value);
          }))
          .limit(limit).map(json).toList();
      ctx.json(Map.of("count", found.size(), plural, found));
    });
    routes.get(base + "/{id}", ctx -> {
      CommandGateway.requireOperator(Caller.of(ctx));
      AggregateProjection.Entry<S> entry = find(ctx);
      List<JsonNode> history = new ArrayList<>();
      entry.history().forEach(e -> {
        try {
          history.add(Json.mapper().readTree(codec.encode(e)));
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
      });
      ctx.json(Map.of("state", json.apply(entry), "events", history));
    });
  }

  /** {@code POST base/{id}/path}: a person's command built from the body. */
  void command(RoutesConfig routes, String path, BiFunction<String, Request, C> build,
      String... fields) {
    routes.post(base + "/{id}" + path, ctx -> {
      Caller caller = Caller.of(ctx);
      CommandGateway.requireOperator(caller);
      String id = RequestParams.pathId(ctx, "id");
      C command = build.apply(id, new Request(RequestBody.of(ctx, fields), caller.user()));
      S state = projection.get(id).map(AggregateProjection.Entry::state).orElse(null);
      gateway.submit(projection.aggregate(), state, command,
          state == null ? "" : siteOf.apply(state), caller);
      ctx.json(json.apply(projection.get(id).orElseThrow()));
    });
  }

  /** What a command route reads from a request. */
  record Request(RequestBody body, String user) {}

  private AggregateProjection.Entry<S> find(Context ctx) {
    String id = RequestParams.pathId(ctx, "id");
    return projection.get(id).orElseThrow(() ->
        ApiException.notFound(projection.aggregate().name() + " " + id));
  }
}
