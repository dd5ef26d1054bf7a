package com.towerco.dashboard.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.platform.access.Viewer;
import com.towerco.platform.access.Visibility;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The power chain of a site as its latest reading shows it: which source carries the load
 * (grid, generator, battery, or nothing), the state of each stage, and every tenancy's DC feed
 * judged against the voltage window of its lease.
 */
public record PowerChain(
    Source source,
    boolean gridAvailable,
    double mainsVoltageV,
    boolean generatorInstalled,
    boolean generatorRunning,
    boolean generatorFault,
    double dcBusVoltageV,
    int rectifierModulesOk,
    int rectifierModulesTotal,
    double batterySocPct,
    double batteryVoltageV,
    double batteryCurrentA,
    Double solarOutputKw,
    Double fuelPct,
    List<Feed> feeds) {

  /** Below this DC bus voltage the load is considered disconnected. */
  static final double DC_DEAD_V = 1.0;

  /** What is carrying the site's load. */
  public enum Source {
    GRID, GENERATOR, BATTERY, NONE;

    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One tenancy's DC feed; the window is absent when the inventory does not know the lease. */
  public record Feed(String tenantId, double dcVoltageV, double loadKw, Double dcMinV,
      Double dcMaxV, boolean withinWindow) {}

  public static PowerChain of(SiteTelemetry t, List<SiteRegistered.Tenancy> tenancies) {
    Source source;
    if (t.mains().available()) {
      source = Source.GRID;
    } else if (t.generator() != null && t.generator().running()) {
      source = Source.GENERATOR;
    } else if (t.rectifier().outputVoltageV() >= DC_DEAD_V) {
      source = Source.BATTERY;
    } else {
      source = Source.NONE;
    }
    List<Feed> feeds = t.tenants().stream().map(s -> feed(s, tenancies)).toList();
    Double fuelPct = t.fuel() == null ? null
        : Math.min(100, 100 * t.fuel().levelL() / t.fuel().capacityL());
    return new PowerChain(source, t.mains().available(), t.mains().voltageV(),
        t.generator() != null, t.generator() != null && t.generator().running(),
        t.generator() != null && t.generator().fault(), t.rectifier().outputVoltageV(),
        t.rectifier().modulesOk(), t.rectifier().modulesTotal(), t.battery().socPct(),
        t.battery().voltageV(), t.battery().currentA(),
        t.solar() == null ? null : t.solar().outputKw(), fuelPct, feeds);
  }

  private static Feed feed(SiteTelemetry.TenantSupply supply,
      List<SiteRegistered.Tenancy> tenancies) {
    Optional<SiteRegistered.Tenancy> lease = tenancies.stream()
        .filter(l -> l.tenantId().equals(supply.tenantId())).findFirst();
    boolean within = lease.map(l -> l.withinWindow(supply.dcVoltageV()))
        .orElse(supply.dcVoltageV() >= DC_DEAD_V);
    return new Feed(supply.tenantId(), supply.dcVoltageV(), supply.loadKw(),
        lease.map(SiteRegistered.Tenancy::dcMinV).orElse(null),
        lease.map(SiteRegistered.Tenancy::dcMaxV).orElse(null), within);
  }

  public boolean onBattery() {
    return source == Source.BATTERY || source == Source.NONE;
  }

  /** The same chain showing only the feeds the viewer may see. */
  public PowerChain visibleTo(Viewer viewer) {
    if (viewer.seesAll()) {
      return this;
    }
    return new PowerChain(source, gridAvailable, mainsVoltageV, generatorInstalled,
        generatorRunning, generatorFault, dcBusVoltageV, rectifierModulesOk,
        rectifierModulesTotal, batterySocPct, batteryVoltageV, batteryCurrentA, solarOutputKw,
        fuelPct,
        feeds.stream().filter(f -> Visibility.ownedBy(viewer, f.tenantId())).toList());
  }
}
