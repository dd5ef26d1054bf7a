package com.towerco.analytics.jdbc;

/** A column of a staging table: its name and the kind of value the bulk loaders write. */
record Column(String name, Kind kind) {
  enum Kind { TEXT, TIME, INT, BIGINT, DOUBLE, BOOL, JSON }

  static Column text(String name) {
    return new Column(name, Kind.TEXT);
  }

  static Column time(String name) {
    return new Column(name, Kind.TIME);
  }

  static Column integer(String name) {
    return new Column(name, Kind.INT);
  }

  static Column bigint(String name) {
    return new Column(name, Kind.BIGINT);
  }

  static Column number(String name) {
    return new Column(name, Kind.DOUBLE);
  }

  static Column bool(String name) {
    return new Column(name, Kind.BOOL);
  }

  static Column json(String name) {
    return new Column(name, Kind.JSON);
  }
}
