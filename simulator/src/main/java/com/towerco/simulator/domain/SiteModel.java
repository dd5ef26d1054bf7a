package com.towerco.simulator.domain;

import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.events.payload.site.SiteTelemetry.HvacState;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated site: its power chain, its cabinet, what is injected into it, its tenants'
 * loads and DC feeds, and whether the mediation layer can reach it. {@link #tick} advances the
 * physics (also while the site is unreachable: the site keeps living, only its reports stop);
 * {@link #telemetry} is what its monitoring unit reports now.
 */
final class SiteModel {
  private static final double LOAD_TAU_S = 900;
  private static final double WEATHER_TAU_S = 6 * 3600;
  private static final double CLOUD_TAU_S = 1800;

  final SiteSpec spec;
  final PowerChain power;
  final Cabinet cabinet;
  final SiteFaults faults = new SiteFaults();
  final double[] tenantKw;
  final double[] tenantDcV;
  private final double[] loadWander;
  private final Noise noise;
  private final double loadPhi;
  private final double weatherPhi;
  private final double cloudPhi;
  private double weatherC;
  private double cloud;
  double batteryTempC;
  boolean reachable = true;

  SiteModel(SiteSpec spec, long seed, double dt) {
    this.spec = spec;
    this.noise = new Noise(Noise.seed(seed, spec.index(), 1));
    this.power = new PowerChain(spec.plant(), FleetGenerator.round(noise.uniform(200, 9000), 1));
    this.cabinet = new Cabinet(spec.region(), spec.nominalLoadKw());
    int n = spec.tenancies().size();
    this.tenantKw = new double[n];
    this.tenantDcV = new double[n];
    this.loadWander = new double[n];
    this.loadPhi = Math.exp(-dt / LOAD_TAU_S);
    this.weatherPhi = Math.exp(-dt / WEATHER_TAU_S);
    this.cloudPhi = Math.exp(-dt / CLOUD_TAU_S);
    this.weatherC = noise.gaussian(1.5);
    this.batteryTempC = cabinet.cabinetC;
  }

  String id() {
    return spec.id();
  }

  void tick(long t, double dt) {
    int offset = spec.region().utcOffsetHours();
    double hour = Seasonality.localHour(t, offset);
    double traffic = Seasonality.traffic(hour, Seasonality.weekend(t, offset));
    double tenantsKw = 0;
    for (int k = 0; k < tenantKw.length; k++) {
      loadWander[k] = noise.ar1(loadWander[k], loadPhi, 0.03);
      tenantKw[k] = spec.tenancies().get(k).baseLoadKw() * (0.7 + 0.3 * traffic)
          * (1 + loadWander[k]);
      tenantsKw += tenantKw[k];
    }
    weatherC = noise.ar1(weatherC, weatherPhi, 1.5);
    cloud = noise.ar1(cloud, cloudPhi, 0.15);
    double solar = spec.plant().solar() ? spec.plant().solarPeakKw()
        * Seasonality.sunlight(hour) * Math.min(1, Math.max(0.3, 0.9 + cloud)) : 0;
    double auxKw = (cabinet.hvac == HvacState.ON ? spec.plant().hvacKw() : 0) + 0.1;
    power.step(t, dt, faults, tenantsKw, spec.overheadKw(), auxKw, solar,
        cabinet.thermalShutdown, noise.gaussian(1.2) - 6 * traffic);
    double heatKw = (power.lvd ? 0 : tenantsKw) + spec.overheadKw()
        + power.rectifierA * power.busV / 1000 * (1 / PowerChain.RECTIFIER_EFFICIENCY - 1);
    cabinet.step(dt, hour, heatKw, power.acAvailable(), faults.hvacFailed > 0, weatherC);
    double batteryTarget = cabinet.cabinetC + 0.01 * Math.abs(power.batteryA);
    batteryTempC += (batteryTarget - batteryTempC) * Math.min(1, dt / 3600);
    for (int k = 0; k < tenantDcV.length; k++) {
      tenantDcV[k] = power.lvd ? 0
          : Math.max(0, power.busV - spec.tenancies().get(k).cableDropV());
    }
  }

  /** True when tenancy {@code k}'s DC voltage is below its SLA window. */
  boolean tenantBelowWindow(int k) {
    return tenantDcV[k] < spec.tenancies().get(k).dcMinV();
  }

  SiteTelemetry telemetry() {
    PlantSpec plant = spec.plant();
    SiteTelemetry.Generator generator = plant.generator()
        ? new SiteTelemetry.Generator(power.generator == PowerChain.GeneratorState.RUNNING,
            power.generator == PowerChain.GeneratorState.FAILED, r(power.runHours, 3),
            r(power.generatorKw, 2))
        : null;
    SiteTelemetry.Fuel fuel = plant.generator()
        ? new SiteTelemetry.Fuel(r(Math.max(0, power.fuelL + noise.gaussian(
            0.0008 * plant.fuelCapacityL())), 1), plant.fuelCapacityL())
        : null;
    List<SiteTelemetry.TenantSupply> supplies = new ArrayList<>(tenantKw.length);
    for (int k = 0; k < tenantKw.length; k++) {
      supplies.add(new SiteTelemetry.TenantSupply(spec.tenancies().get(k).tenantId(),
          r(tenantDcV[k] == 0 ? 0 : tenantDcV[k] + noise.gaussian(0.02), 2),
          power.lvd ? 0 : r(tenantKw[k], 3)));
    }
    return new SiteTelemetry(
        new SiteTelemetry.Mains(power.mains, r(power.mainsV, 1)),
        generator,
        new SiteTelemetry.Rectifier(
            r(power.rectifierV == 0 ? 0 : power.rectifierV + noise.gaussian(0.02), 2),
            r(power.rectifierA == 0 ? 0 : Math.max(0, power.rectifierA + noise.gaussian(0.3)), 1),
            power.modulesOk, plant.rectifierModules()),
        new SiteTelemetry.Battery(r(power.busV + noise.gaussian(0.02), 2), r(power.socPct, 1),
            r(batteryTempC, 1), r(power.batteryA, 1)),
        plant.solar() ? new SiteTelemetry.Solar(r(power.solarKw, 2)) : null,
        fuel,
        new SiteTelemetry.Environment(r(cabinet.cabinetC + noise.gaussian(0.05), 1),
            r(cabinet.ambientC + noise.gaussian(0.1), 1)),
        new SiteTelemetry.Hvac(cabinet.hvac),
        new SiteTelemetry.Door(faults.doorOpen()),
        supplies);
  }

  private static double r(double value, int decimals) {
    double scale = decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
    return Math.round(value * scale) / scale;
  }
}
