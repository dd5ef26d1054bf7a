package com.towerco.simulator.domain;

import com.towerco.events.EventTypes;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.events.payload.site.SiteVisitScheduled;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What was emitted, by event type and by site, in fixed order (no hash-map ordering). */
final class EventCounts {
  static final List<String> TYPES = List.of(EventTypes.of(SiteTelemetry.class).name(),
      EventTypes.of(SiteAlarm.class).name(), EventTypes.of(SiteConnectivity.class).name(),
      EventTypes.of(SiteRegistered.class).name(), EventTypes.of(SiteVisitScheduled.class).name());
  static final int TELEMETRY = 0;
  static final int ALARM = 1;
  static final int CONNECTIVITY = 2;
  static final int REGISTERED = 3;
  static final int VISIT = 4;

  private final List<String> siteIds;
  private final long[][] bySite;

  EventCounts(List<String> siteIds) {
    this.siteIds = List.copyOf(siteIds);
    this.bySite = new long[siteIds.size()][TYPES.size()];
  }

  void add(int site, int type) {
    bySite[site][type]++;
  }

  long total() {
    long total = 0;
    for (long[] counts : bySite) {
      for (long c : counts) {
        total += c;
      }
    }
    return total;
  }

  Map<String, Long> byType() {
    Map<String, Long> map = new LinkedHashMap<>();
    for (int type = 0; type < TYPES.size(); type++) {
      long sum = 0;
      for (long[] counts : bySite) {
        sum += counts[type];
      }
      map.put(TYPES.get(type), sum);
    }
    return map;
  }

  Map<String, Map<String, Long>> bySite() {
    Map<String, Map<String, Long>> map = new LinkedHashMap<>();
    for (int site = 0; site < siteIds.size(); site++) {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (int type = 0; type < TYPES.size(); type++) {
        counts.put(TYPES.get(type), bySite[site][type]);
      }
      map.put(siteIds.get(site), counts);
    }
    return map;
  }
}
