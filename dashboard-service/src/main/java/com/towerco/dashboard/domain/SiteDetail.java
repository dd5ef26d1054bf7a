package com.towerco.dashboard.domain;

import com.towerco.events.payload.site.SiteRegistered;
import java.util.List;

/**
 * The site page: its summary, power chain with every visible tenancy feed, conditions, lease
 * terms, recent chart series, active alarms, alerts, incidents and latest KPI windows.
 */
public record SiteDetail(
    SiteSummary site,
    PowerChain powerChain,
    SiteConditions conditions,
    String connectivityReason,
    List<SiteRegistered.Tenancy> tenancies,
    TelemetrySeries.Snapshot series,
    List<AlarmView> alarms,
    List<AlertView> alerts,
    List<IncidentSummary> incidents,
    List<KpiWindow> kpis) {}
