package com.towerco.analytics.http;

import com.towerco.analytics.domain.KpiHistory;
import com.towerco.analytics.domain.KpiMeasure;
import com.towerco.analytics.domain.SlaReport;
import com.towerco.analytics.domain.TimeRange;
import com.towerco.analytics.jdbc.AnalyticsQueries;
import com.towerco.analytics.jdbc.SlaQueries;
import com.towerco.platform.access.Visibility;
import com.towerco.platform.http.ApiException;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.HttpRoutes;
import com.towerco.platform.http.RequestParams;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The analytics query API under {@code /api/v1/analytics}. Every handler scopes its query by
 * the caller: a tenant user only ever reads rows of its own tenant (403 for another tenant's
 * resources, 404 for a site where it has no tenancy); operators see all, optionally narrowed
 * with {@code tenant=}.
 *
 * <pre>
 * GET kpi-history/sites/{siteId}?kpi&amp;from&amp;to&amp;bucket[&amp;tenant]
 * GET kpi-history/tenants/{tenantId}?kpi&amp;from&amp;to&amp;bucket
 * GET kpi-history/regions/{region}?kpi&amp;from&amp;to&amp;bucket[&amp;tenant]
 * GET downtime/top-sites?from&amp;to[&amp;limit][&amp;tenant][&amp;region]
 * GET reliability?from&amp;to&amp;group_by=tenant|region[&amp;tenant]
 * GET alarms/by-probable-cause?from&amp;to[&amp;region][&amp;site]
 * GET sla-reports/{tenantId}/{month}[?format=csv]   (or Accept: text/csv)
 * GET ingestion                                      (operators)
 * </pre>
 */
public final class AnalyticsRoutes implements HttpRoutes {
  public static final String BASE = "/api/v1/analytics";

  private final AnalyticsQueries queries;
  private final SlaQueries sla;
  private final Supplier<Map<String, Object>> ingestionStatus;

  public AnalyticsRoutes(AnalyticsQueries queries, SlaQueries sla,
      Supplier<Map<String, Object>> ingestionStatus) {
    this.queries = queries;
    this.sla = sla;
    this.ingestionStatus = ingestionStatus;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(BASE + "/kpi-history/sites/{siteId}", this::siteHistory);
    routes.get(BASE + "/kpi-history/tenants/{tenantId}", this::tenantHistory);
    routes.get(BASE + "/kpi-history/regions/{region}", this::regionHistory);
    routes.get(BASE + "/downtime/top-sites", this::topDowntime);
    routes.get(BASE + "/reliability", this::reliability);
    routes.get(BASE + "/alarms/by-probable-cause", this::alarms);
    routes.get(BASE + "/sla-reports/{tenantId}/{month}", this::slaReport);
    routes.get(BASE + "/ingestion", this::ingestion);
  }

  private void siteHistory(Context ctx) {
    Caller caller = Caller.of(ctx);
    String site = RequestParams.pathId(ctx, "siteId");
    Optional<String> tenant = Params.tenantScope(caller, RequestParams.of(ctx).id("tenant"));
    if (!Visibility.operatorOnly(caller.viewer())
        && !queries.hasTenancy(tenant.orElseThrow(), site)) {
      throw ApiException.notFound("site " + site);
    }
    history(ctx, KpiHistory.Level.SITE, site, tenant);
  }

  private void tenantHistory(Context ctx) {
    String tenant = RequestParams.pathId(ctx, "tenantId");
    Params.requireVisible(Caller.of(ctx), tenant);
    history(ctx, KpiHistory.Level.TENANT, tenant, Optional.of(tenant));
  }

  private void regionHistory(Context ctx) {
    String region = RequestParams.pathId(ctx, "region");
    Optional<String> tenant = Params.tenantScope(Caller.of(ctx),
        RequestParams.of(ctx).id("tenant"));
    history(ctx, KpiHistory.Level.REGION, region, tenant);
  }

  private void history(Context ctx, KpiHistory.Level level, String id,
      Optional<String> tenant) {
    KpiMeasure kpi = kpi(ctx);
    TimeRange range = Params.range(ctx);
    Duration bucket = Params.bucket(ctx, range);
    ctx.json(queries.kpiHistory(level, id, tenant, kpi, range, bucket));
  }

  private static KpiMeasure kpi(Context ctx) {
    String name = ctx.queryParam("kpi");
    if (name == null) {
      throw Params.bad("query parameter 'kpi' is required");
    }
    try {
      return KpiMeasure.parse(name);
    } catch (IllegalArgumentException e) {
      throw Params.bad(e.getMessage());
    }
  }

  private void topDowntime(Context ctx) {
    Optional<String> tenant = Params.tenantScope(Caller.of(ctx),
        RequestParams.of(ctx).id("tenant"));
    Optional<String> region = RequestParams.of(ctx).id("region");
    TimeRange range = Params.range(ctx);
    int limit = RequestParams.of(ctx).limit(10, 1_000);
    Map<String, Object> body = header(range, tenant);
    region.ifPresent(r -> body.put("region", r));
    body.put("sites", queries.topDowntime(range, tenant, region, limit));
    ctx.json(body);
  }

  private void reliability(Context ctx) {
    Optional<String> tenant = Params.tenantScope(Caller.of(ctx),
        RequestParams.of(ctx).id("tenant"));
    String groupBy = Optional.ofNullable(ctx.queryParam("group_by")).orElse("tenant");
    if (!groupBy.equals("tenant") && !groupBy.equals("region")) {
      throw Params.bad("group_by must be tenant or region");
    }
    TimeRange range = Params.range(ctx);
    Map<String, Object> body = header(range, tenant);
    body.put("group_by", groupBy);
    body.put("groups", queries.reliability(range, groupBy.equals("region"), tenant));
    ctx.json(body);
  }

  private void alarms(Context ctx) {
    Optional<String> tenant = Params.tenantScope(Caller.of(ctx), Optional.empty());
    Optional<String> region = RequestParams.of(ctx).id("region");
    Optional<String> site = RequestParams.of(ctx).id("site");
    TimeRange range = Params.range(ctx);
    Map<String, Object> body = header(range, tenant);
    body.put("probable_causes", queries.alarmsByProbableCause(range, tenant, region, site));
    ctx.json(body);
  }

  private void slaReport(Context ctx) {
    String tenant = RequestParams.pathId(ctx, "tenantId");
    Params.requireVisible(Caller.of(ctx), tenant);
    var month = Params.month(ctx.pathParam("month"));
    String format = Optional.ofNullable(ctx.queryParam("format"))
        .orElse(String.valueOf(ctx.header("Accept")).contains("text/csv") ? "csv" : "json");
    if (!format.equals("json") && !format.equals("csv")) {
      throw Params.bad("format must be json or csv");
    }
    SlaReport report = sla.monthlyReport(tenant, month);
    if (format.equals("csv")) {
      ctx.contentType("text/csv; charset=utf-8")
          .header("Content-Disposition",
              "attachment; filename=\"sla-" + tenant + "-" + month + ".csv\"")
          .result(SlaCsv.write(report));
    } else {
      ctx.json(report);
    }
  }

  private void ingestion(Context ctx) {
    Visibility.requireOperator(Caller.of(ctx).viewer());
    ctx.json(ingestionStatus.get());
  }

  private static Map<String, Object> header(TimeRange range, Optional<String> tenant) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", range.from());
    body.put("to", range.to());
    tenant.ifPresent(t -> body.put("tenant", t));
    return body;
  }
}
