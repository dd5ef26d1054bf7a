package com.towerco.aiops.stream;

import com.towerco.aiops.alerting.ActiveAlert;
import com.towerco.aiops.correlation.IncidentUpdate;
import com.towerco.events.Envelope;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.EventTypes;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertResolved;
import com.towerco.platform.runtime.TopicNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns alert changes and correlator decisions into the records to publish. Alerts: the full
 * event on the operator's topic, and for every affected tenant a copy on that tenant's topic
 * that names only that tenant (a tenant never learns who else shares a site). Incident
 * decisions: a command on the operator's incident command topic. Event ids are derived from
 * what they describe, so reprocessing publishes the same ids.
 */
final class Publications {
  private static final Map<String, String> METADATA = Map.of("producer", "aiops-engine");

  private final EventCodec codec;
  private final TopicNames topics;
  private final SiteLookup sites;
  private final String operator;

  Publications(EventCodec codec, TopicNames topics, SiteLookup sites, String operatorTenant) {
    this.codec = codec;
    this.topics = topics;
    this.sites = sites;
    this.operator = operatorTenant;
  }

  List<Emission.Outbound> fired(ActiveAlert alert, String siteId, List<String> tenants) {
    List<Emission.Outbound> out = new ArrayList<>();
    for (String tenant : audience(tenants)) {
      AlertFiring firing = new AlertFiring(alert.alertId(), alert.fingerprint(),
          alert.rule().id(), alert.severity(), summary(alert, siteId), siteId,
          sites.region(siteId), sites.hub(siteId), visible(tenant, tenants),
          labels(alert),
          alert.startsAt(), alert.evidence());
      out.add(outbound(TopicFamily.ALERT_NOTIFICATIONS, tenant, alert.fingerprint(),
          EventIds.derived(EventTypes.of(AlertFiring.class).name(), alert.alertId(), tenant),
          siteId,
          alert.startsAt(), firing));
    }
    return out;
  }

  List<Emission.Outbound> resolved(ActiveAlert alert, String siteId, List<String> tenants,
      Instant endsAt) {
    List<Emission.Outbound> out = new ArrayList<>();
    for (String tenant : audience(tenants)) {
      AlertResolved resolved = new AlertResolved(alert.alertId(), alert.fingerprint(),
          alert.rule().id(), alert.severity(), summary(alert, siteId), siteId,
          visible(tenant, tenants), alert.startsAt(), endsAt);
      out.add(outbound(TopicFamily.ALERT_NOTIFICATIONS, tenant, alert.fingerprint(),
          EventIds.derived(EventTypes.of(AlertResolved.class).name(), alert.alertId(), tenant),
          siteId,
          endsAt, resolved));
    }
    return out;
  }

  /**
   * An alert's record as its problem publishes it: at the problem's {@code severity} (the
   * alarm's own stays in the label {@code alarm_severity}), labelled with why it notifies
   * ({@code notified}: {@link com.towerco.aiops.correlation.Release.Kind#label}). Same event id,
   * key, topic and time as the record the site stage made; the record as it is for any other
   * event.
   */
  Emission.Outbound asPublished(Emission.Notice notice,
      com.towerco.events.payload.alert.AlertSeverity severity,
      com.towerco.aiops.correlation.Release.Kind kind) {
    Emission.Outbound original = notice.outbound();
    Envelope event;
    try {
      event = codec.decode(original.value());
    } catch (com.towerco.events.InvalidEventException e) {
      throw new IllegalStateException("the engine's own alert record does not decode: "
          + e.getMessage(), e);
    }
    Payload payload;
    if (event.payload() instanceof AlertFiring f) {
      Map<String, String> labels = new java.util.TreeMap<>(f.labels());
      labels.put("alarm_severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
      labels.put("notified", kind.label());
      payload = new AlertFiring(f.alertId(), f.fingerprint(), f.rule(), severity, f.summary(),
          f.siteId(), f.region(), f.hubSiteId(), f.affectedTenants(), labels, f.startsAt(),
          f.evidenceEventIds());
    } else if (event.payload() instanceof AlertResolved r) {
      payload = new AlertResolved(r.alertId(), r.fingerprint(), r.rule(), severity,
          r.summary(), r.siteId(), r.affectedTenants(), r.startsAt(), r.endsAt());
    } else {
      return original;
    }
    Envelope restamped = Envelope.of(event.eventId(), event.tenantId(), event.siteId(),
        event.timestamp(), payload, event.metadata());
    return new Emission.Outbound(original.topic(), original.key(), codec.encode(restamped),
        EventHeaders.of(restamped));
  }

  /** A correlator decision, as a command to the incident service on the operator's topic. */
  Emission.Outbound incident(IncidentUpdate update) {
    Payload command = update.payload();
    String type = EventTypes.of(command.getClass()).name();
    return outbound(TopicFamily.INCIDENT_COMMANDS, operator, update.incidentId(),
        EventIds.derived(type, update.incidentId(), update.time().toString(), command.toString()),
        update.rootSiteId(), update.time(), command);
  }

  private static Map<String, String> labels(ActiveAlert alert) {
    Map<String, String> labels = new java.util.TreeMap<>(alert.details());
    labels.put("chain", alert.rule().chain().name().toLowerCase());
    labels.put("subject", alert.subject());
    return labels;
  }

  private List<String> audience(List<String> tenants) {
    List<String> audience = new ArrayList<>();
    audience.add(operator);
    tenants.stream().filter(t -> !t.equals(operator)).forEach(audience::add);
    return audience;
  }

  private List<String> visible(String tenant, List<String> tenants) {
    return tenant.equals(operator) ? tenants : List.of(tenant);
  }

  private static String summary(ActiveAlert alert, String siteId) {
    return alert.rule().summary() + " at " + siteId
        + (alert.subject().isEmpty() ? "" : " (" + alert.subject() + ")");
  }

  private Emission.Outbound outbound(TopicFamily family, String tenant, String key,
      String eventId, String siteId, Instant time, Payload payload) {
    Envelope event = Envelope.of(eventId, tenant, siteId, time, payload, METADATA);
    return new Emission.Outbound(topics.topic(family, tenant), key, codec.encode(event),
        EventHeaders.of(event));
  }
}
