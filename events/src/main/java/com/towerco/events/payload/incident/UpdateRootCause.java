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

/**
 * Command from the AIOps engine: new evidence changed the ranking of an open incident's root
 * causes (a generator failure after the mains failure that opened it, say).
 */
@EventDefinition(name = "incident.update-root-cause", version = "1.1",
    topic = TopicFamily.INCIDENT_COMMANDS,
    description = "Command from the AIOps engine: new evidence changed the ranking of the root "
        + "causes.")
public record UpdateRootCause(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("Probable root cause.") @Required IncidentOpened.RootCause rootCause,
    @Description("Candidate root causes, most probable first.")
    @Required @Items(min = 1, max = 10) List<RankedCause> rankedCauses,
    @Description("What changed the ranking.") @Required @Text(500) String reason,
    @Description("Event time of the new evidence.")
    @Required Instant at,
    @Description("The incident's title for the new root cause; absent: keep the title.")
    @Since("1.1") @Text(300) String title,
    @Description("The incident's severity from its impact now; absent: keep the severity.")
    @Since("1.1") AlertSeverity severity) implements IncidentCommand {

  /** A 1.0 command: the title and severity stay as they are. */
  public UpdateRootCause(String incidentId, IncidentOpened.RootCause rootCause,
      List<RankedCause> rankedCauses, String reason, Instant at) {
    this(incidentId, rootCause, rankedCauses, reason, at, null, null);
  }
}
