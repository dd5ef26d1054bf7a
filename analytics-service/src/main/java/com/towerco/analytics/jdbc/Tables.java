package com.towerco.analytics.jdbc;

import static com.towerco.analytics.jdbc.Column.bigint;
import static com.towerco.analytics.jdbc.Column.bool;
import static com.towerco.analytics.jdbc.Column.integer;
import static com.towerco.analytics.jdbc.Column.json;
import static com.towerco.analytics.jdbc.Column.number;
import static com.towerco.analytics.jdbc.Column.text;
import static com.towerco.analytics.jdbc.Column.time;

import com.towerco.analytics.domain.StoredRow;
import java.util.List;

/**
 * Every table the sink writes and how: raw events by a plain append (their staged form is only
 * PostgreSQL's fallback merge), the typed tables staged and merged in the order below
 * (inventory before what refers to it). Facts (raw events, alarms, incident sites) are inserted once and never changed; state
 * (KPI windows, alerts, incidents, sites) is upserted so the latest event wins and replaying
 * the same events converges to the same rows. Each change kind updates only the columns it
 * carries, so the order of a firing and its resolution does not matter.
 */
final class Tables {
  private Tables() {}

  static final StagedTable<StoredRow.RawEvent> RAW_EVENTS = new StagedTable<>(
      StoredRow.RawEvent.class, "stage_raw_events",
      List.of(text("event_id"), text("event_type"), text("version"), text("tenant_id"),
          text("site_id"), time("event_time"), text("topic"), integer("kafka_partition"),
          bigint("kafka_offset"), json("envelope")),
      r -> new Object[] {r.eventId(), r.eventType(), r.version(), r.tenantId(), r.siteId(),
          r.eventTime(), r.topic(), r.partition(), r.offset(), r.json()},
      List.of("""
          INSERT INTO raw_events (event_id, event_type, version, tenant_id, site_id, event_time,
              topic, kafka_partition, kafka_offset, envelope)
          SELECT event_id, event_type, version, tenant_id, site_id, event_time, topic,
              kafka_partition, kafka_offset, envelope
          FROM stage_raw_events
          ON CONFLICT DO NOTHING"""));

  private static final String KPI_COLUMNS = """
      tenant_id, scope, site_id, tenancy_tenant_id, region, window_start, window_end,
      duration_s, samples, power_availability_pct, grid_availability_pct, generator_run_s,
      fuel_consumed_l, battery_min_soc_pct, energy_kwh, alarms_raised, reporting_pct, event_id""";

  /** Where a KPI window's start is among {@link #KPI_WINDOWS}' values. */
  static final int KPI_WINDOW_START = 5;

  static final StagedTable<StoredRow.KpiWindow> KPI_WINDOWS = new StagedTable<>(
      StoredRow.KpiWindow.class, "stage_kpi_windows",
      List.of(text("tenant_id"), text("scope"), text("site_id"), text("tenancy_tenant_id"),
          text("region"), time("window_start"), time("window_end"), number("duration_s"),
          integer("samples"), number("power_availability_pct"), number("grid_availability_pct"),
          number("generator_run_s"), number("fuel_consumed_l"), number("battery_min_soc_pct"),
          number("energy_kwh"), number("alarms_raised"), number("reporting_pct"),
          text("event_id"), bigint("kafka_offset")),
      k -> new Object[] {k.tenantId(), k.scope(), k.siteId(), k.tenancyTenantId(), k.region(),
          k.windowStart(), k.windowEnd(), k.durationS(), k.samples(), k.powerAvailabilityPct(),
          k.gridAvailabilityPct(), k.generatorRunS(), k.fuelConsumedL(), k.batteryMinSocPct(),
          k.energyKwh(), k.alarmsRaised(), k.reportingPct(), k.eventId(), k.offset()},
      List.of("INSERT INTO kpi_windows (" + KPI_COLUMNS + ")\n"
          + "SELECT DISTINCT ON (tenant_id, site_id, tenancy_tenant_id, window_start, window_end) "
          + KPI_COLUMNS + "\nFROM stage_kpi_windows\n"
          + "ORDER BY tenant_id, site_id, tenancy_tenant_id, window_start, window_end,"
          + " kafka_offset DESC\n"
          + """
          ON CONFLICT (tenant_id, site_id, tenancy_tenant_id, window_start, window_end)
          DO UPDATE SET scope = excluded.scope, region = excluded.region,
              duration_s = excluded.duration_s, samples = excluded.samples,
              power_availability_pct = excluded.power_availability_pct,
              grid_availability_pct = excluded.grid_availability_pct,
              generator_run_s = excluded.generator_run_s,
              fuel_consumed_l = excluded.fuel_consumed_l,
              battery_min_soc_pct = excluded.battery_min_soc_pct,
              energy_kwh = excluded.energy_kwh, alarms_raised = excluded.alarms_raised,
              reporting_pct = excluded.reporting_pct, event_id = excluded.event_id"""));

  static final StagedTable<StoredRow.Alarm> ALARMS = new StagedTable<>(
      StoredRow.Alarm.class, "stage_alarms",
      List.of(text("tenant_id"), text("site_id"), text("alarm_id"), text("state"),
          time("event_time"), text("perceived_severity"), text("x733_event_type"),
          text("probable_cause"), text("specific_problem"), text("managed_object"),
          text("tenancy_tenant_id"), text("event_id")),
      a -> new Object[] {a.tenantId(), a.siteId(), a.alarmId(), a.state(), a.eventTime(),
          a.perceivedSeverity(), a.x733EventType(), a.probableCause(), a.specificProblem(),
          a.managedObject(), a.tenancyTenantId(), a.eventId()},
      List.of("""
          INSERT INTO alarms (tenant_id, site_id, alarm_id, state, event_time,
              perceived_severity, x733_event_type, probable_cause, specific_problem,
              managed_object, tenancy_tenant_id, event_id)
          SELECT tenant_id, site_id, alarm_id, state, event_time, perceived_severity,
              x733_event_type, probable_cause, specific_problem, managed_object,
              tenancy_tenant_id, event_id
          FROM stage_alarms
          ON CONFLICT DO NOTHING"""));

  private static final String ALERT_COLUMNS = """
      tenant_id, alert_id, fingerprint, rule, severity, summary, site_id, region,
      affected_tenants, starts_at, ends_at""";

  static final StagedTable<StoredRow.AlertChange> ALERTS = new StagedTable<>(
      StoredRow.AlertChange.class, "stage_alerts",
      List.of(text("kind"), text("tenant_id"), text("alert_id"), text("fingerprint"),
          text("rule"), text("severity"), text("summary"), text("site_id"), text("region"),
          text("affected_tenants"), time("starts_at"), time("ends_at"), bigint("kafka_offset")),
      a -> new Object[] {a.kind(), a.tenantId(), a.alertId(), a.fingerprint(), a.rule(),
          a.severity(), a.summary(), a.siteId(), a.region(), a.affectedTenants(), a.startsAt(),
          a.endsAt(), a.offset()},
      List.of(alertMerge("firing", """
              fingerprint = excluded.fingerprint, rule = excluded.rule,
              severity = excluded.severity, summary = excluded.summary,
              site_id = excluded.site_id, region = excluded.region,
              affected_tenants = excluded.affected_tenants, starts_at = excluded.starts_at"""),
          alertMerge("resolved", "ends_at = excluded.ends_at")));

  private static String alertMerge(String kind, String updates) {
    return "INSERT INTO alerts (" + ALERT_COLUMNS + ")\n"
        + "SELECT DISTINCT ON (tenant_id, alert_id) " + ALERT_COLUMNS + "\n"
        + "FROM stage_alerts WHERE kind = '" + kind + "'\n"
        + "ORDER BY tenant_id, alert_id, kafka_offset DESC\n"
        + "ON CONFLICT (tenant_id, alert_id) DO UPDATE SET " + updates;
  }

  private static final String INCIDENT_COLUMNS = """
      tenant_id, incident_id, title, severity, root_cause_site_id, root_cause_kind,
      root_cause_description, confidence, affected_tenants, opened_at, resolved_at, resolution""";

  static final StagedTable<StoredRow.IncidentChange> INCIDENTS = new StagedTable<>(
      StoredRow.IncidentChange.class, "stage_incidents",
      List.of(text("kind"), text("tenant_id"), text("incident_id"), text("title"),
          text("severity"), text("root_cause_site_id"), text("root_cause_kind"),
          text("root_cause_description"), number("confidence"), text("affected_tenants"),
          time("opened_at"), time("resolved_at"), text("resolution"), bigint("kafka_offset")),
      i -> new Object[] {i.kind(), i.tenantId(), i.incidentId(), i.title(), i.severity(),
          i.rootCauseSiteId(), i.rootCauseKind(), i.rootCauseDescription(), i.confidence(),
          i.affectedTenants(), i.openedAt(), i.resolvedAt(), i.resolution(), i.offset()},
      List.of(incidentMerge("opened", """
              title = excluded.title, severity = excluded.severity,
              root_cause_site_id = excluded.root_cause_site_id,
              root_cause_kind = excluded.root_cause_kind,
              root_cause_description = excluded.root_cause_description,
              confidence = excluded.confidence, affected_tenants = excluded.affected_tenants,
              opened_at = excluded.opened_at"""),
          incidentMerge("resolved",
              "resolved_at = excluded.resolved_at, resolution = excluded.resolution")));

  private static String incidentMerge(String kind, String updates) {
    return "INSERT INTO incidents (" + INCIDENT_COLUMNS + ")\n"
        + "SELECT DISTINCT ON (tenant_id, incident_id) " + INCIDENT_COLUMNS + "\n"
        + "FROM stage_incidents WHERE kind = '" + kind + "'\n"
        + "ORDER BY tenant_id, incident_id, kafka_offset DESC\n"
        + "ON CONFLICT (tenant_id, incident_id) DO UPDATE SET " + updates;
  }

  static final StagedTable<StoredRow.IncidentSite> INCIDENT_SITES = new StagedTable<>(
      StoredRow.IncidentSite.class, "stage_incident_sites",
      List.of(text("tenant_id"), text("incident_id"), text("site_id")),
      s -> new Object[] {s.tenantId(), s.incidentId(), s.siteId()},
      List.of("""
          INSERT INTO incident_sites (tenant_id, incident_id, site_id)
          SELECT DISTINCT tenant_id, incident_id, site_id FROM stage_incident_sites
          ON CONFLICT DO NOTHING"""));

  static final StagedTable<StoredRow.Site> SITES = new StagedTable<>(
      StoredRow.Site.class, "stage_sites",
      List.of(text("site_id"), text("name"), text("region"), text("hub_site_id"),
          bool("is_hub"), time("registered_at"), text("event_id"), bigint("kafka_offset")),
      s -> new Object[] {s.siteId(), s.name(), s.region(), s.hubSiteId(), s.hub(),
          s.registeredAt(), s.eventId(), s.offset()},
      List.of("""
          INSERT INTO sites (site_id, name, region, hub_site_id, is_hub, registered_at)
          SELECT DISTINCT ON (site_id) site_id, name, region, hub_site_id, is_hub, registered_at
          FROM stage_sites ORDER BY site_id, kafka_offset DESC
          ON CONFLICT (site_id) DO UPDATE SET name = excluded.name, region = excluded.region,
              hub_site_id = excluded.hub_site_id, is_hub = excluded.is_hub,
              registered_at = excluded.registered_at""",
          // A registration replaces the site's tenancies with the latest registration's.
          "DELETE FROM tenancies WHERE site_id IN (SELECT site_id FROM stage_sites)"));

  static final StagedTable<StoredRow.Tenancy> TENANCIES = new StagedTable<>(
      StoredRow.Tenancy.class, "stage_tenancies",
      List.of(text("site_id"), text("tenant_id"), number("sla_availability_pct"),
          number("dc_min_v"), number("dc_max_v"), number("backup_hours"), text("event_id")),
      t -> new Object[] {t.siteId(), t.tenantId(), t.slaAvailabilityPct(), t.dcMinV(),
          t.dcMaxV(), t.backupHours(), t.eventId()},
      List.of("""
          INSERT INTO tenancies (site_id, tenant_id, sla_availability_pct, dc_min_v, dc_max_v,
              backup_hours)
          SELECT DISTINCT ON (t.site_id, t.tenant_id) t.site_id, t.tenant_id,
              t.sla_availability_pct, t.dc_min_v, t.dc_max_v, t.backup_hours
          FROM stage_tenancies t
          JOIN (SELECT DISTINCT ON (site_id) site_id, event_id FROM stage_sites
                ORDER BY site_id, kafka_offset DESC) latest ON latest.event_id = t.event_id
          ORDER BY t.site_id, t.tenant_id"""));

  /**
   * The typed tables, in merge order: a batch's sites before their tenancies, facts before
   * state. Raw events are not among them: they are appended, not merged (see EventSink).
   */
  static final List<StagedTable<?>> TYPED = List.of(SITES, TENANCIES, KPI_WINDOWS, ALARMS,
      ALERTS, INCIDENTS, INCIDENT_SITES);

  static StagedTable<?> of(StoredRow row) {
    for (StagedTable<?> table : TYPED) {
      if (table.rowType().isInstance(row)) {
        return table;
      }
    }
    throw new IllegalArgumentException("no table for " + row.getClass().getSimpleName());
  }
}
