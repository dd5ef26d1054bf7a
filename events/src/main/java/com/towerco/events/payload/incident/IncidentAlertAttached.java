package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Items;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;
import java.util.List;

/**
 * Another alert turned out to belong to an open incident. {@code affectedTenants} (optional)
 * names the tenants on the alert's site, so the incident's affected tenants follow from its
 * events alone.
 */
@EventDefinition(name = "incident.alert-attached", version = "1.0",
    topic = TopicFamily.INCIDENT_LIFECYCLE,
    description = "A further alert was correlated into an open incident.")
public record IncidentAlertAttached(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("Alert.") @Required @Text(64) String alertId,
    @Description("Site of the alert.") @Required @Id String siteId,
    @Description("Event time.") @Required Instant attachedAt,
    @Description("Tenants with a tenancy on the alert's site (optional; the incident's "
        + "affected tenants grow by them).")
    @Id @Items(max = 64) List<String> affectedTenants) implements IncidentEvent {}
