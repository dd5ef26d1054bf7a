package com.towerco.events.payload.site;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;
import com.towerco.events.payload.Payload;

/**
 * The site left the fleet: published on the compacted inventory topic under the site's key, so
 * it replaces the site's {@code site.registered} there and every service forgets the site. The
 * ingest gateway rejects what it still sends as from an unknown site.
 */
@EventDefinition(name = "site.decommissioned", version = "1.0", topic = TopicFamily.INVENTORY,
    description = "Inventory: the site left the fleet (replaces its site.registered on the "
        + "compacted topic).")
public record SiteDecommissioned(
    @Description("Why, for the record.") @Required @Text(500) String reason)
    implements Payload {}
