package com.towerco.aiops.stream;

import com.towerco.aiops.correlation.CorrelationPolicy;
import com.towerco.platform.config.Setting;
import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
import java.util.List;

/** The settings of correlation ({@link CorrelationPolicy}), declared once with their bounds. */
public final class CorrelationSettings {
  private static final CorrelationPolicy DEFAULTS = CorrelationPolicy.defaults();

  static final Setting<Duration> SETTLE = Setting.duration("aiops.settle", DEFAULTS.settle(),
      "A new problem is held this long (event time) before its incident opens, so one cascade "
          + "lands in one incident and a blip pages nobody.");
  static final Setting<Duration> HOLD_DOWN = Setting.duration("aiops.hold-down",
      DEFAULTS.holdDown(), "An incident resolves only after all its alerts stayed clear "
          + "this long.");
  static final Setting<Integer> HUB_MIN_SITES = Setting.integer("aiops.hub-min-sites",
      DEFAULTS.hubMinSites(), 1, 10_000, "Sites behind one hub unreachable together that make "
          + "it a hub problem even without a transmission alarm.");
  static final Setting<Duration> FEEDER_WINDOW = Setting.duration("aiops.feeder-window",
      DEFAULTS.feederWindow(), "Mains lost at sites of one grid feeder within this long of the "
          + "first is one problem (the feeder).");
  static final Setting<Duration> REGION_WINDOW = Setting.duration("aiops.region-window",
      DEFAULTS.regionWindow(), "Mains lost at sites of one region whose feeder the inventory "
          + "does not know, within this long of the first, is one problem (regional mains).");
  static final Setting<Duration> SUPPLIER_WINDOW = Setting.duration("aiops.supplier-window",
      DEFAULTS.supplierWindow(), "Fuel theft at sites of one fuel supplier, or unscheduled door "
          + "openings at sites of one contractor, within this long is one problem.");
  static final Setting<Duration> SUPPLIER_MIN_GAP = Setting.durationOrZero(
      "aiops.supplier-min-gap", DEFAULTS.supplierMinGap(), "A fuel theft joins another theft "
          + "at a site of the same supplier only if it starts at least this long after it (one "
          + "crew drives from site to site; thefts that start together are independent).");
  static final Setting<Double> SIMILARITY = Setting.number("aiops.similarity",
      DEFAULTS.similarity(), 0, 1, "The least similarity (topology distance, time apart, alarm "
          + "type) at which an alert no rule groups joins another site's problem as a proposed "
          + "common cause; above 0.").checkedBy(v -> {
            if (v <= 0) {
              throw new IllegalArgumentException(v + " must be above 0");
            }
          });
  static final Setting<Duration> SIMILARITY_WINDOW = Setting.duration(
      "aiops.similarity-window", DEFAULTS.similarityWindow(), "How far in time from the start of "
          + "another site's problem an alert may join it by similarity.");

  private CorrelationSettings() {}

  public static CorrelationPolicy from(ServiceSettings settings) {
    return new CorrelationPolicy(SETTLE.from(settings), HOLD_DOWN.from(settings),
        HUB_MIN_SITES.from(settings), FEEDER_WINDOW.from(settings), REGION_WINDOW.from(settings),
        SUPPLIER_WINDOW.from(settings), SUPPLIER_MIN_GAP.from(settings), SIMILARITY.from(settings),
        SIMILARITY_WINDOW.from(settings));
  }

  public static List<Setting<?>> settings() {
    return List.of(SETTLE, HOLD_DOWN, HUB_MIN_SITES, FEEDER_WINDOW, REGION_WINDOW,
        SUPPLIER_WINDOW, SUPPLIER_MIN_GAP, SIMILARITY, SIMILARITY_WINDOW);
  }
}
