package com.towerco.analytics.domain;

import com.towerco.events.Envelope;
import com.towerco.events.Json;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertResolved;
import com.towerco.events.payload.incident.IncidentAlertAttached;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.incident.IncidentResolved;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.events.payload.site.SiteTelemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns an event into the rows the store keeps: always the raw event, plus the typed rows of
 * the types the queries read. Event types without a projection (telemetry, connectivity,
 * deliveries, and lifecycle types added later) are kept only as raw events, so nothing is lost
 * and a new projection can be rebuilt from the raw table or by replaying the topics.
 */
public final class Projector {
  private static final String TELEMETRY = com.towerco.events.EventTypes.of(SiteTelemetry.class).name();
  private static final Map<Enum<?>, String> WIRE_NAMES = new ConcurrentHashMap<>();

  /** Projects one event received at the given topic coordinates. */
  public List<StoredRow> project(Envelope e, String topic, int partition, long offset,
      byte[] json) {
    List<StoredRow> rows = new ArrayList<>(2);
    rows.add(raw(e.eventId(), e.eventType(), e.version(), e.tenantId(), e.siteId(),
        e.timestamp(), topic, partition, offset, json));
    if (e.payload() instanceof SiteTelemetry) {
      return rows; // almost all of the volume, and stored only raw
    }
    if (containsNul(json)) {
      // SQL text columns cannot hold NUL; a clear rejection beats a stuck batch. (The stored
      // envelope can: DuckDB's VARCHAR and PostgreSQL's json keep the escape as text.)
      throw new IllegalArgumentException("the event contains a NUL character, which SQL text"
          + " cannot store");
    }
    if (e.payload() instanceof KpiComputed k) {
      rows.add(kpi(e, k, offset));
    } else if (e.payload() instanceof SiteAlarm a) {
      rows.add(new StoredRow.Alarm(e.tenantId(), e.siteId(), a.alarmId(), lower(a.state()),
          e.timestamp(), lower(a.perceivedSeverity()), lower(a.eventType()),
          lower(a.probableCause()), a.specificProblem(),
          a.managedObject(), a.tenantId(), e.eventId()));
    } else if (e.payload() instanceof AlertFiring a) {
      rows.add(new StoredRow.AlertChange("firing", e.tenantId(), a.alertId(), a.fingerprint(),
          a.rule(), lower(a.severity()), a.summary(), a.siteId(), a.region(),
          String.join(",", a.affectedTenants()), a.startsAt(), null, offset));
    } else if (e.payload() instanceof AlertResolved a) {
      rows.add(new StoredRow.AlertChange("resolved", e.tenantId(), a.alertId(), a.fingerprint(),
          a.rule(), lower(a.severity()), a.summary(), a.siteId(), null,
          String.join(",", a.affectedTenants()), a.startsAt(), a.endsAt(), offset));
    } else if (e.payload() instanceof IncidentOpened i) {
      rows.add(new StoredRow.IncidentChange("opened", e.tenantId(), i.incidentId(), i.title(),
          lower(i.severity()), i.rootCause().siteId(), i.rootCause().kind(),
          i.rootCause().description(), i.rootCause().confidence(),
          String.join(",", i.affectedTenants()), i.openedAt(), null, null, offset));
      i.affectedSites().forEach(site ->
          rows.add(new StoredRow.IncidentSite(e.tenantId(), i.incidentId(), site)));
    } else if (e.payload() instanceof IncidentAlertAttached i) {
      rows.add(new StoredRow.IncidentSite(e.tenantId(), i.incidentId(), i.siteId()));
    } else if (e.payload() instanceof IncidentResolved i) {
      rows.add(new StoredRow.IncidentChange("resolved", e.tenantId(), i.incidentId(), null, null,
          null, null, null, null, null, null, i.resolvedAt(), i.resolution(), offset));
    } else if (e.payload() instanceof SiteRegistered s) {
      rows.add(new StoredRow.Site(e.siteId(), s.name(), s.region(), s.hubSiteId(), s.hub(),
          e.timestamp(), e.eventId(), offset));
      s.tenancies().forEach(t -> rows.add(new StoredRow.Tenancy(e.siteId(), t.tenantId(),
          t.slaAvailabilityPct(), t.dcMinV(), t.dcMaxV(), t.backupHours(), e.eventId())));
    }
    return rows;
  }

  /** True for the event type whose events are stored only raw (see {@link #raw}). */
  public static boolean storedRawOnly(String eventType) {
    return TELEMETRY.equals(eventType);
  }

  /** The raw row of an event: its envelope's attributes and the bytes received. */
  public static StoredRow.RawEvent raw(String eventId, String eventType, String version,
      String tenantId, String siteId, java.time.Instant time, String topic, int partition,
      long offset, byte[] json) {
    return new StoredRow.RawEvent(eventId, eventType, version, tenantId, siteId, time, topic,
        partition, offset, json);
  }

  private static StoredRow.KpiWindow kpi(Envelope e, KpiComputed k, long offset) {
    Map<String, Double> v = k.values();
    double duration = Duration.between(k.windowStart(), k.windowEnd()).toMillis() / 1000.0;
    return new StoredRow.KpiWindow(e.tenantId(), lower(k.scope()), k.siteId(),
        k.tenantId() == null ? "" : k.tenantId(), k.region(), k.windowStart(), k.windowEnd(),
        duration, k.samples(), v.get(KpiComputed.POWER_AVAILABILITY_PCT),
        v.get(KpiComputed.GRID_AVAILABILITY_PCT), v.get(KpiComputed.GENERATOR_RUN_S),
        v.get(KpiComputed.FUEL_CONSUMED_L), v.get(KpiComputed.BATTERY_MIN_SOC_PCT),
        v.get(KpiComputed.ENERGY_KWH), v.get(KpiComputed.ALARMS_RAISED),
        v.get(KpiComputed.REPORTING_PCT), e.eventId(), offset);
  }

  /** A NUL byte, or the JSON escape {@code \\u0000} (a backslash not itself escaped). */
  static boolean containsNul(byte[] json) {
    for (int i = 0; i < json.length; i++) {
      byte b = json[i];
      if (b == 0) {
        return true;
      }
      if (b == '\\') {
        if (i + 5 < json.length && json[i + 1] == 'u' && json[i + 2] == '0'
            && json[i + 3] == '0' && json[i + 4] == '0' && json[i + 5] == '0') {
          return true;
        }
        i++; // skip the escaped character, so "\\\\u0000" is a backslash and text
      }
    }
    return false;
  }

  /** The enum's name on the wire (as in the catalogue), e.g. {@code commercialPowerFailure}. */
  private static String lower(Enum<?> value) {
    return WIRE_NAMES.computeIfAbsent(value, v -> Json.mapper().convertValue(v, String.class));
  }
}
