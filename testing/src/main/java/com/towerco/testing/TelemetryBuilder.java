package com.towerco.testing;

import com.towerco.events.payload.site.SiteTelemetry;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds site telemetry for tests: {@code aReading().gridDown().tenantDc(0).build()}. Defaults
 * describe a healthy grid-fed site with one tenancy ({@code altel}).
 */
public final class TelemetryBuilder {
  private boolean grid = true;
  private boolean generator;
  private boolean generatorFault;
  private double fuel = 500;
  private double soc = 100;
  private double batteryVoltage = 53.5;
  private double cabinetTemp = 30;
  private SiteTelemetry.HvacState hvac = SiteTelemetry.HvacState.ON;
  private boolean doorOpen;
  private final List<SiteTelemetry.TenantSupply> tenants = new ArrayList<>();
  private double tenantDc = 53.5;

  public static TelemetryBuilder aReading() {
    return new TelemetryBuilder();
  }

  public TelemetryBuilder gridDown() {
    grid = false;
    return this;
  }

  public TelemetryBuilder generatorRunning() {
    generator = true;
    return this;
  }

  public TelemetryBuilder generatorFault() {
    generatorFault = true;
    return this;
  }

  public TelemetryBuilder fuel(double litres) {
    fuel = litres;
    return this;
  }

  public TelemetryBuilder soc(double pct) {
    soc = pct;
    return this;
  }

  public TelemetryBuilder batteryVoltage(double volts) {
    batteryVoltage = volts;
    return this;
  }

  public TelemetryBuilder cabinetTemp(double celsius) {
    cabinetTemp = celsius;
    return this;
  }

  public TelemetryBuilder hvac(SiteTelemetry.HvacState state) {
    hvac = state;
    return this;
  }

  public TelemetryBuilder doorOpen() {
    doorOpen = true;
    return this;
  }

  /** DC voltage of the default tenancy (used when no tenancy is added explicitly). */
  public TelemetryBuilder tenantDc(double volts) {
    tenantDc = volts;
    return this;
  }

  public TelemetryBuilder tenant(String tenantId, double dcVolts, double loadKw) {
    tenants.add(new SiteTelemetry.TenantSupply(tenantId, dcVolts, loadKw));
    return this;
  }

  public SiteTelemetry build() {
    List<SiteTelemetry.TenantSupply> feeds = tenants.isEmpty()
        ? List.of(new SiteTelemetry.TenantSupply("altel", tenantDc, 1.2)) : tenants;
    return new SiteTelemetry(
        new SiteTelemetry.Mains(grid, grid ? 230 : 0),
        new SiteTelemetry.Generator(generator, generatorFault, 100, generator ? 5 : 0),
        new SiteTelemetry.Rectifier(53.5, 40, 4, 4),
        new SiteTelemetry.Battery(batteryVoltage, soc, 25, 0),
        null,
        new SiteTelemetry.Fuel(fuel, 1000),
        new SiteTelemetry.Environment(cabinetTemp, 28),
        new SiteTelemetry.Hvac(hvac),
        new SiteTelemetry.Door(doorOpen),
        feeds);
  }
}
