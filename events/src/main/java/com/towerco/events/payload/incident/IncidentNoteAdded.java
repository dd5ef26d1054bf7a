package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A note joined the incident's timeline. */
public record IncidentNoteAdded(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) String noteId,
    @JsonProperty(required = true) String text,
    @JsonProperty(required = true) String by,
    @JsonProperty(required = true) boolean sharedWithTenants,
    @JsonProperty(required = true) Instant addedAt) implements IncidentEvent {

  public IncidentNoteAdded {
    Check.text(incidentId, "incident_id", 64);
    Check.text(noteId, "note_id", 64);
    Check.text(text, "text", 4000);
    Check.text(by, "by", 100);
    Check.required(addedAt, "added_at");
  }
}
