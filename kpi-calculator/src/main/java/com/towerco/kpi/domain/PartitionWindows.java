package com.towerco.kpi.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sites of one input partition and that partition's own stream time (the newest event time
 * it has delivered): what the instance's reference time is made of, and what a commit note
 * remembers. Windows are closed by each site's own stream time ({@link SiteWindows#closingTime}),
 * so a partition replaying older records (after a rebalance, or a restart) is never closed by
 * another partition that is ahead, and a site whose device clock is ahead never closes the
 * windows of the other sites of its partition (a site group's partition carries hundreds,
 * ADR-029).
 */
final class PartitionWindows {
  private final Map<String, SiteWindows> sites = new LinkedHashMap<>();
  private long streamTime = Long.MIN_VALUE;

  SiteWindows site(String siteId, Windowing windowing, SiteTerms terms) {
    SiteWindows site = sites.get(siteId);
    if (site == null) {
      site = new SiteWindows(siteId, windowing, terms);
      sites.put(siteId, site);
    }
    return site;
  }

  Collection<SiteWindows> sites() {
    return sites.values();
  }

  /** An event of this partition at {@code time}. */
  void event(long time) {
    streamTime = Math.max(streamTime, time);
  }

  void resumeStreamTime(long time) {
    streamTime = Math.max(streamTime, time);
  }

  long streamTime() {
    return streamTime;
  }
}
