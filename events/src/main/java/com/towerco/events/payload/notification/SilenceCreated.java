package com.towerco.events.payload.notification;

import com.towerco.events.payload.Check;
import com.towerco.events.payload.Payload;

import static com.towerco.events.payload.Check.required;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A person silenced a tenant's notifications that match {@code matchers} (label matchers such
 * as {@code site=S0001} or {@code severity=~"minor|warning"}) from {@code startsAt} until
 * {@code endsAt}: a maintenance window or a scheduled field visit.
 */
public record SilenceCreated(
    @JsonProperty(required = true) String silenceId,
    @JsonProperty(required = true) java.util.List<String> matchers,
    @JsonProperty(required = true) Instant startsAt,
    @JsonProperty(required = true) Instant endsAt,
    @JsonProperty(required = true) String createdBy,
    @JsonProperty(required = true) String comment) implements Payload {

  public SilenceCreated {
    text(silenceId, "silence_id", 64);
    matchers = Check.textList(matchers, "matchers", 1, 20, 300);
    required(startsAt, "starts_at");
    required(endsAt, "ends_at");
    text(createdBy, "created_by", 100);
    text(comment, "comment", 1000);
  }
}
