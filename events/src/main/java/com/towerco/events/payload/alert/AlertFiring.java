package com.towerco.events.payload.alert;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Items;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;
import com.towerco.events.payload.Payload;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An alert started firing. {@code fingerprint} is stable for the same problem on the same
 * object (rule + site + object), so repeats deduplicate; {@code alertId} names this firing.
 */
@EventDefinition(name = "alert.firing", version = "1.0", topic = TopicFamily.ALERT_NOTIFICATIONS,
    description = "An alert started firing.")
public record AlertFiring(
    @Description("Id of this firing.") @Required @Text(64) String alertId,
    @Description("Stable identity of the problem (rule + site + object).")
    @Required @Text(128) String fingerprint,
    @Description("The rule or detector that fired.") @Required @Text(100) String rule,
    @Description("Alert severity.") @Required AlertSeverity severity,
    @Description("One line for a person.") @Required @Text(500) String summary,
    @Description("Site.") @Required @Id String siteId,
    @Description("Region.") @Required @Id String region,
    @Description("Hub of the site.") @Id String hubSiteId,
    @Description("Tenancies affected.") @Required @Id @Items(max = 16) List<String> affectedTenants,
    @Description("Labels for routing and grouping.") @Required Map<String, String> labels,
    @Description("When the problem started, event time.") @Required Instant startsAt,
    @Description("Events that made it fire.")
    @Required @Items(max = 64) List<String> evidenceEventIds) implements Payload {}
