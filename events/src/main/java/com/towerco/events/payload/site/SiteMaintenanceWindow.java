package com.towerco.events.payload.site;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;
import com.towerco.events.payload.Payload;
import java.time.Instant;

/**
 * The NOC declared a maintenance window at the site: alerts raised within it page nobody (they
 * are recorded as evidence, not notified), a problem made only of them opens no incident, and a
 * door opening within it is expected.
 */
@EventDefinition(name = "site.maintenance-window", version = "1.0",
    topic = TopicFamily.SITE_EVENTS,
    description = "A maintenance window at the site: its alerts page nobody, its door openings "
        + "are expected.")
public record SiteMaintenanceWindow(
    @Description("Window id (the same for every site of one declaration).")
    @Required @Text(64) String windowId,
    @Description("Start of the window.") @Required Instant from,
    @Description("End of the window.") @Required Instant until,
    @Description("Why: the planned work.") @Required @Text(200) String reason,
    @Description("The NOC user who declared it.") @Required @Text(100) String declaredBy)
    implements Payload {}
