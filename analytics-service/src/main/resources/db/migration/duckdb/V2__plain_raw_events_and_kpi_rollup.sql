-- Faster raw ingestion on the embedded store (see the README, "Exactly-once ingestion"):
-- raw_events loses its primary key (an ART index on every row was the sink's main cost; the
-- sink deduplicates event ids in front of a plain append) and stores the envelope as VARCHAR
-- (the JSON type parses every envelope on insert; the JSON functions read VARCHAR as well)
-- compressed with zstd: on ~800-byte JSON envelopes, 3.5 times faster than the default
-- dictionary/FSST analysis (2.3 times less CPU) and a file 4 times smaller.
CREATE TABLE raw_events_v2 (
  event_id        VARCHAR     NOT NULL,
  event_type      VARCHAR     NOT NULL,
  version         VARCHAR     NOT NULL,
  tenant_id       VARCHAR     NOT NULL,
  site_id         VARCHAR     NOT NULL,
  event_time      TIMESTAMPTZ NOT NULL,
  topic           VARCHAR     NOT NULL,
  kafka_partition INTEGER     NOT NULL,
  kafka_offset    BIGINT      NOT NULL,
  envelope        VARCHAR     USING COMPRESSION zstd NOT NULL
);
INSERT INTO raw_events_v2
SELECT event_id, event_type, version, tenant_id, site_id, event_time, topic, kafka_partition,
       kafka_offset, CAST(envelope AS VARCHAR)
FROM raw_events ORDER BY event_time;
DROP TABLE raw_events;
ALTER TABLE raw_events_v2 RENAME TO raw_events;

-- The hourly KPI rollup: one row per (owner tenant, site, tenancy, region, hour) with, for
-- every KPI, the sum (weighted by window length for percentages), the measured duration, the
-- minimum, the maximum and the number of windows that carry it. Sums, not averages, so any
-- coarser bucket that is a whole number of hours re-aggregates exactly; the history queries
-- read it for hour-aligned ranges with buckets of whole hours.
-- No key here: the sink replaces a touched hour's rows (delete, insert) in its transaction.
CREATE TABLE kpi_hourly (
  bucket            TIMESTAMPTZ NOT NULL,
  tenant_id         VARCHAR     NOT NULL,
  site_id           VARCHAR     NOT NULL,
  tenancy_tenant_id VARCHAR     NOT NULL,
  region            VARCHAR     NOT NULL,
  windows           BIGINT      NOT NULL,
  power_availability_pct_sum DOUBLE,
  power_availability_pct_duration DOUBLE,
  power_availability_pct_min DOUBLE,
  power_availability_pct_max DOUBLE,
  power_availability_pct_windows BIGINT NOT NULL,
  grid_availability_pct_sum DOUBLE,
  grid_availability_pct_duration DOUBLE,
  grid_availability_pct_min DOUBLE,
  grid_availability_pct_max DOUBLE,
  grid_availability_pct_windows BIGINT NOT NULL,
  generator_run_s_sum DOUBLE,
  generator_run_s_duration DOUBLE,
  generator_run_s_min DOUBLE,
  generator_run_s_max DOUBLE,
  generator_run_s_windows BIGINT NOT NULL,
  fuel_consumed_l_sum DOUBLE,
  fuel_consumed_l_duration DOUBLE,
  fuel_consumed_l_min DOUBLE,
  fuel_consumed_l_max DOUBLE,
  fuel_consumed_l_windows BIGINT NOT NULL,
  battery_min_soc_pct_sum DOUBLE,
  battery_min_soc_pct_duration DOUBLE,
  battery_min_soc_pct_min DOUBLE,
  battery_min_soc_pct_max DOUBLE,
  battery_min_soc_pct_windows BIGINT NOT NULL,
  energy_kwh_sum DOUBLE,
  energy_kwh_duration DOUBLE,
  energy_kwh_min DOUBLE,
  energy_kwh_max DOUBLE,
  energy_kwh_windows BIGINT NOT NULL,
  alarms_raised_sum DOUBLE,
  alarms_raised_duration DOUBLE,
  alarms_raised_min DOUBLE,
  alarms_raised_max DOUBLE,
  alarms_raised_windows BIGINT NOT NULL,
  reporting_pct_sum DOUBLE,
  reporting_pct_duration DOUBLE,
  reporting_pct_min DOUBLE,
  reporting_pct_max DOUBLE,
  reporting_pct_windows BIGINT NOT NULL
);
INSERT INTO kpi_hourly
SELECT time_bucket(INTERVAL '1 hour', window_start) AS bucket, tenant_id, site_id,
       tenancy_tenant_id, region, count(*) AS windows,
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
GROUP BY ALL;
