package com.towerco.dashboard.domain;

import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.events.payload.site.SiteTelemetry;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable state the read model keeps for one site: inventory record, latest reading (by
 * event time: a late reading goes into the series but does not replace a newer one),
 * reachability, active alarms (bounded) and chart series. Not thread-safe.
 */
final class SiteRecord {
  private final String siteId;
  private final TelemetrySeries series;
  private final int maxAlarms;
  private final Map<String, AlarmView> alarms = new LinkedHashMap<>();
  private SiteRegistered registration;
  private SiteTelemetry telemetry;
  private Instant telemetryAt;
  private PowerChain chain;
  private Boolean reachable;
  private Instant connectivityAt;
  private String connectivityReason;

  SiteRecord(String siteId, ModelLimits limits) {
    this.siteId = siteId;
    this.series = new TelemetrySeries(limits.seriesWindow(), limits.seriesPoints());
    this.maxAlarms = limits.maxAlarmsPerSite();
  }

  void register(SiteRegistered r) {
    registration = r;
    if (telemetry != null) {
      chain = PowerChain.of(telemetry, r.tenancies());
    }
  }

  /** Records a reading; true if it is the newest one (the site's state may have changed). */
  boolean telemetry(Instant at, SiteTelemetry t, TelemetryPoint point) {
    series.record(point);
    if (telemetryAt != null && at.isBefore(telemetryAt)) {
      return false;
    }
    telemetry = t;
    telemetryAt = at;
    chain = PowerChain.of(t, registration == null ? List.of() : registration.tenancies());
    if (connectivityAt == null || at.isAfter(connectivityAt)) {
      reachable = true; // a reading got through, so the site is reachable
    }
    return true;
  }

  boolean connectivity(Instant at, SiteConnectivity c) {
    if (connectivityAt != null && at.isBefore(connectivityAt)) {
      return false;
    }
    connectivityAt = at;
    reachable = c.state() == SiteConnectivity.ConnectivityState.REACHABLE;
    connectivityReason = c.reason();
    return true;
  }

  boolean alarm(Instant at, SiteAlarm a) {
    if (a.state() == SiteAlarm.AlarmState.CLEARED) {
      return alarms.remove(a.alarmId()) != null;
    }
    if (alarms.containsKey(a.alarmId())) {
      return false;
    }
    alarms.put(a.alarmId(), AlarmView.raised(a, at));
    if (alarms.size() > maxAlarms) {
      Iterator<String> oldest = alarms.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  SiteSnapshot snapshot(List<AlertView> firingAlerts) {
    return new SiteSnapshot(siteId, registration, chain,
        telemetry == null ? null : SiteConditions.of(telemetryAt, telemetry), reachable,
        connectivityReason, connectivityAt, List.copyOf(alarms.values()), firingAlerts);
  }

  String siteId() {
    return siteId;
  }

  TelemetrySeries series() {
    return series;
  }

  SiteRegistered registration() {
    return registration;
  }
}
