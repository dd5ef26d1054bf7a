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

/** The alert named by {@code alertId} stopped firing. */
@EventDefinition(name = "alert.resolved", version = "1.0", topic = TopicFamily.ALERT_NOTIFICATIONS,
    description = "An alert stopped firing.")
public record AlertResolved(
    @Description("The firing that ended.") @Required @Text(64) String alertId,
    @Description("Stable identity of the problem.") @Required @Text(128) String fingerprint,
    @Description("Rule.") @Required @Text(100) String rule,
    @Description("Alert severity.") @Required AlertSeverity severity,
    @Description("One line for a person.") @Required @Text(500) String summary,
    @Description("Site.") @Required @Id String siteId,
    @Description("Tenancies affected.") @Required @Id @Items(max = 16) List<String> affectedTenants,
    @Description("When it started.") @Required Instant startsAt,
    @Description("When it ended, event time.") @Required Instant endsAt) implements Payload {}
