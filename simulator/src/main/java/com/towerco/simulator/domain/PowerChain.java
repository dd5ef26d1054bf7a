package com.towerco.simulator.domain;

/**
 * The power chain of one site, stepped in event time: grid, diesel generator (auto-start on
 * mains loss after a crank delay, run hours, load-dependent fuel burn), -48 V rectifiers,
 * solar on the DC bus, and the battery string (charging with a taper, discharging with the
 * load through its internal resistance along a lead-acid open-circuit-voltage curve). When the
 * bus falls to the low-voltage-disconnect threshold the tenant loads are cut (tenant DC 0 V);
 * they are reconnected when the rectifiers come back.
 */
final class PowerChain {
  static final double FLOAT_V = 53.5;
  static final double LVD_V = 44.0;
  static final double MODULE_A = 50;
  static final double RECTIFIER_EFFICIENCY = 0.94;
  static final long CRANK_MILLIS = 20_000;
  static final double REFUEL_LPH = 600;
  static final double REFUEL_TARGET = 0.95;
  private static final double[] OCV_SOC = {0, 5, 10, 20, 50, 80, 100};
  private static final double[] OCV_V = {42.0, 45.6, 47.0, 48.2, 49.8, 51.0, 52.0};

  /** Generator controller states. */
  enum GeneratorState { OFF, CRANKING, RUNNING, FAILED }

  /** Why a generator is in {@link GeneratorState#FAILED}. */
  enum GeneratorFailure { NONE, START_FAILURE, NO_FUEL }

  private final PlantSpec plant;
  private final double chargeLimitA;

  boolean mains = true;
  double mainsV;
  GeneratorState generator = GeneratorState.OFF;
  GeneratorFailure failure = GeneratorFailure.NONE;
  private long crankUntil;
  double runHours;
  double generatorKw;
  double fuelL;
  int modulesOk;
  double rectifierV;
  double rectifierA;
  double busV = FLOAT_V;
  double socPct = 100;
  double batteryA;
  double solarKw;
  boolean lvd;

  PowerChain(PlantSpec plant, double initialRunHours) {
    this.plant = plant;
    this.chargeLimitA = 0.1 * plant.batteryCapacityAh();
    this.fuelL = plant.generator() ? plant.initialFuelL() : 0;
    this.runHours = initialRunHours;
    this.modulesOk = plant.rectifierModules();
  }

  /**
   * Advances by {@code dt} seconds to event time {@code t}. {@code tenantKw} is what the
   * tenants draw (cut by the low-voltage disconnect), {@code overheadKw} the site's own
   * equipment (never cut), {@code auxAcKw} the AC loads besides the rectifiers (HVAC, lights).
   */
  void step(long t, double dt, SiteFaults faults, double tenantKw, double overheadKw,
      double auxAcKw, double solarNowKw, boolean thermalShutdown, double mainsNoiseV) {
    mains = plant.grid() && faults.mainsOut == 0;
    mainsV = mains ? Math.max(0, plant.nominalMainsV() + mainsNoiseV) : 0;
    stepGenerator(t, faults);
    boolean ac = mains || generator == GeneratorState.RUNNING;
    modulesOk = faults.rectifierFailed > 0 || thermalShutdown ? 0 : plant.rectifierModules();
    double capacityA = ac ? modulesOk * MODULE_A : 0;
    solarKw = solarNowKw;
    if (lvd && capacityA > 0) {
      lvd = false;
    }
    double v = busV > 1 ? busV : FLOAT_V;
    double netA = ((lvd ? 0 : tenantKw) + overheadKw - solarKw) * 1000 / v;
    if (capacityA >= netA) {
      charge(dt, capacityA, netA);
    } else {
      discharge(dt, capacityA, netA, overheadKw, v);
    }
    burnFuel(dt, faults, auxAcKw);
  }

  private void stepGenerator(long t, SiteFaults faults) {
    if (!plant.generator()) {
      return;
    }
    boolean demand = !mains;
    boolean noFuel = fuelL <= 0.005 * plant.fuelCapacityL();
    switch (generator) {
      case OFF -> {
        if (demand) {
          generator = GeneratorState.CRANKING;
          crankUntil = t + CRANK_MILLIS;
        }
      }
      case CRANKING -> {
        if (!demand) {
          generator = GeneratorState.OFF;
        } else if (t >= crankUntil) {
          if (faults.generatorStartFailure > 0) {
            fail(GeneratorFailure.START_FAILURE);
          } else if (noFuel) {
            fail(GeneratorFailure.NO_FUEL);
          } else {
            generator = GeneratorState.RUNNING;
          }
        }
      }
      case RUNNING -> {
        if (!demand) {
          generator = GeneratorState.OFF;
        } else if (noFuel) {
          fail(GeneratorFailure.NO_FUEL);
        }
      }
      case FAILED -> {
        // The controller latches the failure until it is repaired (start failure) or refuelled.
        boolean repaired = failure == GeneratorFailure.START_FAILURE
            ? faults.generatorStartFailure == 0 : fuelL > 0.05 * plant.fuelCapacityL();
        if (repaired) {
          generator = GeneratorState.OFF;
          failure = GeneratorFailure.NONE;
        }
      }
      default -> throw new IllegalStateException(generator.name());
    }
  }

  private void fail(GeneratorFailure why) {
    generator = GeneratorState.FAILED;
    failure = why;
  }

  private void charge(double dt, double capacityA, double netA) {
    double wanted = socPct >= 99.9 ? 0.3 : chargeLimitA * Math.min(1, (100 - socPct) / 8);
    double chargeA = Math.max(0, Math.min(wanted, capacityA - netA));
    // Charging voltage: open-circuit voltage plus an overpotential that grows with the current
    // and with the state of charge, held at the float voltage by the rectifiers' regulation.
    double fraction = chargeA / chargeLimitA;
    busV = Math.min(FLOAT_V, ocv(socPct) + 4.5 * fraction + 1.5 * socPct / 100);
    batteryA = chargeA;
    rectifierA = capacityA > 0 ? Math.max(0, netA + chargeA) : 0;
    rectifierV = capacityA > 0 ? busV : 0;
    socPct = Math.min(100, socPct + chargeA * 0.95 * dt / 36 / plant.effectiveCapacityAh());
  }

  private void discharge(double dt, double capacityA, double netA, double overheadKw, double v) {
    double deficitA = netA - capacityA;
    busV = ocv(socPct) - deficitA * plant.batteryResistanceOhm();
    if (!lvd && busV < LVD_V) {
      lvd = true;
      deficitA = Math.max(0, (overheadKw - solarKw) * 1000 / v - capacityA);
      busV = ocv(socPct) - deficitA * plant.batteryResistanceOhm();
    }
    batteryA = -deficitA;
    rectifierA = capacityA;
    rectifierV = capacityA > 0 ? busV : 0;
    socPct = Math.max(0, socPct - deficitA * dt / 36 / plant.effectiveCapacityAh());
  }

  private void burnFuel(double dt, SiteFaults faults, double auxAcKw) {
    if (!plant.generator()) {
      return;
    }
    double hours = dt / 3600;
    if (generator == GeneratorState.RUNNING) {
      generatorKw = rectifierA * busV / 1000 / RECTIFIER_EFFICIENCY + auxAcKw;
      double loadFactor = generatorKw / plant.generatorRatedKw();
      fuelL -= plant.generatorConsumptionLph() * (0.85 + 0.3 * loadFactor) * hours;
      runHours += hours;
    } else {
      generatorKw = 0;
    }
    fuelL -= faults.theftLph * hours;
    double target = REFUEL_TARGET * plant.fuelCapacityL();
    if (faults.refuels > 0 && fuelL < target) {
      fuelL = Math.min(target, fuelL + REFUEL_LPH * hours);
    }
    fuelL = Math.max(0, fuelL);
  }

  /** Open-circuit voltage of the string at a state of charge, piecewise linear. */
  static double ocv(double soc) {
    for (int i = 1; i < OCV_SOC.length; i++) {
      if (soc <= OCV_SOC[i]) {
        double f = (soc - OCV_SOC[i - 1]) / (OCV_SOC[i] - OCV_SOC[i - 1]);
        return OCV_V[i - 1] + f * (OCV_V[i] - OCV_V[i - 1]);
      }
    }
    return OCV_V[OCV_V.length - 1];
  }

  boolean acAvailable() {
    return mains || generator == GeneratorState.RUNNING;
  }

  boolean rectifierDown() {
    return modulesOk < plant.rectifierModules();
  }
}
