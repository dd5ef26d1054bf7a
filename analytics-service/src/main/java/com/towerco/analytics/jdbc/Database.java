package com.towerco.analytics.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analytics database: a HikariCP pool, the {@link Dialect} it speaks, and its schema
 * brought up to date by Flyway on open. DuckDB (a file) is the embedded default; a PostgreSQL
 * URL selects PostgreSQL, with TimescaleDB when the extension can be used ({@code timescale}
 * {@code auto}), else native partitioning. A schema already created keeps the variant it was
 * created with.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /** Whether to use TimescaleDB on PostgreSQL. */
  public enum Timescale { AUTO, ON, OFF }

  private final HikariDataSource pool;
  private final Dialect dialect;
  private final Partitions partitions;

  private Database(HikariDataSource pool, Dialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
    this.partitions = new Partitions(dialect);
  }

  /** Opens the pool and migrates the schema; fails if the database cannot be reached. */
  public static Database open(String url, String user, String password, Timescale timescale,
      int poolSize) {
    boolean duck = url.startsWith("jdbc:duckdb:");
    if (!duck && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("analytics supports jdbc:duckdb: and jdbc:postgresql:"
          + " URLs, not " + url);
    }
    if (duck) {
      createParentDirectory(url.substring("jdbc:duckdb:".length()));
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("analytics");
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(5_000);
    config.setValidationTimeout(2_000);
    config.setConnectionInitSql((duck ? Dialect.DUCKDB : Dialect.POSTGRESQL).utcSession());
    HikariDataSource pool = new HikariDataSource(config);
    try {
      Dialect dialect = duck ? Dialect.DUCKDB : postgresDialect(pool, timescale);
      Flyway.configure().dataSource(pool)
          .locations(dialect.migrations().toArray(String[]::new))
          .load().migrate();
      if (duck) {
        tuneDuckDb(pool);
      }
      LOG.info("analytics store: {} at {}", dialect, url.replaceAll("password=[^&]*", ""));
      return new Database(pool, dialect);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  public Dialect dialect() {
    return dialect;
  }

  public DataSource dataSource() {
    return pool;
  }

  public Connection connection() throws SQLException {
    return pool.getConnection();
  }

  Partitions partitions() {
    return partitions;
  }

  @Override
  public void close() {
    pool.close();
  }

  private static Dialect postgresDialect(DataSource pool, Timescale timescale) {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      String kind = single(s, "SELECT c.relkind::text FROM pg_class c JOIN pg_namespace n"
          + " ON n.oid = c.relnamespace WHERE c.relname = 'raw_events'"
          + " AND n.nspname = current_schema()");
      if (kind != null) {
        return "p".equals(kind) ? Dialect.POSTGRESQL : Dialect.TIMESCALEDB;
      }
      if (timescale == Timescale.OFF) {
        return Dialect.POSTGRESQL;
      }
      boolean usable = single(s, "SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'")
          != null
          || single(s, "SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'"
              + " AND current_setting('shared_preload_libraries') LIKE '%timescaledb%'") != null;
      if (!usable && timescale == Timescale.ON) {
        throw new IllegalStateException("analytics.timescaledb=on but the TimescaleDB extension"
            + " is not installed and preloaded on this server");
      }
      return usable ? Dialect.TIMESCALEDB : Dialect.POSTGRESQL;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot inspect the analytics database: " + e.getMessage(),
          e);
    }
  }

  /**
   * Two settings for a DuckDB that ingests all day on a small machine. It checkpoints
   * (compresses the write-ahead log into the table's blocks) whenever the log passes 16 MB by
   * default: with raw events arriving at tens of MB per second that was a checkpoint every few
   * batches, each rewriting the table's last row group; a larger log checkpoints whole row
   * groups, at the cost of a longer replay after a crash. And it runs queries on as many
   * threads as there are cores, the calling thread spinning while it waits for the others
   * (measured: a third of the sink's CPU went to that spinning during checkpoints); one
   * thread does the same work without the spinning, and leaves the other core to Kafka.
   */
  private static void tuneDuckDb(DataSource pool) {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("SET checkpoint_threshold = '" + DUCKDB_CHECKPOINT_THRESHOLD + "'");
      s.execute("SET threads = " + DUCKDB_THREADS);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot configure DuckDB: " + e.getMessage(), e);
    }
  }

  static final int DUCKDB_THREADS = 1;
  static final String DUCKDB_CHECKPOINT_THRESHOLD = "256MB";

  private static String single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static void createParentDirectory(String file) {
    if (file.isEmpty() || file.startsWith(":memory:")) {
      throw new IllegalArgumentException("the DuckDB store needs a file (its connections share"
          + " it), e.g. jdbc:duckdb:/var/lib/towerco/analytics/analytics.duckdb");
    }
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + parent, e);
    }
  }
}
