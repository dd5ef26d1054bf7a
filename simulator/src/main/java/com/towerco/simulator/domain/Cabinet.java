package com.towerco.simulator.domain;

import com.towerco.events.payload.site.SiteTelemetry.HvacState;

/**
 * The equipment cabinet's thermal model, stepped in event time. Outdoor temperature follows the
 * region's daily curve plus slowly wandering weather; the cabinet is heated by the equipment
 * (the DC load turns into heat) and by the outside through its walls, and cooled by the HVAC
 * unit under a thermostat with hysteresis. The HVAC needs AC power: on battery alone it stops.
 * Above {@link #SHUTDOWN_C} the rectifiers shut down to protect themselves.
 */
final class Cabinet {
  static final double HIGH_TEMP_C = 40;
  static final double HIGH_TEMP_CLEAR_C = 37;
  static final double SHUTDOWN_C = 50;
  static final double SHUTDOWN_CLEAR_C = 45;
  private static final double WALL_TAU_S = 1800;
  private static final double HVAC_MARGIN_C = 30;
  private static final double HVAC_ON_ABOVE_C = 26;
  private static final double HVAC_OFF_BELOW_C = 22;

  private final Region region;
  private final double coolingC;
  double ambientC;
  double cabinetC = 24;
  HvacState hvac = HvacState.OFF;
  boolean thermalShutdown;

  /** A cabinet whose HVAC is sized for {@code nominalLoadKw} with a margin. */
  Cabinet(Region region, double nominalLoadKw) {
    this.region = region;
    this.coolingC = heatRiseC(1.3 * nominalLoadKw) + HVAC_MARGIN_C;
  }

  /**
   * How far the equipment's heat lifts the cabinet above ambient at steady state without
   * cooling; bigger sites have bigger shelters, so it grows less than linearly.
   */
  static double heatRiseC(double heatKw) {
    return heatKw <= 0 ? 0 : 6 * Math.pow(heatKw, 0.7);
  }

  /**
   * Advances by {@code dt} seconds. {@code heatKw} is the heat the equipment gives off,
   * {@code weatherC} the current deviation of the weather from the climate's average day.
   */
  void step(double dt, double localHour, double heatKw, boolean acAvailable, boolean hvacFault,
      double weatherC) {
    ambientC = region.meanAmbientC() + region.dailySwingC()
        * Seasonality.temperatureShape(localHour) + weatherC;
    if (hvacFault) {
      hvac = HvacState.FAULT;
    } else if (!acAvailable) {
      hvac = HvacState.OFF;
    } else if (cabinetC > HVAC_ON_ABOVE_C) {
      hvac = HvacState.ON;
    } else if (cabinetC < HVAC_OFF_BELOW_C || hvac == HvacState.FAULT) {
      hvac = HvacState.OFF;
    }
    double drive = ambientC - cabinetC + heatRiseC(heatKw)
        - (hvac == HvacState.ON ? coolingC : 0);
    cabinetC += drive * Math.min(1, dt / WALL_TAU_S);
    if (cabinetC > SHUTDOWN_C) {
      thermalShutdown = true;
    } else if (cabinetC < SHUTDOWN_CLEAR_C) {
      thermalShutdown = false;
    }
  }
}
