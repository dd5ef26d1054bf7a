package com.towerco.events.payload.notification;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Items;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;
import com.towerco.events.payload.Payload;

import java.time.Instant;
import java.util.List;

/**
 * A notification that was due but not sent because active silences matched what it was about:
 * the alerts of a group (or an incident's escalation) and the silences that muted them, so a
 * suppression is on record instead of dropped without trace.
 */
@EventDefinition(name = "notification.suppressed", version = "1.0",
    topic = TopicFamily.NOTIFICATION_DELIVERIES,
    description = "A due notification was not sent because active silences matched it.")
public record NotificationSuppressed(
    @Description("The notification that was not sent.") @Required @Text(64) String notificationId,
    @Description("Alert group (route and group-by values) or escalation.")
    @Required @Text(500) String groupKey,
    @Description("Route or escalation policy.") @Required @Text(100) String route,
    @Description("Receivers that would have been notified.")
    @Required @Text(100) @Items(max = 32) List<String> receivers,
    @Description("The silences that matched.")
    @Required @Text(64) @Items(min = 1, max = 50) List<String> silenceIds,
    @Description("Alerts suppressed.") @Required @Text(64) @Items(max = 1000) List<String> alertIds,
    @Description("Incident, for an escalation.") @Text(64) String incidentId,
    @Description("The latest event the notification was about.")
    @Required @Text(64) String sourceEventId,
    @Description("When, event time.") @Required Instant suppressedAt) implements Payload {}
