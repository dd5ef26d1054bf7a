package com.towerco.dashboard.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A site's state at a glance, worst first: what the fleet grid colours a tile by and what the
 * {@code state} filter selects. A tenant outage means a tenancy's DC feed is outside its agreed
 * voltage window.
 */
public enum SiteStatus {
  UNREACHABLE,
  TENANT_OUTAGE,
  ON_BATTERY,
  ON_GENERATOR,
  OK,
  UNKNOWN;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<SiteStatus> fromWire(String text) {
    return Arrays.stream(values()).filter(s -> s.wireName().equals(text)).findFirst();
  }

  /** The status of a site whose latest power chain (possibly none yet) is as given. */
  public static SiteStatus of(Boolean reachable, PowerChain chain) {
    if (Boolean.FALSE.equals(reachable)) {
      return UNREACHABLE;
    }
    if (chain == null) {
      return UNKNOWN;
    }
    if (chain.feeds().stream().anyMatch(f -> !f.withinWindow())
        || chain.source() == PowerChain.Source.NONE) {
      return TENANT_OUTAGE;
    }
    return switch (chain.source()) {
      case GRID -> OK;
      case GENERATOR -> ON_GENERATOR;
      case BATTERY, NONE -> ON_BATTERY;
    };
  }
}
