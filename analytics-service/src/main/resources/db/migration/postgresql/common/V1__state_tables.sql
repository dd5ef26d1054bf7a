-- PostgreSQL (with or without TimescaleDB): the tables that hold current state rather than a
-- time series. The time-series tables come in V2, as hypertables or as natively partitioned
-- tables; both have the same columns, so every query is shared.

CREATE TABLE alerts (
  tenant_id        text        NOT NULL,
  alert_id         text        NOT NULL,
  fingerprint      text        NOT NULL,
  rule             text        NOT NULL,
  severity         text        NOT NULL,
  summary          text        NOT NULL,
  site_id          text        NOT NULL,
  region           text,
  affected_tenants text        NOT NULL,
  starts_at        timestamptz NOT NULL,
  ends_at          timestamptz,
  PRIMARY KEY (tenant_id, alert_id)
);
CREATE INDEX alerts_site ON alerts (site_id, starts_at);

CREATE TABLE incidents (
  tenant_id              text NOT NULL,
  incident_id            text NOT NULL,
  title                  text,
  severity               text,
  root_cause_site_id     text,
  root_cause_kind        text,
  root_cause_description text,
  confidence             double precision,
  affected_tenants       text,
  opened_at              timestamptz,
  resolved_at            timestamptz,
  resolution             text,
  PRIMARY KEY (tenant_id, incident_id)
);
CREATE INDEX incidents_opened ON incidents (tenant_id, opened_at);

CREATE TABLE incident_sites (
  tenant_id   text NOT NULL,
  incident_id text NOT NULL,
  site_id     text NOT NULL,
  PRIMARY KEY (tenant_id, incident_id, site_id)
);
CREATE INDEX incident_sites_site ON incident_sites (site_id);

CREATE TABLE sites (
  site_id       text        NOT NULL PRIMARY KEY,
  name          text        NOT NULL,
  region        text        NOT NULL,
  hub_site_id   text,
  is_hub        boolean     NOT NULL,
  registered_at timestamptz NOT NULL
);
CREATE INDEX sites_region ON sites (region);

CREATE TABLE tenancies (
  site_id              text             NOT NULL,
  tenant_id            text             NOT NULL,
  sla_availability_pct double precision NOT NULL,
  dc_min_v             double precision NOT NULL,
  dc_max_v             double precision NOT NULL,
  backup_hours         double precision NOT NULL,
  PRIMARY KEY (site_id, tenant_id)
);
CREATE INDEX tenancies_tenant ON tenancies (tenant_id);

-- Kafka positions, written in the same transaction as the rows they cover.
CREATE TABLE ingest_offsets (
  consumer_group  text    NOT NULL,
  topic           text    NOT NULL,
  kafka_partition integer NOT NULL,
  next_offset     bigint  NOT NULL,
  PRIMARY KEY (consumer_group, topic, kafka_partition)
);
