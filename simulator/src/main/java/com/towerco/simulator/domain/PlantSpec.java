package com.towerco.simulator.domain;

import com.towerco.events.payload.site.SiteRegistered;

/**
 * A site's power plant as built. Besides what the inventory publishes, it holds what only the
 * physics needs: generator rating, solar peak, rectifier modules, HVAC draw, the battery's real
 * state of health (an aged battery gives less backup than its nameplate promises) and internal
 * resistance, and the fuel in the tank at the start.
 */
public record PlantSpec(
    boolean grid,
    boolean generator,
    boolean solar,
    double batteryCapacityAh,
    double batteryHealth,
    double batteryResistanceOhm,
    double fuelCapacityL,
    double initialFuelL,
    double generatorConsumptionLph,
    double generatorRatedKw,
    double solarPeakKw,
    int rectifierModules,
    double hvacKw,
    double nominalMainsV) {

  public SiteRegistered.PowerPlant registration() {
    return new SiteRegistered.PowerPlant(grid, generator, solar, batteryCapacityAh,
        generator ? fuelCapacityL : 0, generator ? generatorConsumptionLph : 0);
  }

  /** Usable battery charge in ampere-hours. */
  public double effectiveCapacityAh() {
    return batteryCapacityAh * batteryHealth;
  }
}
