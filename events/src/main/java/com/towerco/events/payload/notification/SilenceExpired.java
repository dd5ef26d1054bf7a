package com.towerco.events.payload.notification;

import com.towerco.events.payload.Check;
import com.towerco.events.payload.Payload;

import static com.towerco.events.payload.Check.required;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A person ended a silence before its end time. It repeats the silence as created, because
 * the settings topic is compacted by silence and keeps only this latest record of it.
 */
public record SilenceExpired(
    @JsonProperty(required = true) String silenceId,
    @JsonProperty(required = true) List<String> matchers,
    @JsonProperty(required = true) Instant startsAt,
    @JsonProperty(required = true) Instant endsAt,
    @JsonProperty(required = true) String createdBy,
    @JsonProperty(required = true) String comment,
    @JsonProperty(required = true) Instant expiredAt,
    @JsonProperty(required = true) String expiredBy) implements Payload {

  public SilenceExpired {
    text(silenceId, "silence_id", 64);
    matchers = Check.textList(matchers, "matchers", 1, 20, 300);
    required(startsAt, "starts_at");
    required(endsAt, "ends_at");
    text(createdBy, "created_by", 100);
    text(comment, "comment", 1000);
    required(expiredAt, "expired_at");
    text(expiredBy, "expired_by", 100);
  }
}
