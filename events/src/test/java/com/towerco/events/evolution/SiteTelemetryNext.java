package com.towerco.events.evolution;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Items;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Since;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.site.SiteTelemetry;
import java.util.List;

/**
 * The next minor version of {@code site.telemetry} as a later release would write it: 1.1 adds
 * one optional field, the grid frequency. Used to test readers of both generations.
 */
@EventDefinition(name = "site.telemetry", version = "1.1", topic = TopicFamily.SITE_EVENTS,
    description = "A reading of the site's remote monitoring unit, with the grid frequency.")
public record SiteTelemetryNext(
    @Description("Grid (commercial power).") @Required SiteTelemetry.Mains mains,
    @Description("Diesel generator; absent on sites without one.")
    SiteTelemetry.Generator generator,
    @Description("-48 V DC plant.") @Required SiteTelemetry.Rectifier rectifier,
    @Description("Battery string.") @Required SiteTelemetry.Battery battery,
    @Description("Solar plant; absent on sites without one.") SiteTelemetry.Solar solar,
    @Description("Generator fuel tank; absent on sites without a generator.")
    SiteTelemetry.Fuel fuel,
    @Description("Temperatures.") @Required SiteTelemetry.Environment environment,
    @Description("Cooling unit.") @Required SiteTelemetry.Hvac hvac,
    @Description("Shelter or cabinet door.") @Required SiteTelemetry.Door door,
    @Description("DC feed of every tenancy on the site.")
    @Required @Items(min = 1, max = 8) List<SiteTelemetry.TenantSupply> tenants,
    @Description("Grid frequency at the meter, Hz.") @Since("1.1") @Range(min = 40, max = 70)
    Double gridFrequencyHz) implements Payload {
}
