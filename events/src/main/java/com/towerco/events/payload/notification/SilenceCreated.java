package com.towerco.events.payload.notification;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Items;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;
import com.towerco.events.payload.Payload;

import java.time.Instant;

/**
 * A person silenced a tenant's notifications that match {@code matchers} (label matchers such
 * as {@code site=S0001} or {@code severity=~"minor|warning"}) from {@code startsAt} until
 * {@code endsAt}: a maintenance window or a scheduled field visit.
 */
@EventDefinition(name = "notification.silence-created", version = "1.0",
    topic = TopicFamily.NOTIFICATION_SETTINGS,
    description = "A person silenced matching notifications of a tenant for a time window.")
public record SilenceCreated(
    @Description("Silence id.") @Required @Text(64) String silenceId,
    @Description("What the silence mutes; every matcher must match.")
    @Required @Text(300) @Items(min = 1, max = 20) java.util.List<String> matchers,
    @Description("Start of the window.") @Required Instant startsAt,
    @Description("End of the window.") @Required Instant endsAt,
    @Description("Who created it.") @Required @Text(100) String createdBy,
    @Description("Why (ticket, field visit).")
    @Required @Text(1000) String comment) implements Payload {}
