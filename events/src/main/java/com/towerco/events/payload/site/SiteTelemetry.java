package com.towerco.events.payload.site;

import com.towerco.events.payload.Check;
import com.towerco.events.payload.Payload;

import static com.towerco.events.payload.Check.list;
import static com.towerco.events.payload.Check.range;
import static com.towerco.events.payload.Check.required;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One reading of a site's remote monitoring unit: the whole power chain (grid, generator,
 * rectifier, battery, solar, fuel), the environment, and the DC supply of every tenancy.
 * Sites without a generator or solar plant omit those parts.
 */
public record SiteTelemetry(
    @JsonProperty(required = true) Mains mains,
    Generator generator,
    @JsonProperty(required = true) Rectifier rectifier,
    @JsonProperty(required = true) Battery battery,
    Solar solar,
    Fuel fuel,
    @JsonProperty(required = true) Environment environment,
    @JsonProperty(required = true) Hvac hvac,
    @JsonProperty(required = true) Door door,
    @JsonProperty(required = true) List<TenantSupply> tenants) implements Payload {

  public SiteTelemetry {
    required(mains, "mains");
    required(rectifier, "rectifier");
    required(battery, "battery");
    required(environment, "environment");
    required(hvac, "hvac");
    required(door, "door");
    tenants = list(tenants, "tenants", 1, 8);
  }

  /** Grid (commercial power) at the site's meter. */
  public record Mains(
      @JsonProperty(required = true) boolean available,
      @JsonProperty(required = true) double voltageV) {
    public Mains {
      range(voltageV, 0, 500, "mains.voltage_v");
    }
  }

  /** The diesel generator; {@code runHours} is its cumulative hour meter. */
  public record Generator(
      @JsonProperty(required = true) boolean running,
      @JsonProperty(required = true) boolean fault,
      @JsonProperty(required = true) double runHours,
      @JsonProperty(required = true) double outputKw) {
    public Generator {
      range(runHours, 0, 1_000_000, "generator.run_hours");
      range(outputKw, 0, 1_000, "generator.output_kw");
    }
  }

  /** The -48 V DC plant. */
  public record Rectifier(
      @JsonProperty(required = true) double outputVoltageV,
      @JsonProperty(required = true) double loadA,
      @JsonProperty(required = true) int modulesOk,
      @JsonProperty(required = true) int modulesTotal) {
    public Rectifier {
      range(outputVoltageV, 0, 100, "rectifier.output_voltage_v");
      range(loadA, 0, 10_000, "rectifier.load_a");
      range(modulesOk, 0, 64, "rectifier.modules_ok");
      range(modulesTotal, 0, 64, "rectifier.modules_total");
    }
  }

  /** The battery string; negative current means discharging. */
  public record Battery(
      @JsonProperty(required = true) double voltageV,
      @JsonProperty(required = true) double socPct,
      @JsonProperty(required = true) double temperatureC,
      @JsonProperty(required = true) double currentA) {
    public Battery {
      range(voltageV, 0, 100, "battery.voltage_v");
      range(socPct, 0, 100, "battery.soc_pct");
      range(temperatureC, -60, 120, "battery.temperature_c");
      range(currentA, -10_000, 10_000, "battery.current_a");
    }
  }

  /** Solar plant output. */
  public record Solar(@JsonProperty(required = true) double outputKw) {
    public Solar {
      range(outputKw, 0, 1_000, "solar.output_kw");
    }
  }

  /** Generator fuel tank. */
  public record Fuel(
      @JsonProperty(required = true) double levelL,
      @JsonProperty(required = true) double capacityL) {
    public Fuel {
      range(levelL, 0, 100_000, "fuel.level_l");
      range(capacityL, 1, 100_000, "fuel.capacity_l");
    }
  }

  /** Cabinet and outdoor temperatures. */
  public record Environment(
      @JsonProperty(required = true) double cabinetTempC,
      @JsonProperty(required = true) double ambientTempC) {
    public Environment {
      range(cabinetTempC, -60, 120, "environment.cabinet_temp_c");
      range(ambientTempC, -60, 70, "environment.ambient_temp_c");
    }
  }

  /** Cooling unit state. */
  public record Hvac(@JsonProperty(required = true) HvacState state) {
    public Hvac {
      required(state, "hvac.state");
    }
  }

  /** Cooling unit states. */
  public enum HvacState {
    @JsonProperty("on") ON,
    @JsonProperty("off") OFF,
    @JsonProperty("fault") FAULT
  }

  /** Shelter/cabinet door contact. */
  public record Door(@JsonProperty(required = true) boolean open) {}

  /** The DC feed of one tenancy (one mobile operator's equipment on this site). */
  public record TenantSupply(
      @JsonProperty(required = true) String tenantId,
      @JsonProperty(required = true) double dcVoltageV,
      @JsonProperty(required = true) double loadKw) {
    public TenantSupply {
      Check.id(tenantId, "tenants[].tenant_id");
      range(dcVoltageV, 0, 100, "tenants[].dc_voltage_v");
      range(loadKw, 0, 100, "tenants[].load_kw");
    }
  }
}
