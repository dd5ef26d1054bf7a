package com.towerco.dashboard.domain;

import java.time.Instant;
import java.util.List;

/**
 * The NOC fleet page's state in one answer: every site the viewer may see (compact), the counts
 * by state, region and tenant, and the open incidents (pinned on top of the page). {@code seq}
 * is the live-update position it is consistent with.
 */
public record FleetView(Instant asOf, long seq, FleetSummary summary, List<FleetSite> sites,
    List<IncidentSummary> incidents) {}
