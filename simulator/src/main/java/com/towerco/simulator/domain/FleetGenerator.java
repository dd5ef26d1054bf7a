package com.towerco.simulator.domain;

import com.towerco.events.payload.site.SiteRegistered;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds the fleet from a config and its seed alone (not from the start time): sites in
 * clusters of {@code sitesPerHub}, the first site of each cluster being the hub the others'
 * transmission goes through ({@code S0001} is the first hub), clusters spread over the regions,
 * 1 to 4 tenancies per site with SLA terms, and a power plant sized to the leased backup hours
 * (nameplate only: the battery's real health varies, as in a real fleet).
 */
public final class FleetGenerator {
  private static final List<Region> REGIONS = List.of(
      new Region("north", 3.52, 36.07, 31, 8, 3),
      new Region("coast", -3.95, 39.65, 28, 4, 3),
      new Region("central", -1.21, 36.82, 21, 6, 3),
      new Region("lakes", -0.09, 34.77, 25, 5, 3),
      new Region("highlands", -0.42, 36.95, 17, 7, 3),
      new Region("east", 1.75, 40.06, 30, 7, 3),
      new Region("south", -2.33, 37.83, 24, 6, 3),
      new Region("west", 0.52, 35.27, 20, 6, 3));
  private static final String[] TOWN_START = {"Ka", "Mbo", "Ki", "Nya", "Lu", "Ma", "Tu", "Ru",
      "Se", "Ola", "Wa", "Ngo", "Ba", "Mi", "Ko"};
  private static final String[] TOWN_END = {"mba", "tende", "rogo", "wani", "sia", "lolo",
      "kuru", "nde", "bati", "goma", "ngare", "siro"};
  private static final double[] SLA_PCT = {99.5, 99.9, 99.9, 99.95};
  private static final double[] DC_MIN_V = {46.0, 47.0, 47.0, 47.0, 48.0};
  private static final double[] BACKUP_H = {2, 3, 4, 4, 6, 8};
  private static final double MODULE_A = PowerChain.MODULE_A;

  /** Sites per grid feeder. */
  static final int FEEDER_SITES = 5;

  private FleetGenerator() {}

  public static Fleet generate(SimulatorConfig config) {
    SplittableRandom rng = new SplittableRandom(config.seed());
    List<Region> regions = regions(config.regions());
    List<SiteSpec> sites = new ArrayList<>();
    String hubId = null;
    Region region = null;
    for (int i = 0; i < config.sites(); i++) {
      String id = String.format("S%04d", i + 1);
      boolean hub = i % config.sitesPerHub() == 0;
      if (hub) {
        hubId = id;
        region = regions.get((i / config.sitesPerHub()) % regions.size());
      }
      sites.add(site(rng, i, id, hub, hub ? null : hubId, region, config.tenants()));
    }
    return new Fleet(sites, regions, config.tenants());
  }

  private static List<Region> regions(int count) {
    List<Region> regions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Region base = REGIONS.get(i % REGIONS.size());
      regions.add(i < REGIONS.size() ? base : new Region(base.id() + (i / REGIONS.size() + 1),
          base.latitude() + 0.5, base.longitude() + 0.5, base.meanAmbientC(),
          base.dailySwingC(), base.utcOffsetHours()));
    }
    return regions;
  }

  private static SiteSpec site(SplittableRandom rng, int index, String id, boolean hub,
      String hubId, Region region, List<String> tenants) {
    String name = TOWN_START[rng.nextInt(TOWN_START.length)]
        + TOWN_END[rng.nextInt(TOWN_END.length)] + (hub ? " Hub" : "");
    double lat = region.latitude() + rng.nextDouble(-0.8, 0.8);
    double lon = region.longitude() + rng.nextDouble(-0.8, 0.8);
    List<TenancySpec> tenancies = tenancies(rng, hub, tenants);
    double overheadKw = 0.15;
    double loadKw = overheadKw + tenancies.stream().mapToDouble(TenancySpec::baseLoadKw).sum();
    double maxBackup = tenancies.stream().mapToDouble(TenancySpec::backupHours).max().orElse(4);
    return new SiteSpec(index, id, name, region, hubId, hub, round(lat, 4), round(lon, 4),
        plant(rng, hub, loadKw, maxBackup), tenancies, overheadKw, relations(index, region));
  }

  /**
   * Five consecutive sites share a grid feeder (a feeder crosses hub clusters); four fuel
   * suppliers and three maintenance contractors per region. Drawn from the index, not the random
   * stream, so the rest of the fleet is as it was before relations existed.
   */
  static SiteRegistered.Relations relations(int index, Region region) {
    return new SiteRegistered.Relations(String.format("F%03d", index / FEEDER_SITES), null,
        "fuel-" + region.id() + "-" + (index % 4), "maint-" + region.id() + "-" + (index % 3));
  }

  private static List<TenancySpec> tenancies(SplittableRandom rng, boolean hub,
      List<String> tenants) {
    double r = rng.nextDouble();
    int wanted = hub ? 2 + rng.nextInt(3) : r < 0.2 ? 1 : r < 0.6 ? 2 : r < 0.9 ? 3 : 4;
    int count = Math.min(wanted, tenants.size());
    List<String> pool = new ArrayList<>(tenants);
    List<TenancySpec> chosen = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      // Market share falls with rank: the first tenant is on most sites.
      double total = 0;
      for (int j = 0; j < pool.size(); j++) {
        total += 1.0 / (tenants.indexOf(pool.get(j)) + 1);
      }
      double pick = rng.nextDouble(total);
      int j = 0;
      while (j < pool.size() - 1 && (pick -= 1.0 / (tenants.indexOf(pool.get(j)) + 1)) > 0) {
        j++;
      }
      String tenant = pool.remove(j);
      double backup = hub ? 8 : BACKUP_H[rng.nextInt(BACKUP_H.length)];
      double baseLoad = rng.nextDouble(0.6, 2.2) * (hub ? 1.5 : 1.0);
      chosen.add(new TenancySpec(tenant, SLA_PCT[rng.nextInt(SLA_PCT.length)],
          DC_MIN_V[rng.nextInt(DC_MIN_V.length)], 57.0, backup, round(baseLoad, 2),
          round(rng.nextDouble(0.05, 0.3), 2)));
    }
    chosen.sort((a, b) -> Integer.compare(tenants.indexOf(a.tenantId()),
        tenants.indexOf(b.tenantId())));
    return chosen;
  }

  private static PlantSpec plant(SplittableRandom rng, boolean hub, double loadKw,
      double backupHours) {
    boolean generator = hub || rng.nextDouble() < 0.85;
    boolean solar = rng.nextDouble() < 0.25;
    double loadA = loadKw * 1000 / 50.0;
    double neededAh = loadA * backupHours / 0.9;
    double capacityAh = Math.ceil(neededAh * rng.nextDouble(0.9, 1.3) / 50) * 50;
    double health = round(rng.nextDouble(0.7, 1.0), 3);
    double hvacKw = round(rng.nextDouble(1.0, 1.8), 2);
    double ratedKw = Math.ceil((loadKw / 0.94 + hvacKw) * 1.6);
    double tankL = hub ? 2000 : 500 + 250 * rng.nextInt(7);
    double consumption = round(1.2 + 0.15 * ratedKw, 2);
    int modules = (int) Math.ceil((loadA + 0.1 * capacityAh) / MODULE_A) + 1;
    return new PlantSpec(true, generator, solar, capacityAh, health,
        round(5.0 / capacityAh, 5), tankL, round(tankL * rng.nextDouble(0.45, 0.95), 1),
        consumption, ratedKw, solar ? round(rng.nextDouble(1.5, 4.0), 2) : 0, modules, hvacKw,
        round(rng.nextDouble(224, 236), 1));
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
