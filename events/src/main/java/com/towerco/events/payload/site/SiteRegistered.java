package com.towerco.events.payload.site;

import com.towerco.events.payload.Check;
import com.towerco.events.payload.Payload;

import static com.towerco.events.payload.Check.list;
import static com.towerco.events.payload.Check.range;
import static com.towerco.events.payload.Check.required;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The inventory record of a site: where it is, which hub carries its transmission, its power
 * plant, and the tenancies (mobile operators) it hosts with their SLA terms. Published on the
 * compacted inventory topic, keyed by site; the latest record wins.
 */
public record SiteRegistered(
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) String region,
    String hubSiteId,
    @JsonProperty(required = true) boolean hub,
    @JsonProperty(required = true) double latitude,
    @JsonProperty(required = true) double longitude,
    @JsonProperty(required = true) PowerPlant power,
    @JsonProperty(required = true) List<Tenancy> tenancies) implements Payload {

  public SiteRegistered {
    text(name, "name", 200);
    Check.id(region, "region");
    Check.optionalId(hubSiteId, "hub_site_id");
    range(latitude, -90, 90, "latitude");
    range(longitude, -180, 180, "longitude");
    required(power, "power");
    tenancies = list(tenancies, "tenancies", 0, 8);
  }

  /** The site's power plant. */
  public record PowerPlant(
      @JsonProperty(required = true) boolean grid,
      @JsonProperty(required = true) boolean generator,
      @JsonProperty(required = true) boolean solar,
      @JsonProperty(required = true) double batteryCapacityAh,
      @JsonProperty(required = true) double fuelCapacityL,
      @JsonProperty(required = true) double generatorConsumptionLph) {
    public PowerPlant {
      range(batteryCapacityAh, 0, 100_000, "power.battery_capacity_ah");
      range(fuelCapacityL, 0, 100_000, "power.fuel_capacity_l");
      range(generatorConsumptionLph, 0, 1_000, "power.generator_consumption_lph");
    }
  }

  /** One operator's lease on the site and the power SLA that comes with it. */
  public record Tenancy(
      @JsonProperty(required = true) String tenantId,
      @JsonProperty(required = true) double slaAvailabilityPct,
      @JsonProperty(required = true) double dcMinV,
      @JsonProperty(required = true) double dcMaxV,
      @JsonProperty(required = true) double backupHours) {
    public Tenancy {
      Check.id(tenantId, "tenancies[].tenant_id");
      range(slaAvailabilityPct, 0, 100, "tenancies[].sla_availability_pct");
      range(dcMinV, 0, 100, "tenancies[].dc_min_v");
      range(dcMaxV, 0, 100, "tenancies[].dc_max_v");
      range(backupHours, 0, 1_000, "tenancies[].backup_hours");
    }

    /** True when the tenancy's DC voltage is inside its agreed window. */
    public boolean withinWindow(double dcVoltageV) {
      return dcVoltageV >= dcMinV && dcVoltageV <= dcMaxV;
    }
  }
}
