package com.towerco.analytics.domain;

import java.time.Instant;

/**
 * One row the analytics store keeps for an event: the raw event itself, or a row of a typed
 * table the queries read. Every event yields one {@link RawEvent} and, when its type has a
 * projection, further typed rows; adding a projection means adding a record here, a case in
 * {@link Projector} and its table in the SQL layer.
 */
public sealed interface StoredRow {

  /**
   * The event as received: coordinates, envelope fields and the original JSON, as the exact
   * UTF-8 bytes consumed (stored without decoding or re-encoding them).
   */
  record RawEvent(String eventId, String eventType, String version, String tenantId,
      String siteId, Instant eventTime, String topic, int partition, long offset, byte[] json)
      implements StoredRow {}

  /**
   * One KPI window. {@code tenantId} owns the row (the topic's tenant); {@code tenancyTenantId}
   * is the tenancy the window measures, empty for a whole-site window.
   */
  record KpiWindow(String tenantId, String scope, String siteId, String tenancyTenantId,
      String region, Instant windowStart, Instant windowEnd, double durationS, int samples,
      Double powerAvailabilityPct, Double gridAvailabilityPct, Double generatorRunS,
      Double fuelConsumedL, Double batteryMinSocPct, Double energyKwh, Double alarmsRaised,
      Double reportingPct, String eventId, long offset) implements StoredRow {}

  /** An X.733 alarm raised or cleared; {@code tenancyTenantId} is set when it is about one. */
  record Alarm(String tenantId, String siteId, String alarmId, String state, Instant eventTime,
      String perceivedSeverity, String x733EventType, String probableCause,
      String specificProblem, String managedObject, String tenancyTenantId, String eventId)
      implements StoredRow {}

  /** A change of an alert: {@code kind} is {@code firing} or {@code resolved}. */
  record AlertChange(String kind, String tenantId, String alertId, String fingerprint,
      String rule, String severity, String summary, String siteId, String region,
      String affectedTenants, Instant startsAt, Instant endsAt, long offset)
      implements StoredRow {}

  /**
   * A change of an incident: {@code kind} is {@code opened} or {@code resolved} (later lifecycle
   * events add kinds). Fields a kind does not carry are null.
   */
  record IncidentChange(String kind, String tenantId, String incidentId, String title,
      String severity, String rootCauseSiteId, String rootCauseKind, String rootCauseDescription,
      Double confidence, String affectedTenants, Instant openedAt, Instant resolvedAt,
      String resolution, long offset) implements StoredRow {}

  /** A site an incident affects. */
  record IncidentSite(String tenantId, String incidentId, String siteId) implements StoredRow {}

  /** The latest inventory record of a site. */
  record Site(String siteId, String name, String region, String hubSiteId, boolean hub,
      Instant registeredAt, String eventId, long offset) implements StoredRow {}

  /** A tenancy of a site registration ({@code eventId} ties it to that registration). */
  record Tenancy(String siteId, String tenantId, double slaAvailabilityPct, double dcMinV,
      double dcMaxV, double backupHours, String eventId) implements StoredRow {}
}
