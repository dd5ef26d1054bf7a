-- Plain PostgreSQL: the time-series tables are partitioned by month on their time column
-- (native declarative partitioning). The service creates each month's partition before it
-- writes into it and drops whole partitions for retention. Primary keys include the time
-- column, as partitioning requires; a redelivered event carries the same timestamp, so the key
-- still stores each event_id once.

-- TimescaleDB's time_bucket, for the queries both paths share (same default origin, a Monday).
CREATE FUNCTION time_bucket(bucket_width interval, ts timestamptz) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT date_bin(bucket_width, ts, TIMESTAMPTZ '2000-01-03 00:00:00+00') $$;

CREATE TABLE raw_events (
  event_id        text        NOT NULL,
  event_type      text        NOT NULL,
  version         text        NOT NULL,
  tenant_id       text        NOT NULL,
  site_id         text        NOT NULL,
  event_time      timestamptz NOT NULL,
  topic           text        NOT NULL,
  kafka_partition integer     NOT NULL,
  kafka_offset    bigint      NOT NULL,
  envelope        jsonb       NOT NULL,
  PRIMARY KEY (event_id, event_time)
) PARTITION BY RANGE (event_time);
CREATE INDEX raw_events_type_time ON raw_events (tenant_id, event_type, event_time);

CREATE TABLE kpi_windows (
  tenant_id              text             NOT NULL,
  scope                  text             NOT NULL,
  site_id                text             NOT NULL,
  tenancy_tenant_id      text             NOT NULL,
  region                 text             NOT NULL,
  window_start           timestamptz      NOT NULL,
  window_end             timestamptz      NOT NULL,
  duration_s             double precision NOT NULL,
  samples                integer          NOT NULL,
  power_availability_pct double precision,
  grid_availability_pct  double precision,
  generator_run_s        double precision,
  fuel_consumed_l        double precision,
  battery_min_soc_pct    double precision,
  energy_kwh             double precision,
  alarms_raised          double precision,
  reporting_pct          double precision,
  event_id               text             NOT NULL,
  PRIMARY KEY (tenant_id, site_id, tenancy_tenant_id, window_start, window_end)
) PARTITION BY RANGE (window_start);
CREATE INDEX kpi_windows_site ON kpi_windows (site_id, window_start);
CREATE INDEX kpi_windows_region ON kpi_windows (region, window_start);
CREATE INDEX kpi_windows_tenancy ON kpi_windows (tenancy_tenant_id, window_start);

CREATE TABLE alarms (
  tenant_id          text        NOT NULL,
  site_id            text        NOT NULL,
  alarm_id           text        NOT NULL,
  state              text        NOT NULL,
  event_time         timestamptz NOT NULL,
  perceived_severity text        NOT NULL,
  x733_event_type    text        NOT NULL,
  probable_cause     text        NOT NULL,
  specific_problem   text        NOT NULL,
  managed_object     text        NOT NULL,
  tenancy_tenant_id  text,
  event_id           text        NOT NULL,
  PRIMARY KEY (event_id, event_time)
) PARTITION BY RANGE (event_time);
CREATE INDEX alarms_time ON alarms (event_time, probable_cause);
CREATE INDEX alarms_site ON alarms (site_id, alarm_id);
