package com.towerco.dashboard.domain;

import java.util.List;

/** An incident with its timeline (every lifecycle event, in event time) and its alerts. */
public record IncidentDetail(IncidentSummary incident, List<TimelineEntry> timeline,
    List<AlertView> alerts) {}
