package com.towerco.analytics.jdbc;

import java.util.List;

/**
 * Which SQL engine the store runs on. The three share table names, columns and queries; they
 * differ in migrations (DuckDB tables, PostgreSQL native partitions, TimescaleDB hypertables),
 * in the bulk path (DuckDB's appender, PostgreSQL's COPY) and in partition upkeep.
 */
public enum Dialect {
  DUCKDB("classpath:db/migration/duckdb"),
  POSTGRESQL("classpath:db/migration/postgresql/common",
      "classpath:db/migration/postgresql/native"),
  TIMESCALEDB("classpath:db/migration/postgresql/common",
      "classpath:db/migration/postgresql/timescaledb");

  private final List<String> migrations;

  Dialect(String... migrations) {
    this.migrations = List.of(migrations);
  }

  public List<String> migrations() {
    return migrations;
  }

  public boolean isPostgres() {
    return this != DUCKDB;
  }

  /** The SQL type of a staged column. */
  String sqlType(Column.Kind kind) {
    return switch (kind) {
      case TEXT -> this == DUCKDB ? "VARCHAR" : "text";
      case TIME -> "TIMESTAMPTZ";
      case INT -> "INTEGER";
      case BIGINT -> "BIGINT";
      case DOUBLE -> this == DUCKDB ? "DOUBLE" : "double precision";
      case BOOL -> "BOOLEAN";
      // As raw_events stores it (see the migrations).
      case JSON -> switch (this) {
        case DUCKDB -> "VARCHAR";
        case POSTGRESQL -> "json";
        case TIMESCALEDB -> "jsonb";
      };
    };
  }

  /** Statement that makes a session read and write times in UTC. */
  String utcSession() {
    return this == DUCKDB ? "SET TimeZone = 'UTC'" : "SET TIME ZONE 'UTC'";
  }
}
