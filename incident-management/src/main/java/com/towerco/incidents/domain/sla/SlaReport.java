package com.towerco.incidents.domain.sla;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's monthly SLA report with its evidence: per site the target, the availability
 * measured, the minutes outside the agreed window and those not reported, each outage with the
 * incidents that overlap it, and those incidents with their root causes and the outage minutes
 * they account for. Built from the SLA clock and the tenant's own incident view only.
 */
public record SlaReport(String tenantId, String month, List<SiteSla> sites,
    List<IncidentEvidence> incidents, double minutesOutOfWindow, int sitesBreached) {

  /** One site's month. */
  public record SiteSla(String siteId, Double targetPct, double availabilityPct,
      double minutesMeasured, double minutesOutOfWindow, double minutesUnreported,
      Double allowedMinutes, boolean breached, Instant breachedAt, List<OutageEvidence> outages) {}

  /** One outage and the incidents whose lifetime overlaps it at that site. */
  public record OutageEvidence(Instant start, Instant end, double minutes,
      List<String> incidentIds) {}

  /** An incident of the tenant's view that affected its sites this month. */
  public record IncidentEvidence(String incidentId, String title, String severity,
      String rootCauseKind, String rootCause, String rootSiteId, Instant openedAt,
      Instant resolvedAt, List<String> sites, double outageMinutes) {}

  /** What the report needs to know about an incident (as the tenant sees it). */
  public record IncidentRef(String incidentId, String title, String severity,
      String rootCauseKind, String rootCause, String rootSiteId, Instant openedAt,
      Instant resolvedAt, List<String> sites) {
    boolean overlaps(String siteId, Instant start, Instant end) {
      return sites.contains(siteId) && openedAt.isBefore(end)
          && (resolvedAt == null || resolvedAt.isAfter(start));
    }
  }

  public static SlaReport build(String tenantId, YearMonth month, List<SlaPeriod> periods,
      List<IncidentRef> incidents) {
    List<SiteSla> sites = new ArrayList<>();
    Map<String, Double> minutesByIncident = new LinkedHashMap<>();
    Set<String> cited = new LinkedHashSet<>();
    double total = 0;
    int breached = 0;
    for (SlaPeriod p : periods) {
      List<OutageEvidence> outages = new ArrayList<>();
      for (SlaPeriod.Outage o : p.outages()) {
        List<String> ids = incidents.stream()
            .filter(i -> i.overlaps(p.siteId(), o.start(), o.end()))
            .map(IncidentRef::incidentId).toList();
        ids.forEach(id -> minutesByIncident.merge(id, o.minutes(), Double::sum));
        cited.addAll(ids);
        outages.add(new OutageEvidence(o.start(), o.end(), o.minutes(), ids));
      }
      sites.add(new SiteSla(p.siteId(), p.targetPct(), p.availabilityPct(), p.minutesMeasured(),
          p.minutesOutOfWindow(), p.minutesUnreported(), p.allowedMinutes(), p.breached(),
          p.breachedAt(), outages));
      total += p.minutesOutOfWindow();
      breached += p.breached() ? 1 : 0;
    }
    Instant monthStart = month.atDay(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay()
        .toInstant(java.time.ZoneOffset.UTC);
    List<IncidentEvidence> evidence = new ArrayList<>();
    for (IncidentRef i : incidents) {
      boolean inMonth = i.openedAt().isBefore(monthEnd)
          && (i.resolvedAt() == null || i.resolvedAt().isAfter(monthStart));
      boolean onMeasuredSite = periods.stream().anyMatch(p -> i.sites().contains(p.siteId()));
      if (cited.contains(i.incidentId()) || inMonth && onMeasuredSite) {
        evidence.add(new IncidentEvidence(i.incidentId(), i.title(), i.severity(),
            i.rootCauseKind(), i.rootCause(), i.rootSiteId(), i.openedAt(), i.resolvedAt(),
            i.sites(), SlaPeriod.round(minutesByIncident.getOrDefault(i.incidentId(), 0.0))));
      }
    }
    return new SlaReport(tenantId, month.toString(), sites, evidence, SlaPeriod.round(total),
        breached);
  }

  /** The report as CSV: one row per outage (a site without outages gets one row). */
  public String csv() {
    StringBuilder csv = new StringBuilder("tenant_id,month,site_id,target_pct,availability_pct,"
        + "minutes_measured,minutes_out_of_window,minutes_unreported,allowed_minutes,breached,"
        + "breached_at,outage_start,outage_end,outage_minutes,incident_ids,root_causes\n");
    Map<String, IncidentEvidence> byId = new LinkedHashMap<>();
    incidents.forEach(i -> byId.put(i.incidentId(), i));
    for (SiteSla s : sites) {
      List<OutageEvidence> rows = s.outages().isEmpty()
          ? java.util.Collections.singletonList(null) : s.outages();
      for (OutageEvidence o : rows) {
        List<String> causes = o == null ? List.of() : o.incidentIds().stream()
            .map(byId::get).filter(java.util.Objects::nonNull)
            .map(i -> i.rootCauseKind() + "@" + i.rootSiteId()).distinct().toList();
        row(csv, tenantId, month, s.siteId(), s.targetPct(), s.availabilityPct(),
            s.minutesMeasured(), s.minutesOutOfWindow(), s.minutesUnreported(),
            s.allowedMinutes(), s.breached(), s.breachedAt(), o == null ? null : o.start(),
            o == null ? null : o.end(), o == null ? null : o.minutes(),
            o == null ? "" : String.join(" ", o.incidentIds()), String.join(" ", causes));
      }
    }
    return csv.toString();
  }

  private static void row(StringBuilder csv, Object... cells) {
    for (int i = 0; i < cells.length; i++) {
      String text = cells[i] == null ? "" : cells[i].toString();
      if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
        text = "\"" + text.replace("\"", "\"\"") + "\"";
      }
      csv.append(i == 0 ? "" : ",").append(text);
    }
    csv.append('\n');
  }
}
