package com.towerco.events.payload.incident;

import com.towerco.events.contract.Description;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Items;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.util.List;

/**
 * One candidate root cause of an incident, as the AIOps engine ranks them: where, what kind, why
 * (the rule or path through the topology), how sure, and the alerts that are its evidence.
 */
public record RankedCause(
    @Description("Where.") @Required @Id String siteId,
    @Description("What kind of fault.") @Required @Text(100) String kind,
    @Description("Why we think so.") @Required @Text(1000) String description,
    @Description("Confidence in [0, 1].") @Required @Range(min = 0, max = 1) double confidence,
    @Description("The rule or path through the topology that links the cause to its symptoms.")
    @Required @Text(500) String path,
    @Description("Alert ids that support it.") @Required @Items(max = 64) List<String> evidence) {

  /** The cause in the shape of an incident's headline root cause. */
  public IncidentOpened.RootCause headline() {
    return new IncidentOpened.RootCause(siteId, kind, description, confidence);
  }
}
