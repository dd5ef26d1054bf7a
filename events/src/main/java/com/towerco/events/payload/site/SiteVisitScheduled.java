package com.towerco.events.payload.site;

import com.towerco.events.payload.Check;
import com.towerco.events.payload.Payload;

import static com.towerco.events.payload.Check.required;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A visit to the site is planned (maintenance, a refuel delivery, a technician dispatched): a
 * door opening within it is expected; one outside any visit is not.
 */
public record SiteVisitScheduled(
    @JsonProperty(required = true) String visitId,
    @JsonProperty(required = true) Instant from,
    @JsonProperty(required = true) Instant until,
    @JsonProperty(required = true) String purpose) implements Payload {

  public SiteVisitScheduled {
    text(visitId, "visit_id", 64);
    required(from, "from");
    required(until, "until");
    text(purpose, "purpose", 200);
  }
}
