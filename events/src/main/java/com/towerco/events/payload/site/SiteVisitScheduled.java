package com.towerco.events.payload.site;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;
import com.towerco.events.payload.Payload;

import java.time.Instant;

/**
 * A visit to the site is planned (maintenance, a refuel delivery, a technician dispatched): a
 * door opening within it is expected; one outside any visit is not.
 */
@EventDefinition(name = "site.visit-scheduled", version = "1.0", topic = TopicFamily.SITE_EVENTS,
    description = "A visit to the site is planned: a door opening within it is expected.")
public record SiteVisitScheduled(
    @Description("Visit id.") @Required @Text(64) String visitId,
    @Description("Start of the visit window.") @Required Instant from,
    @Description("End of the visit window.") @Required Instant until,
    @Description("Maintenance, refuel, dispatch, ...")
    @Required @Text(200) String purpose) implements Payload {}
