package com.towerco.analytics.domain;

import com.towerco.events.payload.kpi.KpiComputed;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A KPI the history queries can bucket, with the column that holds it and how windows combine
 * into a bucket: percentages are averaged weighted by window length, quantities are summed,
 * and the battery's minimum state of charge takes the minimum.
 */
public enum KpiMeasure {
  POWER_AVAILABILITY_PCT(KpiComputed.POWER_AVAILABILITY_PCT, Combine.WEIGHTED_AVERAGE),
  GRID_AVAILABILITY_PCT(KpiComputed.GRID_AVAILABILITY_PCT, Combine.WEIGHTED_AVERAGE),
  GENERATOR_RUN_S(KpiComputed.GENERATOR_RUN_S, Combine.SUM),
  FUEL_CONSUMED_L(KpiComputed.FUEL_CONSUMED_L, Combine.SUM),
  BATTERY_MIN_SOC_PCT(KpiComputed.BATTERY_MIN_SOC_PCT, Combine.MINIMUM),
  ENERGY_KWH(KpiComputed.ENERGY_KWH, Combine.SUM),
  ALARMS_RAISED(KpiComputed.ALARMS_RAISED, Combine.SUM),
  REPORTING_PCT(KpiComputed.REPORTING_PCT, Combine.WEIGHTED_AVERAGE);

  /** How a bucket's value is formed from its windows. */
  public enum Combine { WEIGHTED_AVERAGE, SUM, MINIMUM }

  private final String kpiName;
  private final Combine combine;

  KpiMeasure(String kpiName, Combine combine) {
    this.kpiName = kpiName;
    this.combine = combine;
  }

  /** The KPI's name in {@code kpi.computed} and the column that stores it. */
  public String kpiName() {
    return kpiName;
  }

  public Combine combine() {
    return combine;
  }

  public static KpiMeasure parse(String name) {
    for (KpiMeasure m : values()) {
      if (m.kpiName.equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown kpi '" + name + "'; one of "
        + Arrays.stream(values()).map(KpiMeasure::kpiName).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
