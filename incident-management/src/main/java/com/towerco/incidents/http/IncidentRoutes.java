package com.towerco.incidents.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.EventCodec;
import com.towerco.events.Json;
import com.towerco.events.payload.incident.AcknowledgeIncident;
import com.towerco.events.payload.incident.AddIncidentNote;
import com.towerco.events.payload.incident.AssignIncident;
import com.towerco.events.payload.incident.AssignTechnician;
import com.towerco.events.payload.incident.CancelDispatch;
import com.towerco.events.payload.incident.CloseIncident;
import com.towerco.events.payload.incident.IncidentCommand;
import com.towerco.events.payload.incident.ReopenIncident;
import com.towerco.events.payload.incident.ReportArrival;
import com.towerco.events.payload.incident.ReportWorkDone;
import com.towerco.events.payload.incident.RequestDispatch;
import com.towerco.events.payload.incident.ResolveIncident;
import com.towerco.events.payload.incident.VerifyWork;
import com.towerco.incidents.domain.incident.Incident;
import com.towerco.incidents.domain.incident.IncidentAggregate;
import com.towerco.incidents.view.IncidentProjection;
import com.towerco.incidents.view.IncidentProjection.IncidentRecord;
import com.towerco.platform.access.Viewer;
import com.towerco.platform.access.Visibility;
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
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The incident API. Reads ({@code GET /api/v1/incidents}, {@code /{id}}, {@code /{id}/events})
 * come from the read model, cut to the caller: a tenant user sees only incidents affecting its
 * tenant, as its own topic tells them, and anything else is "not found". Commands (NOC only)
 * are {@code POST}s with the version the caller saw; each answers with the incident once the
 * outcome event exists, 409 for a stale version, 422 for a step that is not allowed.
 */
final class IncidentRoutes {
  static final String BASE = "/api/v1/incidents";
  private static final int MAX_LIMIT = 1_000;

  private final IncidentProjection incidents;
  private final IncidentAggregate aggregate;
  private final CommandGateway gateway;
  private final String operatorTenant;
  private final EventCodec codec;

  IncidentRoutes(IncidentProjection incidents, IncidentAggregate aggregate,
      CommandGateway gateway, String operatorTenant, EventCodec codec) {
    this.incidents = incidents;
    this.aggregate = aggregate;
    this.gateway = gateway;
    this.operatorTenant = operatorTenant;
    this.codec = codec;
  }

  void register(RoutesConfig routes) {
    routes.get(BASE, this::list);
    routes.get(BASE + "/{id}", ctx -> ctx.json(detail(Caller.of(ctx).viewer(), visible(ctx))));
    routes.get(BASE + "/{id}/events", this::events);
    command(routes, "/acknowledge", (id, b) -> new AcknowledgeIncident(id,
        b.body().expectedVersion(), b.user(), b.body().optionalText("comment")),
        "expected_version", "comment");
    command(routes, "/assign", (id, b) -> new AssignIncident(id, b.body().expectedVersion(),
        b.user(), b.body().text("assignee")), "expected_version", "assignee");
    command(routes, "/notes", (id, b) -> new AddIncidentNote(id, b.body().expectedVersion(),
        b.user(), b.body().text("text"), b.body().bool("shared_with_tenants", false)),
        "expected_version", "text", "shared_with_tenants");
    command(routes, "/resolve", (id, b) -> new ResolveIncident(id, b.body().expectedVersion(),
        b.user(), b.body().text("resolution")), "expected_version", "resolution");
    command(routes, "/close", (id, b) -> new CloseIncident(id, b.body().expectedVersion(),
        b.user(), b.body().optionalText("comment")), "expected_version", "comment");
    command(routes, "/reopen", (id, b) -> new ReopenIncident(id, b.body().expectedVersion(),
        b.user(), b.body().text("reason")), "expected_version", "reason");
    command(routes, "/dispatches", (id, b) -> new RequestDispatch(id,
        b.body().expectedVersion(), b.user(), b.body().text("site_id"), b.body().text("reason")),
        "expected_version", "site_id", "reason");
    String dispatch = "/dispatches/{dispatch}";
    command(routes, dispatch + "/technician", (id, b) -> new AssignTechnician(id,
        b.body().expectedVersion(), b.user(), b.dispatch(), b.body().text("technician")),
        "expected_version", "technician");
    command(routes, dispatch + "/arrival", (id, b) -> new ReportArrival(id,
        b.body().expectedVersion(), b.user(), b.dispatch()), "expected_version");
    command(routes, dispatch + "/work-done", (id, b) -> new ReportWorkDone(id,
        b.body().expectedVersion(), b.user(), b.dispatch(), b.body().text("summary")),
        "expected_version", "summary");
    command(routes, dispatch + "/verify", (id, b) -> new VerifyWork(id,
        b.body().expectedVersion(), b.user(), b.dispatch(), b.body().optionalText("comment")),
        "expected_version", "comment");
    command(routes, dispatch + "/cancel", (id, b) -> new CancelDispatch(id,
        b.body().expectedVersion(), b.user(), b.dispatch(), b.body().text("reason")),
        "expected_version", "reason");
  }

  /** What a command route reads from a request. */
  record Request(RequestBody body, String user, String dispatch) {}

  private void command(RoutesConfig routes, String path,
      BiFunction<String, Request, IncidentCommand> build, String... fields) {
    routes.post(BASE + "/{id}" + path, ctx -> {
      Caller caller = Caller.of(ctx);
      CommandGateway.requireOperator(caller);
      String id = RequestParams.pathId(ctx, "id");
      String dispatch = ctx.pathParamMap().containsKey("dispatch")
          ? RequestParams.pathId(ctx, "dispatch") : null;
      IncidentCommand command = build.apply(id,
          new Request(RequestBody.of(ctx, fields), caller.user(), dispatch));
      Incident state = incidents.incident(operatorTenant, id).map(IncidentRecord::state)
          .orElse(null);
      gateway.submit(aggregate, state, command, state == null ? "" : state.rootSiteId(),
          caller);
      ctx.json(detail(caller.viewer(), incidents.incident(operatorTenant, id).orElseThrow()));
    });
  }

  private void list(Context ctx) {
    Caller caller = Caller.of(ctx);
    String status = ctx.queryParam("status");
    String site = ctx.queryParam("site");
    String severity = ctx.queryParam("severity");
    int limit = RequestParams.of(ctx).limit(200, MAX_LIMIT);
    Predicate<IncidentRecord> filter = r -> (status == null
        || r.state().status().wireName().equals(status)
        || status.equals("active") && r.state().status().active())
        && (site == null || r.state().affects(site))
        && (severity == null || r.state().facts().severity().name().equalsIgnoreCase(severity));
    Viewer viewer = caller.viewer();
    List<IncidentJson.Summary> found = incidents.incidents(view(caller)).stream()
        .filter(r -> Visibility.concerns(viewer, r.state().facts().affectedTenants()))
        .filter(filter).limit(limit).map(IncidentJson::summary).toList();
    ctx.json(Map.of("count", found.size(), "incidents", found));
  }

  private void events(Context ctx) {
    IncidentRecord r = visible(ctx);
    Viewer viewer = Caller.of(ctx).viewer();
    List<JsonNode> events = new ArrayList<>();
    r.timeline().stream().filter(e -> IncidentJson.shown(viewer, r, e.payload())).forEach(e -> {
      try {
        events.add(Json.mapper().readTree(codec.encode(IncidentJson.scoped(viewer, r, e))));
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    });
    ctx.json(Map.of("incident_id", r.state().incidentId(), "count", events.size(),
        "events", events));
  }

  private IncidentJson.Detail detail(Viewer viewer, IncidentRecord r) {
    String view = Visibility.tenantScope(viewer, Optional.empty()).orElse(operatorTenant);
    return IncidentJson.detail(viewer, r, incidents.breaches(view, r.state().incidentId())
        .stream().filter(b -> Visibility.ownedBy(viewer, b.tenantId())).toList());
  }

  /** The incident as the caller's topic tells it, if the policy lets the caller see it. */
  private IncidentRecord visible(Context ctx) {
    String id = RequestParams.pathId(ctx, "id");
    Caller caller = Caller.of(ctx);
    return incidents.incident(view(caller), id)
        .filter(r -> Visibility.concerns(caller.viewer(), r.state().facts().affectedTenants()))
        .orElseThrow(() -> ApiException.notFound("incident " + id));
  }

  /** A tenant reads its own lifecycle topic's view; the NOC the operator's. */
  private String view(Caller caller) {
    return Visibility.tenantScope(caller.viewer(), Optional.empty()).orElse(operatorTenant);
  }
}
