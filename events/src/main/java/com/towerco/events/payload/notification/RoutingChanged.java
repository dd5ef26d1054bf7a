package com.towerco.events.payload.notification;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;
import com.towerco.events.payload.Payload;

import java.time.Instant;

/**
 * A person replaced a tenant's notification routing (receivers, routes, escalation policies)
 * at run time. {@code document} is the routing as JSON, in the format the notification
 * service documents; it was validated before it was published.
 */
@EventDefinition(name = "notification.routing-changed", version = "1.0",
    topic = TopicFamily.NOTIFICATION_SETTINGS,
    description = "A person replaced a tenant's notification routing at run time.")
public record RoutingChanged(
    @Description("The routing as JSON (receivers, routes, escalations).")
    @Required @Text(32000) String document,
    @Description("Who changed it.") @Required @Text(100) String changedBy,
    @Description("When.") @Required Instant changedAt) implements Payload {}
