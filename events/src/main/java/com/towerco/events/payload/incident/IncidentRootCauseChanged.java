package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Items;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Since;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.contract.Text;

import java.time.Instant;
import java.util.List;

/** The incident's probable root cause changed as new evidence arrived. */
@EventDefinition(name = "incident.root-cause-changed", version = "1.1",
    topic = TopicFamily.INCIDENT_LIFECYCLE,
    description = "The incident's probable root cause changed.")
public record IncidentRootCauseChanged(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("Probable root cause.") @Required IncidentOpened.RootCause rootCause,
    @Description("Candidate root causes, most probable first.")
    @Required @Items(min = 1, max = 10) List<RankedCause> rankedCauses,
    @Description("What changed the ranking.") @Required @Text(500) String reason,
    @Description("Event time.") @Required Instant changedAt,
    @Description("The incident's new title; absent: unchanged.") @Since("1.1") @Text(300)
    String title,
    @Description("The incident's new severity; absent: unchanged.") @Since("1.1")
    AlertSeverity severity) implements IncidentEvent {

  /** A 1.0 event: title and severity unchanged. */
  public IncidentRootCauseChanged(String incidentId, IncidentOpened.RootCause rootCause,
      List<RankedCause> rankedCauses, String reason, Instant changedAt) {
    this(incidentId, rootCause, rankedCauses, reason, changedAt, null, null);
  }
}
