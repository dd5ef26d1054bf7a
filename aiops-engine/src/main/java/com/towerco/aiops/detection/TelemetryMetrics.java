package com.towerco.aiops.detection;

import com.towerco.events.payload.site.SiteTelemetry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The numeric series in a telemetry reading, by stable metric name ({@code battery.soc_pct},
 * {@code tenant.altel.load_kw}, …): what the engine keys one detector per (site, metric) by.
 * Parts a site does not have (generator, solar, fuel) are simply absent.
 */
public final class TelemetryMetrics {
  /** A tenancy's two metric names, made once per tenant (a fleet has a handful of tenants). */
  private static final Map<String, String[]> TENANT_NAMES = new ConcurrentHashMap<>();
  private static final int MAX_CACHED_TENANTS = 1_024;

  private TelemetryMetrics() {}

  /** Receives a reading's metrics one by one. */
  @FunctionalInterface
  public interface Sink {
    void accept(String metric, double value);
  }

  public static Map<String, Double> of(SiteTelemetry t) {
    Map<String, Double> m = new LinkedHashMap<>();
    forEach(t, m::put);
    return m;
  }

  /**
   * Each metric of the reading in the order of {@link #of}, without boxing or a map: the
   * engine's path for every reading. A reading that names a tenant twice gives that tenant's
   * metrics twice here; {@link #of} keeps one (the last value at the first place).
   */
  public static void forEach(SiteTelemetry t, Sink m) {
    m.accept("mains.voltage_v", t.mains().voltageV());
    if (t.generator() != null) {
      m.accept("generator.output_kw", t.generator().outputKw());
    }
    m.accept("rectifier.output_voltage_v", t.rectifier().outputVoltageV());
    m.accept("rectifier.load_a", t.rectifier().loadA());
    m.accept("battery.voltage_v", t.battery().voltageV());
    m.accept("battery.soc_pct", t.battery().socPct());
    m.accept("battery.temperature_c", t.battery().temperatureC());
    m.accept("battery.current_a", t.battery().currentA());
    if (t.solar() != null) {
      m.accept("solar.output_kw", t.solar().outputKw());
    }
    if (t.fuel() != null) {
      m.accept("fuel.level_l", t.fuel().levelL());
    }
    m.accept("environment.cabinet_temp_c", t.environment().cabinetTempC());
    m.accept("environment.ambient_temp_c", t.environment().ambientTempC());
    var tenants = t.tenants();
    for (int i = 0; i < tenants.size(); i++) { // no iterator per reading
      SiteTelemetry.TenantSupply feed = tenants.get(i);
      String[] names = tenantNames(feed.tenantId());
      m.accept(names[0], feed.dcVoltageV());
      m.accept(names[1], feed.loadKw());
    }
  }

  private static String[] tenantNames(String tenantId) {
    String[] names = TENANT_NAMES.get(tenantId);
    if (names == null) {
      names = new String[] {"tenant." + tenantId + ".dc_voltage_v",
          "tenant." + tenantId + ".load_kw"};
      if (TENANT_NAMES.size() < MAX_CACHED_TENANTS) {
        TENANT_NAMES.putIfAbsent(tenantId, names);
      }
    }
    return names;
  }

  /** True if the reading names no tenant twice, so {@link #forEach} and {@link #of} agree. */
  public static boolean distinctTenants(SiteTelemetry t) {
    var tenants = t.tenants();
    for (int i = 1; i < tenants.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (tenants.get(i).tenantId().equals(tenants.get(j).tenantId())) {
          return false;
        }
      }
    }
    return true;
  }
}
