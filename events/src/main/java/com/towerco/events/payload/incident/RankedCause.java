package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;

import static com.towerco.events.payload.Check.range;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One candidate root cause of an incident, as the AIOps engine ranks them: where, what kind, why
 * (the rule or path through the topology), how sure, and the alerts that are its evidence.
 */
public record RankedCause(
    @JsonProperty(required = true) String siteId,
    @JsonProperty(required = true) String kind,
    @JsonProperty(required = true) String description,
    @JsonProperty(required = true) double confidence,
    @JsonProperty(required = true) String path,
    @JsonProperty(required = true) List<String> evidence) {

  public RankedCause {
    Check.id(siteId, "ranked_causes[].site_id");
    text(kind, "ranked_causes[].kind", 100);
    text(description, "ranked_causes[].description", 1000);
    range(confidence, 0, 1, "ranked_causes[].confidence");
    text(path, "ranked_causes[].path", 500);
    evidence = Check.list(evidence, "ranked_causes[].evidence", 0, 64);
  }

  /** The cause in the shape of an incident's headline root cause. */
  public IncidentOpened.RootCause headline() {
    return new IncidentOpened.RootCause(siteId, kind, description, confidence);
  }
}
