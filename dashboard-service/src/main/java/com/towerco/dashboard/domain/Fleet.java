package com.towerco.dashboard.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The fleet overview: the sites a viewer may see (filtered), how many are in each state, the
 * newest event time the model has seen, and the live-update position the answer is consistent
 * with (a page can resume the stream from it).
 */
public record Fleet(Instant asOf, long seq, int count, Map<String, Integer> byStatus,
    List<SiteSummary> sites) {}
