package com.towerco.dashboard.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.towerco.events.Envelope;
import com.towerco.events.EventTypes;
import com.towerco.events.Json;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.incident.IncidentAlertAttached;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.incident.IncidentResolved;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads incident lifecycle events into timeline entries. The three types known today get a
 * written line; any other {@code incident.*} type (acknowledged, assigned, dispatched, ...) is
 * read generically: its payload's {@code incident_id} says which incident, its verb becomes the
 * line, and its fields are shown as they are.
 */
final class IncidentEvents {
  static final String PREFIX = "incident.";
  private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

  private IncidentEvents() {}

  /** An event of the incident lifecycle (not a command to the incident service). */
  static boolean isIncidentEvent(Envelope event) {
    return EventTypes.find(event.eventType(), event.version())
        .map(type -> type.topic() == TopicFamily.INCIDENT_LIFECYCLE)
        .orElse(event.eventType().startsWith(PREFIX));
  }

  /** The incident an event belongs to, if it names one. */
  static Optional<String> incidentId(Envelope event, Map<String, Object> fields) {
    Object payload = event.payload();
    if (payload instanceof IncidentOpened o) {
      return Optional.of(o.incidentId());
    } else if (payload instanceof IncidentAlertAttached a) {
      return Optional.of(a.incidentId());
    } else if (payload instanceof IncidentResolved r) {
      return Optional.of(r.incidentId());
    }
    Object id = fields.get("incident_id");
    return id instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  static Map<String, Object> fields(Envelope event) {
    return Json.mapper().convertValue(event.payload(), FIELDS);
  }

  static TimelineEntry entry(Envelope event, Map<String, Object> fields) {
    return new TimelineEntry(event.eventId(), event.eventType(), event.timestamp(),
        summary(event), fields);
  }

  private static String summary(Envelope event) {
    Object payload = event.payload();
    if (payload instanceof IncidentOpened o) {
      return "Opened: " + o.title() + " (root cause " + o.rootCause().kind() + " at "
          + o.rootCause().siteId() + ", confidence "
          + Math.round(o.rootCause().confidence() * 100) + "%)";
    } else if (payload instanceof IncidentAlertAttached a) {
      return "Alert " + a.alertId() + " at " + a.siteId() + " attached";
    } else if (payload instanceof IncidentResolved r) {
      return "Resolved: " + r.resolution();
    }
    String verb = event.eventType().substring(PREFIX.length()).replace('-', ' ');
    return verb.isEmpty() ? event.eventType()
        : verb.substring(0, 1).toUpperCase(Locale.ROOT) + verb.substring(1);
  }
}
