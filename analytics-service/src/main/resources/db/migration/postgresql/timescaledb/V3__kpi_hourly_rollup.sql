-- Hourly KPI rollup as a continuous aggregate, refreshed every 30 minutes. It keeps sums, not
-- averages, so any coarser bucket re-aggregates exactly (duration-weighted like the queries).
CREATE MATERIALIZED VIEW kpi_hourly WITH (timescaledb.continuous) AS
SELECT time_bucket(INTERVAL '1 hour', window_start) AS bucket,
       tenant_id, site_id, tenancy_tenant_id, region,
       count(*)                                              AS windows,
       sum(duration_s)                                       AS duration_s,
       sum(power_availability_pct * duration_s)              AS power_availability_weighted,
       min(power_availability_pct)                           AS power_availability_min,
       sum(grid_availability_pct * duration_s)               AS grid_availability_weighted,
       min(grid_availability_pct)                            AS grid_availability_min,
       sum(generator_run_s)                                  AS generator_run_s,
       sum(fuel_consumed_l)                                  AS fuel_consumed_l,
       min(battery_min_soc_pct)                              AS battery_min_soc_pct,
       sum(energy_kwh)                                       AS energy_kwh,
       sum(alarms_raised)                                    AS alarms_raised,
       sum(reporting_pct * duration_s)                       AS reporting_weighted
FROM kpi_windows
GROUP BY 1, 2, 3, 4, 5
WITH NO DATA;

SELECT add_continuous_aggregate_policy('kpi_hourly',
  start_offset => INTERVAL '3 days', end_offset => INTERVAL '1 hour',
  schedule_interval => INTERVAL '30 minutes');
