package com.towerco.dashboard.stream;

import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.runtime.SourceRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which telemetry readings the dashboard decodes (ADR-067), judged on the routing headers'
 * site and event time alone: per site, a reading that opens a chart step (a bucket of the
 * series resolution) the site has no applied reading in yet is decoded and applied; a later
 * reading of the step whose latest applied reading already made its point is passed over
 * without parsing, and the newest such reading of the site is held (its bytes, not a copy) to
 * be applied once the dashboard has read all there was. A newer applied reading of the site
 * makes the held one moot. A reading of an older step than the site's latest (a late one) is
 * decoded and applied as before. Not thread-safe: one per consumer thread, whose partitions
 * (and so sites) are its own.
 */
final class ChartSteps {
  /** A reading passed over while it was its site's newest: applied when released. */
  record Held(EventHeaders.Attributes routing, SourceRecord source,
      EventHeaders.Attributes priorRouting, SourceRecord priorSource) {}

  /** One site: its latest step with an applied reading, the newest time seen, what is held. */
  private static final class Site {
    private long step = Long.MIN_VALUE;
    private long appliedMillis = Long.MIN_VALUE; // the newest applied reading's time
    private long heldMillis;
    private EventHeaders.Attributes heldRouting; // null: nothing held
    private SourceRecord heldSource;
    private EventHeaders.Attributes priorRouting; // the held one it replaced: tried if it fails
    private SourceRecord priorSource;
    private boolean listed; // in {@code holding} until the next release
  }

  private final long resolutionMillis;
  private final Map<String, Site> sites = new HashMap<>();
  private final List<Site> holding = new ArrayList<>();

  ChartSteps(long resolutionMillis) {
    if (resolutionMillis < 1) {
      throw new IllegalArgumentException("resolution must be at least 1 ms");
    }
    this.resolutionMillis = resolutionMillis;
  }

  /**
   * True if the reading is passed over: its step already has an applied reading of its site
   * (held if it is the site's newest, else dropped: applying it would change neither the point
   * nor the site's state). False: decode and apply it, then report it {@link #applied}.
   */
  boolean passOver(EventHeaders.Attributes routing, SourceRecord source) {
    Site site = sites.get(routing.siteId());
    long at = routing.time().toEpochMilli();
    if (site == null || Math.floorDiv(at, resolutionMillis) != site.step) {
      return false;
    }
    long newest = site.heldRouting != null ? site.heldMillis : site.appliedMillis;
    if (at >= newest) { // the last of equal times wins, as in the series
      if (!site.listed) {
        site.listed = true;
        holding.add(site);
      }
      site.priorRouting = site.heldRouting;
      site.priorSource = site.heldSource;
      site.heldRouting = routing;
      site.heldSource = source;
      site.heldMillis = at;
    }
    return true;
  }

  /** A reading of {@code siteId} at {@code atMillis} was applied to the model. */
  void applied(String siteId, long atMillis) {
    Site site = sites.computeIfAbsent(siteId, s -> new Site());
    site.step = Math.max(site.step, Math.floorDiv(atMillis, resolutionMillis));
    site.appliedMillis = Math.max(site.appliedMillis, atMillis);
    if (site.heldRouting != null && atMillis >= site.heldMillis) {
      site.heldRouting = null; // applied after it and not older: the held one changes nothing
      site.heldSource = null;
      site.priorRouting = null;
      site.priorSource = null;
    }
  }

  /** The readings held, in the order their sites were first held; none are held after. */
  List<Held> release() {
    if (holding.isEmpty()) {
      return List.of();
    }
    List<Held> released = new ArrayList<>(holding.size());
    for (Site site : holding) {
      if (site.heldRouting != null) {
        released.add(new Held(site.heldRouting, site.heldSource, site.priorRouting,
            site.priorSource));
        site.heldRouting = null;
        site.heldSource = null;
        site.priorRouting = null;
        site.priorSource = null;
      }
      site.listed = false;
    }
    holding.clear();
    return released;
  }

  /** Sites with a reading held. */
  int holding() {
    int n = 0;
    for (Site site : holding) {
      n += site.heldRouting == null ? 0 : 1;
    }
    return n;
  }
}
