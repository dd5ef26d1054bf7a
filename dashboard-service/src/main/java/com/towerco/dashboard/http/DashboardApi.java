package com.towerco.dashboard.http;

import com.towerco.dashboard.domain.AlertView;
import com.towerco.dashboard.domain.IncidentSummary;
import com.towerco.dashboard.domain.Queries;
import com.towerco.dashboard.domain.ReadQueries;
import com.towerco.dashboard.domain.SiteStatus;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.platform.access.Viewer;
import com.towerco.platform.http.ApiException;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.RequestParams;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's JSON API under {@code /api/v1/}: sites (overview and detail), KPIs, alerts
 * and incidents, each answer cut to the caller (a tenant user sees its own tenancies only; a
 * site or incident it may not see is "not found").
 */
public final class DashboardApi {
  public static final String BASE = "/api/v1";
  private static final int MAX_LIMIT = 1_000;

  private final ReadQueries queries;

  public DashboardApi(ReadQueries queries) {
    this.queries = queries;
  }

  public void register(RoutesConfig routes) {
    routes.get(BASE + "/sites", this::sites);
    routes.get(BASE + "/sites/{id}", this::site);
    routes.get(BASE + "/facets", this::facets);
    routes.get(BASE + "/fleet", this::fleet);
    routes.get(BASE + "/kpis", this::kpis);
    routes.get(BASE + "/alerts", this::alerts);
    routes.get(BASE + "/dashboard/incidents", this::incidents);
    routes.get(BASE + "/dashboard/incidents/{id}", this::incident);
  }

  private void sites(Context ctx) {
    Viewer viewer = Caller.of(ctx).viewer();
    RequestParams q = RequestParams.strict(ctx, "region", "tenant", "state");
    respond(ctx, queries.sites(viewer, new Queries.Sites(q.id("region").orElse(null),
        q.tenantFilter(viewer).orElse(null),
        q.oneOf("state", SiteStatus.values(), SiteStatus::wireName).orElse(null))));
  }

  private void fleet(Context ctx) {
    Viewer viewer = Caller.of(ctx).viewer();
    RequestParams q = RequestParams.strict(ctx, "tenant");
    respond(ctx, queries.fleet(viewer, q.tenantFilter(viewer).orElse(null)));
  }

  private void site(Context ctx) {
    Viewer viewer = Caller.of(ctx).viewer();
    RequestParams.strict(ctx);
    String id = RequestParams.pathId(ctx, "id");
    respond(ctx, queries.site(viewer, id).orElseThrow(() -> ApiException.notFound("site " + id)));
  }

  private void facets(Context ctx) {
    RequestParams.strict(ctx);
    respond(ctx, queries.facets(Caller.of(ctx).viewer()));
  }

  private void kpis(Context ctx) {
    Viewer viewer = Caller.of(ctx).viewer();
    RequestParams q = RequestParams.strict(ctx, "site", "tenant", "scope");
    var kpis = queries.kpis(viewer, new Queries.Kpis(q.id("site").orElse(null),
        q.tenantFilter(viewer).orElse(null), q.oneOf("scope", KpiComputed.KpiScope.values(),
            s -> s.name().toLowerCase(Locale.ROOT)).orElse(null)));
    respond(ctx, Map.of("count", kpis.size(), "kpis", kpis));
  }

  private void alerts(Context ctx) {
    Viewer viewer = Caller.of(ctx).viewer();
    RequestParams q = RequestParams.strict(ctx, "state", "site", "tenant", "limit");
    var alerts = queries.alerts(viewer, new Queries.Alerts(
        q.oneOf("state", AlertView.State.values(), AlertView.State::wireName).orElse(null),
        q.id("site").orElse(null), q.tenantFilter(viewer).orElse(null),
        q.limit(200, MAX_LIMIT)));
    respond(ctx, Map.of("count", alerts.size(), "alerts", alerts));
  }

  private void incidents(Context ctx) {
    Viewer viewer = Caller.of(ctx).viewer();
    RequestParams q = RequestParams.strict(ctx, "state", "site", "tenant", "limit");
    var incidents = queries.incidents(viewer, new Queries.Incidents(
        q.oneOf("state", IncidentSummary.State.values(), IncidentSummary.State::wireName)
            .orElse(null),
        q.id("site").orElse(null), q.tenantFilter(viewer).orElse(null),
        q.limit(200, MAX_LIMIT)));
    respond(ctx, Map.of("count", incidents.size(), "incidents", incidents));
  }

  private void incident(Context ctx) {
    Viewer viewer = Caller.of(ctx).viewer();
    RequestParams.strict(ctx);
    String id = RequestParams.pathId(ctx, "id");
    respond(ctx, queries.incident(viewer, id)
        .orElseThrow(() -> ApiException.notFound("incident " + id)));
  }

  /** Tenant data is never kept by browsers or proxies. */
  private static void respond(Context ctx, Object body) {
    ctx.header("Cache-Control", "no-store");
    ctx.json(body);
  }
}
