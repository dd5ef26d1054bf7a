package com.towerco.events.payload.notification;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Items;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;
import com.towerco.events.payload.Payload;

import java.time.Instant;
import java.util.List;

/**
 * An incident was not acknowledged within its escalation policy's time, so the policy's next
 * level was notified; {@code notificationId} names the notification sent to that level.
 */
@EventDefinition(name = "notification.escalated", version = "1.0",
    topic = TopicFamily.NOTIFICATION_DELIVERIES,
    description = "An unacknowledged incident was escalated to the next level of its policy.")
public record NotificationEscalated(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("Escalation policy.") @Required @Text(100) String policy,
    @Description("Level notified (1 = first).") @Required @Range(min = 1, max = 100) int level,
    @Description("Receivers of that level.")
    @Required @Text(100) @Items(min = 1, max = 32) List<String> receivers,
    @Description("The notification sent.") @Required @Text(64) String notificationId,
    @Description("When, event time.") @Required Instant escalatedAt) implements Payload {}
