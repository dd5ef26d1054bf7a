package com.towerco.analytics;

import com.towerco.analytics.jdbc.Database;
import com.towerco.testing.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Throw-away analytics databases for tests: a DuckDB file in a temporary directory, or a
 * database of its own on the real PostgreSQL at 127.0.0.1:5432 (dropped afterwards), which can
 * also be taken down and brought back to test outages.
 */
abstract class TestDatabases implements AutoCloseable {
  abstract String url();

  @Override
  public abstract void close();

  /** Opens (and migrates) the store. */
  Database open() {
    return Database.open(url(), user(), null, Database.Timescale.AUTO, 4);
  }

  String user() {
    return null;
  }

  static TestDatabases duckDb() {
    return new DuckDb();
  }

  static Postgres postgres() {
    return new Postgres();
  }

  static final class DuckDb extends TestDatabases {
    private final Path dir;

    DuckDb() {
      try {
        dir = Files.createTempDirectory("analytics-duckdb-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    String url() {
      return "jdbc:duckdb:" + dir.resolve("analytics.duckdb");
    }

    @Override
    public void close() {
      TestFiles.deleteRecursively(dir);
    }
  }

  static final class Postgres extends TestDatabases {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private final String name = "analytics_" + UUID.randomUUID().toString().replace("-", "")
        .substring(0, 16);

    Postgres() {
      admin("CREATE DATABASE " + name);
    }

    @Override
    String url() {
      return SERVER + name;
    }

    @Override
    String user() {
      return "postgres";
    }

    /** The database refuses connections and drops the ones it has: an outage. */
    void goDown() {
      admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
      admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
          + name + "'");
    }

    void comeBack() {
      admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
    }

    @Override
    public void close() {
      admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
      try (Connection c = DriverManager.getConnection(SERVER + "test", "postgres", null);
          Statement s = c.createStatement()) {
        s.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(sql + ": " + e.getMessage(), e);
      }
    }
  }
}
