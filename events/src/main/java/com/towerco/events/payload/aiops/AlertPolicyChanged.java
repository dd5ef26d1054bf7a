package com.towerco.events.payload.aiops;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Instant;

/**
 * A NOC user changed how a threshold rule alerts, for the whole fleet or for one site class,
 * region or tenant (the most specific applies): its thresholds, persistence and severity. The
 * audit trail of the operator's policy, and what the engine applies without a restart.
 */
@EventDefinition(name = "aiops.policy-changed", version = "1.0",
    topic = TopicFamily.AIOPS_POLICY,
    description = "The NOC changed a threshold rule's thresholds, persistence or severity for "
        + "the fleet, a site class, a region or a tenant.")
public record AlertPolicyChanged(
    @Description("Change id.") @Required @Text(64) String changeId,
    @Description("The threshold rule, e.g. high-temperature.") @Required @Text(64) String rule,
    @Description("fleet, site-class, region or tenant.") @Required @Text(16) String scope,
    @Description("The site class (hub, site), region or tenant; absent for the fleet.")
    @Text(64) String scopeValue,
    @Description("The value past which the condition is present.")
    @Required @Range(min = -1000, max = 1000) double on,
    @Description("The value back past which it clears.")
    @Required @Range(min = -1000, max = 1000) double off,
    @Description("Readings in a row past the threshold before an alert.")
    @Required @Range(min = 1, max = 100000) int persist,
    @Description("Seconds the readings past the threshold must span.")
    @Required @Range(min = 0, max = 86400) int persistForS,
    @Description("A value at or past this alerts at once when a second signal confirms it.")
    @Required @Range(min = -1000, max = 1000) double extreme,
    @Description("The severity of the rule's alerts.") @Required AlertSeverity severity,
    @Description("Who changed it.") @Required @Text(100) String changedBy,
    @Description("When.") @Required Instant changedAt) implements Payload {}
