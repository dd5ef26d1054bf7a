package com.towerco.events.payload.site;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Items;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.payload.Payload;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One reading of a site's remote monitoring unit: the whole power chain (grid, generator,
 * rectifier, battery, solar, fuel), the environment, and the DC supply of every tenancy.
 * Sites without a generator or solar plant omit those parts.
 */
@EventDefinition(name = "site.telemetry", version = "1.0", topic = TopicFamily.SITE_EVENTS,
    description = "A reading of the site's remote monitoring unit: power chain, environment, "
        + "tenant DC feeds.")
public record SiteTelemetry(
    @Description("Grid (commercial power).") @Required Mains mains,
    @Description("Diesel generator; absent on sites without one.") Generator generator,
    @Description("-48 V DC plant.") @Required Rectifier rectifier,
    @Description("Battery string.") @Required Battery battery,
    @Description("Solar plant; absent on sites without one.") Solar solar,
    @Description("Generator fuel tank; absent on sites without a generator.") Fuel fuel,
    @Description("Temperatures.") @Required Environment environment,
    @Description("Cooling unit.") @Required Hvac hvac,
    @Description("Shelter or cabinet door.") @Required Door door,
    @Description("DC feed of every tenancy on the site.")
    @Required @Items(min = 1, max = 8) List<TenantSupply> tenants) implements Payload {

  /** Grid (commercial power) at the site's meter. */
  public record Mains(
      @Description("Grid power present at the meter.") @Required boolean available,
      @Description("Grid voltage, V.") @Required @Range(min = 0, max = 500) double voltageV) {}

  /** The diesel generator; {@code runHours} is its cumulative hour meter. */
  public record Generator(
      @Description("Generator running.") @Required boolean running,
      @Description("Generator in fault (failed to start or tripped).") @Required boolean fault,
      @Description("Cumulative hour meter, h.")
      @Required @Range(min = 0, max = 1000000) double runHours,
      @Description("Output power, kW.") @Required @Range(min = 0, max = 1000) double outputKw) {}

  /** The -48 V DC plant. */
  public record Rectifier(
      @Description("DC bus voltage, V (nominal 54 V float).")
      @Required @Range(min = 0, max = 100) double outputVoltageV,
      @Description("DC load current, A.") @Required @Range(min = 0, max = 10000) double loadA,
      @Description("Rectifier modules in service.")
      @Required @Range(min = 0, max = 64) int modulesOk,
      @Description("Rectifier modules installed.")
      @Required @Range(min = 0, max = 64) int modulesTotal) {}

  /** The battery string; negative current means discharging. */
  public record Battery(
      @Description("Battery string voltage, V.")
      @Required @Range(min = 0, max = 100) double voltageV,
      @Description("State of charge, %.") @Required @Range(min = 0, max = 100) double socPct,
      @Description("Battery temperature, °C.")
      @Required @Range(min = -60, max = 120) double temperatureC,
      @Description("Battery current, A; negative while discharging.")
      @Required @Range(min = -10000, max = 10000) double currentA) {}

  /** Solar plant output. */
  public record Solar(
      @Description("Solar output, kW.") @Required @Range(min = 0, max = 1000) double outputKw) {}

  /** Generator fuel tank. */
  public record Fuel(
      @Description("Fuel in the tank, litres.")
      @Required @Range(min = 0, max = 100000) double levelL,
      @Description("Tank capacity, litres.")
      @Required @Range(min = 1, max = 100000) double capacityL) {}

  /** Cabinet and outdoor temperatures. */
  public record Environment(
      @Description("Equipment cabinet temperature, °C.")
      @Required @Range(min = -60, max = 120) double cabinetTempC,
      @Description("Outdoor temperature, °C.")
      @Required @Range(min = -60, max = 70) double ambientTempC) {}

  /** Cooling unit state. */
  public record Hvac(
      @Description("Cooling unit state.") @Required HvacState state) {}

  /** Cooling unit states. */
  public enum HvacState {
    @JsonProperty("on") ON,
    @JsonProperty("off") OFF,
    @JsonProperty("fault") FAULT
  }

  /** Shelter/cabinet door contact. */
  public record Door(
      @Description("Door contact open.") @Required boolean open) {}

  /** The DC feed of one tenancy (one mobile operator's equipment on this site). */
  public record TenantSupply(
      @Description("The mobile operator.") @Required @Id String tenantId,
      @Description("DC voltage at the tenant's feed, V; 0 after a low-voltage disconnect.")
      @Required @Range(min = 0, max = 100) double dcVoltageV,
      @Description("The tenant's DC load, kW.")
      @Required @Range(min = 0, max = 100) double loadKw) {}
}
