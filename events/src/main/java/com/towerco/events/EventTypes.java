package com.towerco.events;

import com.towerco.events.payload.AlertFiring;
import com.towerco.events.payload.AlertResolved;
import com.towerco.events.payload.AttachAlert;
import com.towerco.events.payload.ClearIncident;
import com.towerco.events.payload.IncidentAlertAttached;
import com.towerco.events.payload.IncidentOpened;
import com.towerco.events.payload.IncidentResolved;
import com.towerco.events.payload.KpiComputed;
import com.towerco.events.payload.NotificationAttempted;
import com.towerco.events.payload.NotificationEscalated;
import com.towerco.events.payload.NotificationSuppressed;
import com.towerco.events.payload.OpenIncident;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.RoutingChanged;
import com.towerco.events.payload.SilenceCreated;
import com.towerco.events.payload.SilenceExpired;
import com.towerco.events.payload.SiteAlarm;
import com.towerco.events.payload.SiteConnectivity;
import com.towerco.events.payload.SiteRegistered;
import com.towerco.events.payload.SiteTelemetry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The event catalogue: every event type and version the platform reads or writes. */
public final class EventTypes {
  public static final EventType SITE_TELEMETRY = new EventType("site.telemetry", "1.0",
      SiteTelemetry.class, TopicFamily.SITE_EVENTS,
      "A reading of the site's remote monitoring unit: power chain, environment, tenant DC feeds.");
  public static final EventType SITE_ALARM = new EventType("site.alarm", "1.0",
      SiteAlarm.class, TopicFamily.SITE_EVENTS,
      "An X.733 equipment alarm raised or cleared at the site.");
  public static final EventType SITE_CONNECTIVITY = new EventType("site.connectivity", "1.0",
      SiteConnectivity.class, TopicFamily.SITE_EVENTS,
      "The mediation layer lost or regained contact with the site.");
  public static final EventType SITE_REGISTERED = new EventType("site.registered", "1.0",
      SiteRegistered.class, TopicFamily.INVENTORY,
      "Inventory: the site's region, hub, power plant and tenancies (latest wins, compacted topic).");
  public static final EventType KPI_COMPUTED = new EventType("kpi.computed", "1.0",
      KpiComputed.class, TopicFamily.KPI_METRICS,
      "KPIs of one event-time window for a site or one tenancy on it.");
  public static final EventType ALERT_FIRING = new EventType("alert.firing", "1.0",
      AlertFiring.class, TopicFamily.ALERT_NOTIFICATIONS,
      "An alert started firing.");
  public static final EventType ALERT_RESOLVED = new EventType("alert.resolved", "1.0",
      AlertResolved.class, TopicFamily.ALERT_NOTIFICATIONS,
      "An alert stopped firing.");
  public static final EventType INCIDENT_OPENED = new EventType("incident.opened", "1.0",
      IncidentOpened.class, TopicFamily.INCIDENT_LIFECYCLE,
      "An incident was opened for one real problem, with its root cause and symptoms.");
  public static final EventType INCIDENT_ALERT_ATTACHED = new EventType("incident.alert-attached",
      "1.0", IncidentAlertAttached.class, TopicFamily.INCIDENT_LIFECYCLE,
      "A further alert was correlated into an open incident.");
  public static final EventType INCIDENT_RESOLVED = new EventType("incident.resolved", "1.0",
      IncidentResolved.class, TopicFamily.INCIDENT_LIFECYCLE,
      "The incident's problem cleared.");
  public static final EventType OPEN_INCIDENT = new EventType("incident.open", "1.0",
      OpenIncident.class, TopicFamily.INCIDENT_COMMANDS,
      "Command from the AIOps engine: open an incident for a correlated problem.");
  public static final EventType ATTACH_ALERT = new EventType("incident.attach-alert", "1.0",
      AttachAlert.class, TopicFamily.INCIDENT_COMMANDS,
      "Command from the AIOps engine: a further alert belongs to this incident.");
  public static final EventType CLEAR_INCIDENT = new EventType("incident.clear", "1.0",
      ClearIncident.class, TopicFamily.INCIDENT_COMMANDS,
      "Command from the AIOps engine: every symptom of the incident has cleared.");
  public static final EventType NOTIFICATION_ATTEMPTED = new EventType("notification.attempted",
      "1.0", NotificationAttempted.class, TopicFamily.NOTIFICATION_DELIVERIES,
      "The outcome of one delivery attempt of a notification to a receiver.");
  public static final EventType NOTIFICATION_SUPPRESSED = new EventType(
      "notification.suppressed", "1.0", NotificationSuppressed.class,
      TopicFamily.NOTIFICATION_DELIVERIES,
      "A due notification was not sent because active silences matched it.");
  public static final EventType NOTIFICATION_ESCALATED = new EventType("notification.escalated",
      "1.0", NotificationEscalated.class, TopicFamily.NOTIFICATION_DELIVERIES,
      "An unacknowledged incident was escalated to the next level of its policy.");
  public static final EventType SILENCE_CREATED = new EventType(
      "notification.silence-created", "1.0", SilenceCreated.class,
      TopicFamily.NOTIFICATION_SETTINGS,
      "A person silenced matching notifications of a tenant for a time window.");
  public static final EventType SILENCE_EXPIRED = new EventType(
      "notification.silence-expired", "1.0", SilenceExpired.class,
      TopicFamily.NOTIFICATION_SETTINGS,
      "A person ended a silence before its end time.");
  public static final EventType ROUTING_CHANGED = new EventType(
      "notification.routing-changed", "1.0", RoutingChanged.class,
      TopicFamily.NOTIFICATION_SETTINGS,
      "A person replaced a tenant's notification routing at run time.");

  private static final List<EventType> ALL = List.of(SITE_TELEMETRY, SITE_ALARM,
      SITE_CONNECTIVITY, SITE_REGISTERED, KPI_COMPUTED, ALERT_FIRING, ALERT_RESOLVED,
      INCIDENT_OPENED, INCIDENT_ALERT_ATTACHED, INCIDENT_RESOLVED, OPEN_INCIDENT, ATTACH_ALERT,
      CLEAR_INCIDENT, NOTIFICATION_ATTEMPTED, NOTIFICATION_SUPPRESSED, NOTIFICATION_ESCALATED,
      SILENCE_CREATED, SILENCE_EXPIRED, ROUTING_CHANGED);

  private static final Map<String, Map<String, EventType>> BY_NAME = new HashMap<>();
  private static final Map<Class<? extends Payload>, EventType> BY_PAYLOAD = new HashMap<>();

  static {
    for (EventType type : ALL) {
      BY_NAME.computeIfAbsent(type.name(), n -> new HashMap<>()).put(type.version(), type);
      BY_PAYLOAD.merge(type.payloadClass(), type,
          (a, b) -> a.version().compareTo(b.version()) >= 0 ? a : b);
    }
  }

  private EventTypes() {}

  public static List<EventType> all() {
    return ALL;
  }

  public static boolean isKnownName(String name) {
    return BY_NAME.containsKey(name);
  }

  public static Optional<EventType> find(String name, String version) {
    Map<String, EventType> versions = BY_NAME.get(name);
    return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
  }

  /** The current (newest) event type a payload record is written as. */
  public static EventType forPayload(Class<? extends Payload> payloadClass) {
    EventType type = BY_PAYLOAD.get(payloadClass);
    if (type == null) {
      throw new IllegalArgumentException("no event type for " + payloadClass.getName());
    }
    return type;
  }
}
