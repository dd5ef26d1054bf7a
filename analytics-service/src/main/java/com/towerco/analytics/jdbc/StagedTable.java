package com.towerco.analytics.jdbc;

import com.towerco.analytics.domain.StoredRow;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How one kind of {@link StoredRow} reaches its table: rows are bulk-loaded into a session
 * temporary staging table, then merged into the target by set-based SQL (insert-or-ignore for
 * immutable facts, upserts for state), all inside the batch's transaction.
 */
record StagedTable<R extends StoredRow>(Class<R> rowType, String stage, List<Column> columns,
    Function<R, Object[]> values, List<String> merges) {

  String createStage(Dialect dialect) {
    String cols = columns.stream().map(c -> c.name() + " " + dialect.sqlType(c.kind()))
        .collect(Collectors.joining(", "));
    // PostgreSQL empties the stage at commit; DuckDB's sink empties it explicitly.
    return "CREATE TEMP TABLE IF NOT EXISTS " + stage + " (" + cols + ")"
        + (dialect.isPostgres() ? " ON COMMIT DELETE ROWS" : "");
  }

  Object[] valuesOf(StoredRow row) {
    return values.apply(rowType.cast(row));
  }

  String columnList() {
    return columns.stream().map(Column::name).collect(Collectors.joining(", "));
  }
}
