-- PostgreSQL with TimescaleDB: the time-series tables are hypertables (7-day chunks for raw
-- events and alarms, 30-day chunks for KPI windows), compressed once they are a week old.
-- Same columns and keys as the natively partitioned variant, so every query is shared.

CREATE EXTENSION IF NOT EXISTS timescaledb;

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
);
SELECT create_hypertable('raw_events', 'event_time', chunk_time_interval => INTERVAL '7 days');
CREATE INDEX raw_events_type_time ON raw_events (tenant_id, event_type, event_time);
ALTER TABLE raw_events SET (timescaledb.compress,
  timescaledb.compress_segmentby = 'tenant_id, event_type',
  timescaledb.compress_orderby = 'event_time');
SELECT add_compression_policy('raw_events', INTERVAL '7 days');

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
);
SELECT create_hypertable('kpi_windows', 'window_start', chunk_time_interval => INTERVAL '30 days');
CREATE INDEX kpi_windows_site ON kpi_windows (site_id, window_start);
CREATE INDEX kpi_windows_region ON kpi_windows (region, window_start);
CREATE INDEX kpi_windows_tenancy ON kpi_windows (tenancy_tenant_id, window_start);
ALTER TABLE kpi_windows SET (timescaledb.compress,
  timescaledb.compress_segmentby = 'tenant_id, site_id, tenancy_tenant_id',
  timescaledb.compress_orderby = 'window_start');
SELECT add_compression_policy('kpi_windows', INTERVAL '35 days');

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
);
SELECT create_hypertable('alarms', 'event_time', chunk_time_interval => INTERVAL '7 days');
CREATE INDEX alarms_time ON alarms (event_time, probable_cause);
CREATE INDEX alarms_site ON alarms (site_id, alarm_id);
ALTER TABLE alarms SET (timescaledb.compress,
  timescaledb.compress_segmentby = 'site_id',
  timescaledb.compress_orderby = 'event_time');
SELECT add_compression_policy('alarms', INTERVAL '30 days');
