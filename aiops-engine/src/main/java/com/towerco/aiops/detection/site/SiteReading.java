package com.towerco.aiops.detection.site;

import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.events.payload.site.SiteTelemetry;
import java.time.Instant;

/**
 * One telemetry reading of a site with what the inventory says about the site (null while the
 * site is not registered: detectors that need the inventory then wait).
 */
public record SiteReading(String siteId, Instant time, SiteTelemetry telemetry,
    SiteRegistered site) {}
