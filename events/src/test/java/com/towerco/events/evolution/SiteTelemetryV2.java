package com.towerco.events.evolution;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Items;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.site.SiteTelemetry;
import java.util.List;

/**
 * A major version of {@code site.telemetry} as a later release might make it: the grid is
 * described by its state instead of a flag (a breaking change), the rest is kept. Readers of
 * 2.0 read every 1.x reading through {@link MainsBecomesGrid}.
 */
@EventDefinition(name = "site.telemetry", version = "2.0", topic = TopicFamily.SITE_EVENTS,
    description = "A reading of the site's remote monitoring unit (grid by state).",
    upcasters = MainsBecomesGrid.class)
public record SiteTelemetryV2(
    @Description("Grid (commercial power).") @Required Grid grid,
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
    @Required @Items(min = 1, max = 8) List<SiteTelemetry.TenantSupply> tenants)
    implements Payload {

  /** Grid state at the meter. */
  public record Grid(
      @Description("Up or down.") @Required GridState state,
      @Description("Grid voltage, V.") @Required @Range(min = 0, max = 500) double voltageV,
      @Description("Grid frequency, Hz.") @Range(min = 40, max = 70) Double frequencyHz) {}

  /** Grid states. */
  public enum GridState {
    @JsonProperty("up") UP,
    @JsonProperty("down") DOWN
  }
}
