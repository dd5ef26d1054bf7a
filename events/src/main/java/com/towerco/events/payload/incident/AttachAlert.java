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

/** Command: a further alert belongs to this incident (from the AIOps engine's correlator). */
@EventDefinition(name = "incident.attach-alert", version = "1.0",
    topic = TopicFamily.INCIDENT_COMMANDS,
    description = "Command from the AIOps engine: a further alert belongs to this incident.")
public record AttachAlert(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("Alert.") @Required @Text(64) String alertId,
    @Description("Site of the alert.") @Required @Id String siteId,
    @Description("Tenants the alert affects.")
    @Required @Id @Items(max = 64) List<String> affectedTenants,
    @Description("Event time.") @Required Instant at) implements IncidentCommand {}
