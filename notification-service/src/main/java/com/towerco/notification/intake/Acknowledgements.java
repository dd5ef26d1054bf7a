package com.towerco.notification.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.Json;
import com.towerco.events.Rfc3339;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code incident.acknowledged} events by name, whether or not the event catalogue this
 * build was compiled with knows the type yet: escalation needs only the envelope's tenant and
 * time and the payload's {@code incident_id}. Anything else about the event is the incident
 * service's business.
 */
final class Acknowledgements {
  static final String TYPE = "incident.acknowledged";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  /** An acknowledgement as escalation needs it. */
  record Acknowledgement(String eventId, String tenantId, String incidentId, Instant at) {}

  private Acknowledgements() {}

  static Optional<Acknowledgement> read(byte[] value) {
    try {
      JsonNode event = Json.mapper().readTree(value);
      if (event == null || !TYPE.equals(event.path("event_type").asText())) {
        return Optional.empty();
      }
      String eventId = event.path("event_id").asText("");
      String tenant = event.path("tenant_id").asText("");
      String incident = event.path("payload").path("incident_id").asText("");
      Instant at = Rfc3339.parse(event.path("timestamp").asText(""));
      if (eventId.isEmpty() || eventId.length() > 64 || !ID.matcher(tenant).matches()
          || incident.isEmpty() || incident.length() > 64) {
        return Optional.empty();
      }
      return Optional.of(new Acknowledgement(eventId, tenant, incident, at));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
