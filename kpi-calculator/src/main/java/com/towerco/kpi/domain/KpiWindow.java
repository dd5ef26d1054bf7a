package com.towerco.kpi.domain;

import java.time.Instant;
import java.util.Map;

/** The KPIs of one closed window of one site: the site's own and each tenancy's. */
public record KpiWindow(
    String siteId,
    String region,
    Instant start,
    Instant end,
    int samples,
    Map<String, Double> siteValues,
    Map<String, Map<String, Double>> tenancyValues) {}
