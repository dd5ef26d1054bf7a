package com.towerco.events.evolution;

import com.towerco.events.EventCatalog;
import com.towerco.events.payload.site.SiteTelemetry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Catalogues of later releases: the platform's types with one record replaced. */
public final class Generations {
  private Generations() {}

  /** Today's catalogue with site.telemetry 1.1 ({@link SiteTelemetryNext}). */
  public static EventCatalog withTelemetry11() {
    return replacing(SiteTelemetry.class, SiteTelemetryNext.class);
  }

  /** Today's catalogue with site.telemetry 2.0 ({@link SiteTelemetryV2}). */
  public static EventCatalog withTelemetry20() {
    return replacing(SiteTelemetry.class, SiteTelemetryV2.class);
  }

  /** Today's catalogue with {@code next} in place of {@code old}. */
  public static EventCatalog replacing(Class<?> old, Class<?> next) {
    Set<Class<?>> classes = new LinkedHashSet<>();
    EventCatalog.bundled().all().forEach(t -> classes.add(t.payloadClass()));
    classes.remove(old);
    List<Class<?>> all = new ArrayList<>(classes);
    all.add(next);
    return EventCatalog.of(all);
  }
}
