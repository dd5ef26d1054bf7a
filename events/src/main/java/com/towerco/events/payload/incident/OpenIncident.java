package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Items;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Since;
import com.towerco.events.contract.Text;
import com.towerco.events.payload.alert.AlertSeverity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Command: open an incident for one correlated problem. Sent by the AIOps engine; the incident
 * service decides (it ignores a repeat for an incident that already exists) and records
 * {@code incident.opened}.
 */
@EventDefinition(name = "incident.open", version = "1.1", topic = TopicFamily.INCIDENT_COMMANDS,
    description = "Command from the AIOps engine: open an incident for a correlated problem.")
public record OpenIncident(
    @Description("Incident id (derived from the first alert, so a repeat names the same incident).")
    @Required @Text(64) String incidentId,
    @Description("Title.") @Required @Text(300) String title,
    @Description("Alert severity.") @Required AlertSeverity severity,
    @Description("Probable root cause.") @Required IncidentOpened.RootCause rootCause,
    @Description("Symptom alerts.") @Required @Items(min = 1, max = 1000) List<String> alertIds,
    @Description("Sites affected.")
    @Required @Id @Items(min = 1, max = 10000) List<String> affectedSites,
    @Description("Tenants affected.") @Required @Id @Items(max = 64) List<String> affectedTenants,
    @Description("Event time the problem was recognised.") @Required Instant detectedAt,
    @Description("Candidate root causes, most probable first.")
    @Items(min = 1, max = 10) List<RankedCause> rankedCauses,
    @Description("The site of each symptom alert (alert id to site id), so that a tenant is "
        + "shown only the alerts at its own sites.")
    @Since("1.1") Map<String, String> alertSites) implements IncidentCommand {

  /** Without a ranking (the headline root cause only). */
  public OpenIncident(String incidentId, String title, AlertSeverity severity,
      IncidentOpened.RootCause rootCause, List<String> alertIds, List<String> affectedSites,
      List<String> affectedTenants, Instant detectedAt) {
    this(incidentId, title, severity, rootCause, alertIds, affectedSites, affectedTenants,
        detectedAt, null, null);
  }

  /** Without the alerts' sites (as a 1.0 producer sends it). */
  public OpenIncident(String incidentId, String title, AlertSeverity severity,
      IncidentOpened.RootCause rootCause, List<String> alertIds, List<String> affectedSites,
      List<String> affectedTenants, Instant detectedAt, List<RankedCause> rankedCauses) {
    this(incidentId, title, severity, rootCause, alertIds, affectedSites, affectedTenants,
        detectedAt, rankedCauses, null);
  }
}
