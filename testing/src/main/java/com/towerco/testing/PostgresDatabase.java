package com.towerco.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own on the real PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth),
 * dropped afterwards, for tests of the production store path.
 */
public final class PostgresDatabase implements AutoCloseable {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private final String name = "towerco_system_" + UUID.randomUUID().toString()
      .replace("-", "").substring(0, 12);

  public PostgresDatabase() throws SQLException {
    admin("CREATE DATABASE " + name);
  }

  public String url() {
    return SERVER + name;
  }

  public long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(), "postgres", null);
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() throws SQLException {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", null);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
