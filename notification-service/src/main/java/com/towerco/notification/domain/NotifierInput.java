package com.towerco.notification.domain;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertResolved;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.notification.NotificationAttempted;
import java.time.Instant;

/**
 * What the notifier reacts to, one tenant at a time: alerts firing and resolving, incidents
 * opening and being acknowledged or resolved, delivery outcomes, and clock ticks. A tick is
 * the only way time passes without an event, and it is itself an event, so the notifier is a
 * pure function of its input stream.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NotifierInput.AlertFired.class, name = "alert-fired"),
    @JsonSubTypes.Type(value = NotifierInput.AlertCleared.class, name = "alert-cleared"),
    @JsonSubTypes.Type(value = NotifierInput.IncidentStarted.class, name = "incident-started"),
    @JsonSubTypes.Type(value = NotifierInput.IncidentStopped.class, name = "incident-stopped"),
    @JsonSubTypes.Type(value = NotifierInput.DeliveryOutcome.class, name = "delivery-outcome"),
    @JsonSubTypes.Type(value = NotifierInput.Tick.class, name = "tick")})
public sealed interface NotifierInput {
  /** The tenant whose state it concerns; empty for a tick, which concerns every tenant. */
  String tenant();

  /** An alert started firing (the tenant's copy). */
  record AlertFired(String tenant, String eventId, AlertFiring alert) implements NotifierInput {}

  /** An alert stopped firing. */
  record AlertCleared(String tenant, String eventId, AlertResolved alert)
      implements NotifierInput {}

  /** An incident was opened: its escalation starts. */
  record IncidentStarted(String tenant, String eventId, IncidentOpened incident)
      implements NotifierInput {}

  /** An incident was acknowledged or resolved: its escalation stops. */
  record IncidentStopped(String tenant, String eventId, String incidentId, String reason)
      implements NotifierInput {}

  /** The outcome of a delivery attempt, as the dispatcher published it. */
  record DeliveryOutcome(String tenant, String eventId, NotificationAttempted attempt)
      implements NotifierInput {}

  /** Time passed. */
  record Tick(Instant at) implements NotifierInput {
    @Override
    public String tenant() {
      return "";
    }
  }
}
