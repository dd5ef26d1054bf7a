package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Items;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Since;
import com.towerco.events.contract.Text;
import com.towerco.events.payload.alert.AlertSeverity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An incident was opened for one real problem: its probable root cause, the alerts that are its
 * symptoms, and every site and tenant it affects.
 */
@EventDefinition(name = "incident.opened", version = "1.1", topic = TopicFamily.INCIDENT_LIFECYCLE,
    description = "An incident was opened for one real problem, with its root cause and symptoms.")
public record IncidentOpened(
    @Description("Incident id.") @Required @Text(64) String incidentId,
    @Description("Title.") @Required @Text(300) String title,
    @Description("Alert severity.") @Required AlertSeverity severity,
    @Description("Probable root cause.") @Required RootCause rootCause,
    @Description("Symptom alerts.") @Required @Items(min = 1, max = 1000) List<String> alertIds,
    @Description("Sites affected.")
    @Required @Id @Items(min = 1, max = 10000) List<String> affectedSites,
    @Description("Tenants affected.") @Required @Id @Items(max = 64) List<String> affectedTenants,
    @Description("Event time it opened.") @Required Instant openedAt,
    @Description("Candidate root causes, most probable first.")
    @Items(min = 1, max = 10) List<RankedCause> rankedCauses,
    @Description("The site of each symptom alert (alert id to site id); a tenant's copy names "
        + "only the alerts at its own sites.")
    @Since("1.1") Map<String, String> alertSites) implements IncidentEvent {

  /** Without a ranking (the headline root cause only). */
  public IncidentOpened(String incidentId, String title, AlertSeverity severity,
      RootCause rootCause, List<String> alertIds, List<String> affectedSites,
      List<String> affectedTenants, Instant openedAt) {
    this(incidentId, title, severity, rootCause, alertIds, affectedSites, affectedTenants,
        openedAt, null, null);
  }

  /** Without the alerts' sites (as a 1.0 producer writes it). */
  public IncidentOpened(String incidentId, String title, AlertSeverity severity,
      RootCause rootCause, List<String> alertIds, List<String> affectedSites,
      List<String> affectedTenants, Instant openedAt, List<RankedCause> rankedCauses) {
    this(incidentId, title, severity, rootCause, alertIds, affectedSites, affectedTenants,
        openedAt, rankedCauses, null);
  }

  /** The probable root cause: where, what kind, why we think so, and how sure. */
  public record RootCause(
      @Description("Where.") @Required @Id String siteId,
      @Description("What kind of fault.") @Required @Text(100) String kind,
      @Description("Why we think so.") @Required @Text(1000) String description,
      @Description("Confidence in [0, 1].") @Required @Range(min = 0, max = 1) double confidence) {}
}
