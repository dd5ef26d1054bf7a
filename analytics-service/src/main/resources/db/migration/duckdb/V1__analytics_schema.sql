-- The analytics store on the embedded default (DuckDB: columnar, min/max zone maps on every
-- column, so time-range scans need no partitioning). Same tables and columns as PostgreSQL.

CREATE TABLE raw_events (
  event_id        VARCHAR     NOT NULL,
  event_type      VARCHAR     NOT NULL,
  version         VARCHAR     NOT NULL,
  tenant_id       VARCHAR     NOT NULL,
  site_id         VARCHAR     NOT NULL,
  event_time      TIMESTAMPTZ NOT NULL,
  topic           VARCHAR     NOT NULL,
  kafka_partition INTEGER     NOT NULL,
  kafka_offset    BIGINT      NOT NULL,
  envelope        JSON        NOT NULL,
  PRIMARY KEY (event_id, event_time)
);

CREATE TABLE kpi_windows (
  tenant_id              VARCHAR     NOT NULL,
  scope                  VARCHAR     NOT NULL,
  site_id                VARCHAR     NOT NULL,
  tenancy_tenant_id      VARCHAR     NOT NULL,
  region                 VARCHAR     NOT NULL,
  window_start           TIMESTAMPTZ NOT NULL,
  window_end             TIMESTAMPTZ NOT NULL,
  duration_s             DOUBLE      NOT NULL,
  samples                INTEGER     NOT NULL,
  power_availability_pct DOUBLE,
  grid_availability_pct  DOUBLE,
  generator_run_s        DOUBLE,
  fuel_consumed_l        DOUBLE,
  battery_min_soc_pct    DOUBLE,
  energy_kwh             DOUBLE,
  alarms_raised          DOUBLE,
  reporting_pct          DOUBLE,
  event_id               VARCHAR     NOT NULL,
  PRIMARY KEY (tenant_id, site_id, tenancy_tenant_id, window_start, window_end)
);

CREATE TABLE alarms (
  tenant_id          VARCHAR     NOT NULL,
  site_id            VARCHAR     NOT NULL,
  alarm_id           VARCHAR     NOT NULL,
  state              VARCHAR     NOT NULL,
  event_time         TIMESTAMPTZ NOT NULL,
  perceived_severity VARCHAR     NOT NULL,
  x733_event_type    VARCHAR     NOT NULL,
  probable_cause     VARCHAR     NOT NULL,
  specific_problem   VARCHAR     NOT NULL,
  managed_object     VARCHAR     NOT NULL,
  tenancy_tenant_id  VARCHAR,
  event_id           VARCHAR     NOT NULL,
  PRIMARY KEY (event_id, event_time)
);

CREATE TABLE alerts (
  tenant_id        VARCHAR     NOT NULL,
  alert_id         VARCHAR     NOT NULL,
  fingerprint      VARCHAR     NOT NULL,
  rule             VARCHAR     NOT NULL,
  severity         VARCHAR     NOT NULL,
  summary          VARCHAR     NOT NULL,
  site_id          VARCHAR     NOT NULL,
  region           VARCHAR,
  affected_tenants VARCHAR     NOT NULL,
  starts_at        TIMESTAMPTZ NOT NULL,
  ends_at          TIMESTAMPTZ,
  PRIMARY KEY (tenant_id, alert_id)
);

CREATE TABLE incidents (
  tenant_id              VARCHAR NOT NULL,
  incident_id            VARCHAR NOT NULL,
  title                  VARCHAR,
  severity               VARCHAR,
  root_cause_site_id     VARCHAR,
  root_cause_kind        VARCHAR,
  root_cause_description VARCHAR,
  confidence             DOUBLE,
  affected_tenants       VARCHAR,
  opened_at              TIMESTAMPTZ,
  resolved_at            TIMESTAMPTZ,
  resolution             VARCHAR,
  PRIMARY KEY (tenant_id, incident_id)
);

CREATE TABLE incident_sites (
  tenant_id   VARCHAR NOT NULL,
  incident_id VARCHAR NOT NULL,
  site_id     VARCHAR NOT NULL,
  PRIMARY KEY (tenant_id, incident_id, site_id)
);

CREATE TABLE sites (
  site_id       VARCHAR     NOT NULL PRIMARY KEY,
  name          VARCHAR     NOT NULL,
  region        VARCHAR     NOT NULL,
  hub_site_id   VARCHAR,
  is_hub        BOOLEAN     NOT NULL,
  registered_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE tenancies (
  site_id              VARCHAR NOT NULL,
  tenant_id            VARCHAR NOT NULL,
  sla_availability_pct DOUBLE  NOT NULL,
  dc_min_v             DOUBLE  NOT NULL,
  dc_max_v             DOUBLE  NOT NULL,
  backup_hours         DOUBLE  NOT NULL,
  PRIMARY KEY (site_id, tenant_id)
);

-- Kafka positions, written in the same transaction as the rows they cover.
CREATE TABLE ingest_offsets (
  consumer_group  VARCHAR NOT NULL,
  topic           VARCHAR NOT NULL,
  kafka_partition INTEGER NOT NULL,
  next_offset     BIGINT  NOT NULL,
  PRIMARY KEY (consumer_group, topic, kafka_partition)
);
