package com.towerco.dashboard.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * KPI windows per series (site, scope, tenancy), the last few per series by window start; a
 * window computed again replaces the earlier one. Not thread-safe.
 */
final class KpiBook {
  private final int windowsPerSeries;
  private final Map<String, TreeMap<java.time.Instant, KpiWindow>> series = new HashMap<>();

  KpiBook(int windowsPerSeries) {
    this.windowsPerSeries = windowsPerSeries;
  }

  /** True if the window is new or changed. */
  boolean apply(KpiWindow window) {
    TreeMap<java.time.Instant, KpiWindow> windows =
        series.computeIfAbsent(window.seriesKey(), k -> new TreeMap<>());
    if (window.equals(windows.get(window.windowStart()))) {
      return false;
    }
    if (windows.size() >= windowsPerSeries && !windows.containsKey(window.windowStart())
        && window.windowStart().isBefore(windows.firstKey())) {
      return false; // older than everything kept
    }
    windows.put(window.windowStart(), window);
    while (windows.size() > windowsPerSeries) {
      windows.pollFirstEntry();
    }
    return true;
  }

  /** The newest window of every series that matches. */
  List<KpiWindow> latest(Predicate<KpiWindow> filter) {
    List<KpiWindow> latest = new ArrayList<>();
    for (TreeMap<java.time.Instant, KpiWindow> windows : series.values()) {
      KpiWindow newest = windows.lastEntry().getValue();
      if (filter.test(newest)) {
        latest.add(newest);
      }
    }
    return latest;
  }

  /** Every kept window of the matching series, oldest first per series. */
  List<KpiWindow> history(Predicate<KpiWindow> filter) {
    List<KpiWindow> all = new ArrayList<>();
    for (TreeMap<java.time.Instant, KpiWindow> windows : series.values()) {
      windows.values().stream().filter(filter).forEach(all::add);
    }
    return all;
  }
}
