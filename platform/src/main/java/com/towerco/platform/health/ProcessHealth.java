package com.towerco.platform.health;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.towerco.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One process's heartbeat on {@code towerco.platform.health} (key: its instance id): what it
 * runs, whether it is ready, when it started and last reported, and its counters since start.
 * A process reports every {@code cadence}; the NOC takes it for missing after
 * {@link #MISSING_AFTER} cadences without a report, and a clean stop removes it (tombstone).
 *
 * @param instanceId the process's instance id (unique per process, ADR-015)
 * @param host the host it runs on
 * @param pid its operating-system process id
 * @param status {@code ready}, {@code not_ready} (a dependency is down, it may recover) or
 *     {@code not_live} (a loop stopped for good: restart it)
 * @param services every service of the process with its counters
 * @param started when the process started
 * @param heartbeat when this report was made
 * @param cadenceMillis how often the process reports
 */
public record ProcessHealth(String instanceId, String host, long pid, String status,
    List<ServiceHealth> services, Instant started, Instant heartbeat, long cadenceMillis) {

  /** Cadences without a report after which a process is marked missing. */
  public static final int MISSING_AFTER = 3;
  /** A newer process may report more fields than this reader knows. */
  private static final JsonMapper JSON = Json.mapper().rebuild()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  public ProcessHealth {
    services = List.copyOf(services);
  }

  /**
   * One service of the process (with its helper loops, e.g. {@code incidents-view}, counted in).
   *
   * @param consumerLag records behind the end of its inputs, as this process sees them
   */
  public record ServiceHealth(String service, boolean ready, long eventsIn, long eventsOut,
      long deadLettered, long consumerLag) {}

  /** True when the last report is more than {@link #MISSING_AFTER} cadences old at {@code now}. */
  public boolean missingAt(Instant now) {
    return Duration.between(heartbeat, now).toMillis() > MISSING_AFTER * cadenceMillis;
  }

  public long eventsIn() {
    return services.stream().mapToLong(ServiceHealth::eventsIn).sum();
  }

  public long eventsOut() {
    return services.stream().mapToLong(ServiceHealth::eventsOut).sum();
  }

  public long deadLettered() {
    return services.stream().mapToLong(ServiceHealth::deadLettered).sum();
  }

  public long consumerLag() {
    return services.stream().mapToLong(ServiceHealth::consumerLag).sum();
  }

  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a report; throws {@link IllegalArgumentException} for what is not one. */
  public static ProcessHealth fromJson(byte[] json) {
    try {
      ProcessHealth health = JSON.readValue(json, ProcessHealth.class);
      if (health.instanceId() == null || health.heartbeat() == null || health.cadenceMillis() < 1) {
        throw new IllegalArgumentException("not a process health report");
      }
      return health;
    } catch (IOException e) {
      throw new IllegalArgumentException("not a process health report: " + e.getMessage(), e);
    }
  }
}
