package com.towerco.platform.runtime;

import java.util.HashMap;
import java.util.Map;

/**
 * Options for one service from the command line or a config file, as {@code key=value}
 * strings (for example {@code analytics.jdbc-url}, {@code dashboard.http-port}). Each service
 * documents the keys it reads.
 */
public record ServiceSettings(Map<String, String> values) {
  public ServiceSettings {
    values = Map.copyOf(values);
  }

  public static ServiceSettings empty() {
    return new ServiceSettings(Map.of());
  }

  public ServiceSettings with(String key, String value) {
    Map<String, String> copy = new HashMap<>(values);
    copy.put(key, value);
    return new ServiceSettings(copy);
  }

  public String string(String key, String fallback) {
    return values.getOrDefault(key, fallback);
  }

  public int integer(String key, int fallback) {
    String value = values.get(key);
    return value == null ? fallback : Integer.parseInt(value.trim());
  }

  public long longValue(String key, long fallback) {
    String value = values.get(key);
    return value == null ? fallback : Long.parseLong(value.trim());
  }

  public boolean bool(String key, boolean fallback) {
    String value = values.get(key);
    return value == null ? fallback : Boolean.parseBoolean(value.trim());
  }
}
