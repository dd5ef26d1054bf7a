-- The hourly KPI rollup: one row per (owner tenant, site, tenancy, region, hour) with, for
-- every KPI, the sum (weighted by window length for percentages), the measured duration, the
-- minimum, the maximum and the number of windows that carry it. Sums, not averages, so any
-- coarser bucket that is a whole number of hours re-aggregates exactly; the history queries
-- read it for hour-aligned ranges with buckets of whole hours.
-- On TimescaleDB it is a continuous aggregate (refreshed by a policy, with real-time
-- aggregation for the hours not yet materialized), replacing the V3 one, which kept fewer
-- columns than the shared queries read.
DROP MATERIALIZED VIEW IF EXISTS kpi_hourly;

CREATE MATERIALIZED VIEW kpi_hourly WITH (timescaledb.continuous) AS
SELECT time_bucket(INTERVAL '1 hour', window_start) AS bucket,
       tenant_id, site_id, tenancy_tenant_id, region,
       count(*) AS windows,
       sum(power_availability_pct * duration_s) AS power_availability_pct_sum,
       sum(CASE WHEN power_availability_pct IS NOT NULL THEN duration_s END) AS power_availability_pct_duration,
       min(power_availability_pct) AS power_availability_pct_min,
       max(power_availability_pct) AS power_availability_pct_max,
       count(power_availability_pct) AS power_availability_pct_windows,
       sum(grid_availability_pct * duration_s) AS grid_availability_pct_sum,
       sum(CASE WHEN grid_availability_pct IS NOT NULL THEN duration_s END) AS grid_availability_pct_duration,
       min(grid_availability_pct) AS grid_availability_pct_min,
       max(grid_availability_pct) AS grid_availability_pct_max,
       count(grid_availability_pct) AS grid_availability_pct_windows,
       sum(generator_run_s) AS generator_run_s_sum,
       sum(CASE WHEN generator_run_s IS NOT NULL THEN duration_s END) AS generator_run_s_duration,
       min(generator_run_s) AS generator_run_s_min,
       max(generator_run_s) AS generator_run_s_max,
       count(generator_run_s) AS generator_run_s_windows,
       sum(fuel_consumed_l) AS fuel_consumed_l_sum,
       sum(CASE WHEN fuel_consumed_l IS NOT NULL THEN duration_s END) AS fuel_consumed_l_duration,
       min(fuel_consumed_l) AS fuel_consumed_l_min,
       max(fuel_consumed_l) AS fuel_consumed_l_max,
       count(fuel_consumed_l) AS fuel_consumed_l_windows,
       sum(battery_min_soc_pct) AS battery_min_soc_pct_sum,
       sum(CASE WHEN battery_min_soc_pct IS NOT NULL THEN duration_s END) AS battery_min_soc_pct_duration,
       min(battery_min_soc_pct) AS battery_min_soc_pct_min,
       max(battery_min_soc_pct) AS battery_min_soc_pct_max,
       count(battery_min_soc_pct) AS battery_min_soc_pct_windows,
       sum(energy_kwh) AS energy_kwh_sum,
       sum(CASE WHEN energy_kwh IS NOT NULL THEN duration_s END) AS energy_kwh_duration,
       min(energy_kwh) AS energy_kwh_min,
       max(energy_kwh) AS energy_kwh_max,
       count(energy_kwh) AS energy_kwh_windows,
       sum(alarms_raised) AS alarms_raised_sum,
       sum(CASE WHEN alarms_raised IS NOT NULL THEN duration_s END) AS alarms_raised_duration,
       min(alarms_raised) AS alarms_raised_min,
       max(alarms_raised) AS alarms_raised_max,
       count(alarms_raised) AS alarms_raised_windows,
       sum(reporting_pct * duration_s) AS reporting_pct_sum,
       sum(CASE WHEN reporting_pct IS NOT NULL THEN duration_s END) AS reporting_pct_duration,
       min(reporting_pct) AS reporting_pct_min,
       max(reporting_pct) AS reporting_pct_max,
       count(reporting_pct) AS reporting_pct_windows
FROM kpi_windows
GROUP BY 1, 2, 3, 4, 5
WITH NO DATA;

ALTER MATERIALIZED VIEW kpi_hourly SET (timescaledb.materialized_only = false);

SELECT add_continuous_aggregate_policy('kpi_hourly',
  start_offset => INTERVAL '3 days', end_offset => INTERVAL '1 hour',
  schedule_interval => INTERVAL '30 minutes');

CALL refresh_continuous_aggregate('kpi_hourly', NULL, NULL);
