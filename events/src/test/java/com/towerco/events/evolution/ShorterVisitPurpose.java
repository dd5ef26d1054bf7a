package com.towerco.events.evolution;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;
import com.towerco.events.payload.Payload;
import java.time.Instant;

/**
 * A deliberately breaking change: site.visit-scheduled still at the released 1.0, but its
 * purpose may now have at most 100 characters instead of 200 (events valid yesterday would
 * be refused). The build must refuse it.
 */
@EventDefinition(name = "site.visit-scheduled", version = "1.0", topic = TopicFamily.SITE_EVENTS,
    description = "A visit to the site is planned: a door opening within it is expected.")
public record ShorterVisitPurpose(
    @Description("Visit id.") @Required @Text(64) String visitId,
    @Description("Start of the visit window.") @Required Instant from,
    @Description("End of the visit window.") @Required Instant until,
    @Description("Maintenance, refuel, dispatch, ...")
    @Required @Text(100) String purpose) implements Payload {}
