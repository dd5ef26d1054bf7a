package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Pattern;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;
import com.towerco.events.payload.Payload;

import java.time.Instant;

/**
 * Command from the SLA clock: a tenant's outage minutes at a site exceeded what its
 * availability target allows for the month. Keyed by the SLA period (tenant, site, month);
 * recorded once.
 */
@EventDefinition(name = "incident.record-sla-breach", version = "1.0",
    topic = TopicFamily.INCIDENT_COMMANDS,
    description = "Command from the SLA clock: record that a tenant's SLA at a site is breached "
        + "for the month.")
public record RecordSlaBreach(
    @Description("Tenant.") @Required @Id String tenantId,
    @Description("Site.") @Required @Id String siteId,
    @Description("Calendar month (UTC), YYYY-MM.")
    @Required @Pattern(value = "[0-9]{4}-(0[1-9]|1[0-2])", means = "a month YYYY-MM") String month,
    @Description("Agreed availability, %.") @Required @Range(min = 0, max = 100) double targetPct,
    @Description("Availability so far this month, %.")
    @Required @Range(min = 0, max = 100) double availabilityPct,
    @Description("Minutes the tenant's DC supply was outside its agreed window this month.")
    @Required @Range(min = 0, max = 50000) double minutesOutOfWindow,
    @Description("Outage minutes the target allows in the month.")
    @Required @Range(min = 0, max = 50000) double allowedMinutes,
    @Description("The incident that best explains the outage, if any.") @Text(64) String incidentId,
    @Description("Event time (end of the KPI window) at which the budget ran out.")
    @Required Instant breachedAt) implements Payload {}
