package com.towerco.dashboard.domain;

import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Instant;
import java.util.List;

/**
 * One tile of the fleet overview: where the site is, what carries its load (grid, generator,
 * battery and its charge), whether it is reachable, how many alerts are open, the worst of them,
 * and which tenants it hosts, all as the viewer may see them.
 */
public record SiteSummary(
    String siteId,
    String name,
    String region,
    String hubSiteId,
    boolean hub,
    Double latitude,
    Double longitude,
    SiteStatus status,
    PowerChain.Source powerSource,
    Boolean grid,
    Boolean onGenerator,
    Boolean onBattery,
    Double batterySocPct,
    Double fuelPct,
    Boolean reachable,
    int openAlerts,
    AlertSeverity worstAlert,
    int activeAlarms,
    List<String> tenancies,
    Instant lastSeen) {}
