package com.towerco.analytics;

import com.towerco.analytics.domain.Projector;
import com.towerco.analytics.domain.StoredRow;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertResolved;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.incident.IncidentResolved;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.site.SiteRegistered;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Events for analytics tests, and their rows as the sink would store them. */
final class TestEvents {
  static final String OPERATOR = "towerco";
  private static final EventCodec CODEC = new EventCodec();
  private static final Projector PROJECTOR = new Projector();

  private TestEvents() {}

  static Envelope event(String tenant, String site, Instant at, Payload payload) {
    return Envelope.of(EventIds.random(), tenant, site, at, payload, Map.of("producer", "test"));
  }

  /** A whole-site (tenancy == null) or tenancy KPI window of {@code minutes}. */
  static Envelope kpi(String site, String tenancy, String region, Instant start, int minutes,
      double powerPct, double gridPct) {
    Map<String, Double> values = new HashMap<>();
    values.put(KpiComputed.POWER_AVAILABILITY_PCT, powerPct);
    values.put(KpiComputed.GRID_AVAILABILITY_PCT, gridPct);
    values.put(KpiComputed.FUEL_CONSUMED_L, 1.5);
    KpiComputed k = new KpiComputed(tenancy == null ? KpiComputed.KpiScope.SITE
        : KpiComputed.KpiScope.TENANCY, site, tenancy, region, start,
        start.plus(Duration.ofMinutes(minutes)), 10, values);
    return event(tenancy == null ? OPERATOR : tenancy, site, start.plusSeconds(minutes * 60L), k);
  }

  static Envelope registered(String site, String region, Map<String, Double> slaByTenant,
      Instant at) {
    List<SiteRegistered.Tenancy> tenancies = new ArrayList<>();
    slaByTenant.forEach((t, sla) -> tenancies.add(new SiteRegistered.Tenancy(t, sla, 47, 57, 4)));
    SiteRegistered s = new SiteRegistered("Site " + site, region, null, false, 1, 2,
        new SiteRegistered.PowerPlant(true, true, false, 400, 500, 3), tenancies);
    return event(OPERATOR, site, at, s);
  }

  static Envelope alarm(String site, String alarmId, SiteAlarm.AlarmState state,
      SiteAlarm.ProbableCause cause, String tenancy, Instant at) {
    SiteAlarm a = new SiteAlarm(alarmId, state, state == SiteAlarm.AlarmState.CLEARED
        ? SiteAlarm.PerceivedSeverity.CLEARED : SiteAlarm.PerceivedSeverity.CRITICAL,
        SiteAlarm.X733EventType.EQUIPMENT, cause, "problem", "power/1", null, tenancy);
    return event(OPERATOR, site, at, a);
  }

  static Envelope alertFiring(String tenant, String alertId, String site, String region,
      Instant at) {
    return event(tenant, site, at, new AlertFiring(alertId, "fp-" + alertId, "rule",
        AlertSeverity.MAJOR, "summary", site, region, null, List.of(), Map.of(), at, List.of()));
  }

  static Envelope alertResolved(String tenant, String alertId, String site, Instant start,
      Instant end) {
    return event(tenant, site, end, new AlertResolved(alertId, "fp-" + alertId, "rule",
        AlertSeverity.MAJOR, "summary", site, List.of(), start, end));
  }

  static Envelope incidentOpened(String tenant, String incidentId, List<String> sites,
      Instant at) {
    return event(tenant, sites.get(0), at, new IncidentOpened(incidentId, "Mains failure",
        AlertSeverity.CRITICAL, new IncidentOpened.RootCause(sites.get(0), "mains-failure",
            "grid lost", 0.9), List.of("a-" + incidentId), sites,
        tenant.equals(OPERATOR) ? List.of() : List.of(tenant), at));
  }

  static Envelope incidentResolved(String tenant, String incidentId, String site, Instant at) {
    return event(tenant, site, at, new IncidentResolved(incidentId, at, "cleared", null));
  }

  /** The rows of the events, as if consumed from partition 0 of {@code topic}. */
  static List<StoredRow> rows(String topic, long firstOffset, Envelope... events) {
    List<StoredRow> rows = new ArrayList<>();
    long offset = firstOffset;
    for (Envelope e : events) {
      rows.addAll(PROJECTOR.project(e, topic, 0, offset++, CODEC.encode(e)));
    }
    return rows;
  }
}
