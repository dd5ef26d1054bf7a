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
 * A person ended a silence before its end time. It repeats the silence as created, because
 * the settings topic is compacted by silence and keeps only this latest record of it.
 */
@EventDefinition(name = "notification.silence-expired", version = "1.0",
    topic = TopicFamily.NOTIFICATION_SETTINGS,
    description = "A person ended a silence before its end time.")
public record SilenceExpired(
    @Description("Silence id.") @Required @Text(64) String silenceId,
    @Description("What the silence mutes; every matcher must match.")
    @Required @Text(300) @Items(min = 1, max = 20) List<String> matchers,
    @Description("Start of the window.") @Required Instant startsAt,
    @Description("End of the window.") @Required Instant endsAt,
    @Description("Who created it.") @Required @Text(100) String createdBy,
    @Description("Why (ticket, field visit).") @Required @Text(1000) String comment,
    @Description("When it was ended.") @Required Instant expiredAt,
    @Description("Who ended it.") @Required @Text(100) String expiredBy) implements Payload {}
