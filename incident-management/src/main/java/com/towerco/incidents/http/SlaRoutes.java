package com.towerco.incidents.http;

import com.towerco.incidents.domain.incident.Incident;
import com.towerco.incidents.domain.sla.SlaReport;
import com.towerco.incidents.view.IncidentProjection;
import com.towerco.incidents.view.SlaProjection;
import com.towerco.platform.access.Visibility;
import com.towerco.platform.http.ApiException;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.RequestParams;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A tenant's monthly SLA report: {@code GET /api/v1/sla/{tenant}?month=2026-11} as JSON and
 * {@code GET /api/v1/sla/{tenant}.csv?month=2026-11} as CSV, with the evidence (outages,
 * incidents, root causes) from the tenant's own incident view. A tenant user may only ask for
 * its own tenant; without {@code month}, the newest month with data.
 */
final class SlaRoutes {
  static final String BASE = "/api/v1/sla";

  private final SlaProjection sla;
  private final IncidentProjection incidents;

  SlaRoutes(SlaProjection sla, IncidentProjection incidents) {
    this.sla = sla;
    this.incidents = incidents;
  }

  void register(RoutesConfig routes) {
    routes.get(BASE + "/{tenant}", this::report);
  }

  private void report(Context ctx) {
    String requested = RequestParams.pathId(ctx, "tenant");
    boolean csv = requested.endsWith(".csv");
    String tenant = csv ? requested.substring(0, requested.length() - 4) : requested;
    if (!Visibility.ownedBy(Caller.of(ctx).viewer(), tenant)) {
      throw ApiException.notFound("tenant " + tenant);
    }
    YearMonth month = month(ctx, tenant);
    SlaReport report = SlaReport.build(tenant, month, sla.periods(tenant, month),
        incidents.incidents(tenant).stream().map(r -> ref(r.state())).toList());
    if (csv) {
      ctx.contentType("text/csv; charset=utf-8")
          .header("Content-Disposition",
              "attachment; filename=\"sla-" + tenant + "-" + month + ".csv\"")
          .result(report.csv());
    } else {
      ctx.json(report);
    }
  }

  private YearMonth month(Context ctx, String tenant) {
    String month = ctx.queryParam("month");
    if (month == null) {
      return sla.latestMonth(tenant)
          .orElseThrow(() -> ApiException.notFound("SLA data for tenant " + tenant));
    }
    try {
      return YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw RequestParams.bad("month must be YYYY-MM");
    }
  }

  private static SlaReport.IncidentRef ref(Incident i) {
    return new SlaReport.IncidentRef(i.incidentId(), i.facts().title(),
        i.facts().severity().name().toLowerCase(java.util.Locale.ROOT),
        i.facts().rootCause().kind(), i.facts().rootCause().description(), i.rootSiteId(),
        i.facts().openedAt(), i.handling().resolvedAt(), List.copyOf(i.facts().affectedSites()));
  }
}
