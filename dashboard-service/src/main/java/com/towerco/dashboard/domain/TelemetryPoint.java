package com.towerco.dashboard.domain;

import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.platform.access.Viewer;
import com.towerco.platform.access.Visibility;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chartable numbers of one telemetry reading: site-level metrics, and per tenancy its DC
 * voltage and load. It is both what the series store and what a live update carries, so the
 * page can extend its charts without asking again.
 */
public record TelemetryPoint(Instant at, Map<String, Double> site,
    Map<String, Map<String, Double>> tenants) {

  public static final String MAINS_VOLTAGE_V = "mains_voltage_v";
  public static final String DC_BUS_VOLTAGE_V = "dc_bus_voltage_v";
  public static final String RECTIFIER_LOAD_A = "rectifier_load_a";
  public static final String BATTERY_SOC_PCT = "battery_soc_pct";
  public static final String BATTERY_VOLTAGE_V = "battery_voltage_v";
  public static final String BATTERY_CURRENT_A = "battery_current_a";
  public static final String BATTERY_TEMPERATURE_C = "battery_temperature_c";
  public static final String GENERATOR_OUTPUT_KW = "generator_output_kw";
  public static final String SOLAR_OUTPUT_KW = "solar_output_kw";
  public static final String FUEL_LEVEL_L = "fuel_level_l";
  public static final String CABINET_TEMP_C = "cabinet_temp_c";
  public static final String AMBIENT_TEMP_C = "ambient_temp_c";
  public static final String DC_VOLTAGE_V = "dc_voltage_v";
  public static final String LOAD_KW = "load_kw";

  public TelemetryPoint {
    site = Map.copyOf(site);
    tenants = Map.copyOf(tenants);
  }

  public static TelemetryPoint of(Instant at, SiteTelemetry t) {
    Map<String, Double> site = new LinkedHashMap<>();
    site.put(MAINS_VOLTAGE_V, t.mains().voltageV());
    site.put(DC_BUS_VOLTAGE_V, t.rectifier().outputVoltageV());
    site.put(RECTIFIER_LOAD_A, t.rectifier().loadA());
    site.put(BATTERY_SOC_PCT, t.battery().socPct());
    site.put(BATTERY_VOLTAGE_V, t.battery().voltageV());
    site.put(BATTERY_CURRENT_A, t.battery().currentA());
    site.put(BATTERY_TEMPERATURE_C, t.battery().temperatureC());
    if (t.generator() != null) {
      site.put(GENERATOR_OUTPUT_KW, t.generator().outputKw());
    }
    if (t.solar() != null) {
      site.put(SOLAR_OUTPUT_KW, t.solar().outputKw());
    }
    if (t.fuel() != null) {
      site.put(FUEL_LEVEL_L, t.fuel().levelL());
    }
    site.put(CABINET_TEMP_C, t.environment().cabinetTempC());
    site.put(AMBIENT_TEMP_C, t.environment().ambientTempC());
    Map<String, Map<String, Double>> tenants = new LinkedHashMap<>();
    for (SiteTelemetry.TenantSupply supply : t.tenants()) {
      tenants.put(supply.tenantId(),
          Map.of(DC_VOLTAGE_V, supply.dcVoltageV(), LOAD_KW, supply.loadKw()));
    }
    return new TelemetryPoint(at, site, tenants);
  }

  /** The same point without other tenants' feeds. */
  public TelemetryPoint visibleTo(Viewer viewer) {
    if (viewer.seesAll()) {
      return this;
    }
    Map<String, Map<String, Double>> own = new LinkedHashMap<>(tenants);
    own.keySet().removeIf(tenant -> !Visibility.ownedBy(viewer, tenant));
    return new TelemetryPoint(at, site, own);
  }
}
