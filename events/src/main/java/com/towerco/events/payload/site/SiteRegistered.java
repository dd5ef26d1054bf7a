package com.towerco.events.payload.site;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Items;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Since;
import com.towerco.events.contract.Text;
import com.towerco.events.payload.Payload;

import java.util.List;

/**
 * The inventory record of a site: where it is, which hub carries its transmission, its power
 * plant, and the tenancies (mobile operators) it hosts with their SLA terms. Published on the
 * compacted inventory topic, keyed by site; the latest record wins.
 */
@EventDefinition(name = "site.registered", version = "1.1", topic = TopicFamily.INVENTORY,
    description = "Inventory: the site's region, hub, power plant and tenancies (latest wins, "
        + "compacted topic).")
public record SiteRegistered(
    @Description("Site name.") @Required @Text(200) String name,
    @Description("Region.") @Required @Id String region,
    @Description("The hub whose transmission this site depends on; absent for hubs and "
        + "standalone sites.")
    @Id String hubSiteId,
    @Description("This site is an aggregation hub.") @Required boolean hub,
    @Description("Latitude.") @Required @Range(min = -90, max = 90) double latitude,
    @Description("Longitude.") @Required @Range(min = -180, max = 180) double longitude,
    @Description("Power plant.") @Required PowerPlant power,
    @Description("Tenancies on the site.")
    @Required @Items(max = 8) List<Tenancy> tenancies,
    @Description("What the site shares with other sites (grid feeder, upstream hub, fuel "
        + "supplier, maintenance contractor); absent when the inventory does not know.")
    @Since("1.1") Relations relations) implements Payload {

  /** A 1.0 record: no relations known. */
  public SiteRegistered(String name, String region, String hubSiteId, boolean hub,
      double latitude, double longitude, PowerPlant power, List<Tenancy> tenancies) {
    this(name, region, hubSiteId, hub, latitude, longitude, power, tenancies, null);
  }

  /** The relations, or an empty set of them when the inventory carries none. */
  public Relations relationsOrNone() {
    return relations == null ? Relations.NONE : relations;
  }

  /**
   * What a site shares with others. Each is optional; an unknown relation simply groups
   * nothing.
   */
  public record Relations(
      @Description("The grid feeder (medium-voltage line) the site's mains comes from.")
      @Id String gridFeederId,
      @Description("For a hub: the hub upstream of it on the transmission path (hub chains of "
          + "several levels); absent for a top-level hub and for non-hub sites.")
      @Id String parentHubSiteId,
      @Description("The company that delivers the site's diesel.") @Id String fuelSupplierId,
      @Description("The company that maintains the site.") @Id String maintenanceContractorId) {
    public static final Relations NONE = new Relations(null, null, null, null);
  }

  /** The site's power plant. */
  public record PowerPlant(
      @Description("Grid connected.") @Required boolean grid,
      @Description("Has a diesel generator.") @Required boolean generator,
      @Description("Has solar.") @Required boolean solar,
      @Description("Battery capacity, Ah.")
      @Required @Range(min = 0, max = 100000) double batteryCapacityAh,
      @Description("Fuel tank capacity, litres.")
      @Required @Range(min = 0, max = 100000) double fuelCapacityL,
      @Description("Generator fuel consumption at typical load, litres per hour.")
      @Required @Range(min = 0, max = 1000) double generatorConsumptionLph) {}

  /** One operator's lease on the site and the power SLA that comes with it. */
  public record Tenancy(
      @Description("The mobile operator.") @Required @Id String tenantId,
      @Description("Agreed monthly power availability, %.")
      @Required @Range(min = 0, max = 100) double slaAvailabilityPct,
      @Description("Lower bound of the agreed DC window, V.")
      @Required @Range(min = 0, max = 100) double dcMinV,
      @Description("Upper bound of the agreed DC window, V.")
      @Required @Range(min = 0, max = 100) double dcMaxV,
      @Description("Leased battery backup time, h.")
      @Required @Range(min = 0, max = 1000) double backupHours) {

    /** True when the tenancy's DC voltage is inside its agreed window. */
    public boolean withinWindow(double dcVoltageV) {
      return dcVoltageV >= dcMinV && dcVoltageV <= dcMaxV;
    }
  }
}
