package com.towerco.aiops.detection;

import com.towerco.events.payload.site.SiteTelemetry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numeric series in a telemetry reading, by stable metric name ({@code battery.soc_pct},
 * {@code tenant.altel.load_kw}, …): what the engine keys one detector per (site, metric) by.
 * Parts a site does not have (generator, solar, fuel) are simply absent.
 */
public final class TelemetryMetrics {
  private TelemetryMetrics() {}

  public static Map<String, Double> of(SiteTelemetry t) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("mains.voltage_v", t.mains().voltageV());
    if (t.generator() != null) {
      m.put("generator.output_kw", t.generator().outputKw());
    }
    m.put("rectifier.output_voltage_v", t.rectifier().outputVoltageV());
    m.put("rectifier.load_a", t.rectifier().loadA());
    m.put("battery.voltage_v", t.battery().voltageV());
    m.put("battery.soc_pct", t.battery().socPct());
    m.put("battery.temperature_c", t.battery().temperatureC());
    m.put("battery.current_a", t.battery().currentA());
    if (t.solar() != null) {
      m.put("solar.output_kw", t.solar().outputKw());
    }
    if (t.fuel() != null) {
      m.put("fuel.level_l", t.fuel().levelL());
    }
    m.put("environment.cabinet_temp_c", t.environment().cabinetTempC());
    m.put("environment.ambient_temp_c", t.environment().ambientTempC());
    for (SiteTelemetry.TenantSupply feed : t.tenants()) {
      m.put("tenant." + feed.tenantId() + ".dc_voltage_v", feed.dcVoltageV());
      m.put("tenant." + feed.tenantId() + ".load_kw", feed.loadKw());
    }
    return m;
  }
}
