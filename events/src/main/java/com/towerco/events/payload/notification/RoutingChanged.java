package com.towerco.events.payload.notification;

import com.towerco.events.payload.Check;
import com.towerco.events.payload.Payload;

import static com.towerco.events.payload.Check.required;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A person replaced a tenant's notification routing (receivers, routes, escalation policies)
 * at run time. {@code document} is the routing as JSON, in the format the notification
 * service documents; it was validated before it was published.
 */
public record RoutingChanged(
    @JsonProperty(required = true) String document,
    @JsonProperty(required = true) String changedBy,
    @JsonProperty(required = true) Instant changedAt) implements Payload {

  public RoutingChanged {
    text(document, "document", 32_000);
    text(changedBy, "changed_by", 100);
    required(changedAt, "changed_at");
  }
}
